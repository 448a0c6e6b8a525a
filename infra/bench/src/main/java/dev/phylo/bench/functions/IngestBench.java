package dev.phylo.bench.functions;

import dev.phylo.efs.EfsLayout;
import dev.phylo.efs.SnapshotManifest;
import dev.phylo.efs.SnapshotRef;
import dev.phylo.efs.SnapshotWriter;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.CsvBarReader;
import dev.phylo.engine.data.CsvOptions;
import dev.phylo.engine.data.CsvReadResult;
import dev.phylo.functions.ingest.IngestInput;
import dev.phylo.functions.ingest.IngestOutput;
import dev.phylo.functions.ingest.IngestService;
import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.schema.Migrations;
import dev.phylo.store.Database;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.IngestFileRepository;
import dev.phylo.store.MarketDataRepository;
import dev.phylo.store.UpsertCounts;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Figure 1: the real {@link IngestService} on a local 1M-bar CSV file against {@code psql \copy} of the same rows
 * into an identical empty table, both on the same embedded PostgreSQL 17, interleaved run by run. A third set of
 * runs times the service's stages one by one (same code paths, called directly) for the breakdown.
 */
final class IngestBench implements AutoCloseable {

    static final String SYMBOL = "BENCH";
    private static final String PSQL = "/usr/bin/psql";

    private final Path work;
    private final BarSeries bars;
    private final int measured;
    private final EmbeddedDatabase db;
    private final DatabaseUrl url;
    private final Vertx vertx;
    private final Pool pool;
    private final Database database;
    private final Path csv;
    private final Path copyCsv;
    private final Path again;
    private final String source;

    record Result(
            int rows,
            Samples service,
            Samples overlap,
            Samples copy,
            String copyMethod,
            Samples hash,
            Samples parse,
            Samples upsert,
            Samples readBack,
            Samples snapshot,
            long csvBytes) {

        double ratio() {
            return copy.medianSeconds() / service.medianSeconds();
        }
    }

    IngestBench(Path work, BarSeries bars, int measured) throws IOException, SQLException {
        this.work = work;
        this.bars = bars;
        this.measured = measured;
        this.csv = work.resolve("bars.csv");
        this.copyCsv = work.resolve("market_data_copy.csv");
        this.again = work.resolve("bars-again.csv");
        // what the service records as market_data.source for a local file (SourceObject.uri())
        this.source = "file:" + csv.toAbsolutePath().normalize();
        if (source.indexOf(',') >= 0 || source.indexOf('"') >= 0) {
            throw new IllegalStateException("work directory must not contain ',' or '\"': " + work);
        }
        FunctionsBench.progress("ingest: starting embedded PostgreSQL");
        this.db = EmbeddedDatabase.start(null);
        Migrations.migrate(db.url());
        this.url = db.url();
        this.vertx = Vertx.vertx();
        this.pool = BenchDatabases.pool(vertx, url, 2);
        this.database = new Database(pool, Duration.ofSeconds(120));
        IngestFiles.write(bars, SYMBOL, source, csv, copyCsv);
        Files.copy(csv, again, StandardCopyOption.REPLACE_EXISTING);
        sql("DROP TABLE IF EXISTS market_data_copy; CREATE TABLE market_data_copy (LIKE market_data INCLUDING ALL)");
    }

    Result run() throws Exception {
        boolean havePsql = Files.isExecutable(Path.of(PSQL));
        String copyMethod = havePsql ? "psql \\copy" : "pgJDBC CopyManager (psql missing)";
        Samples service = new Samples("ingest service");
        Samples copy = new Samples(copyMethod);
        Samples overlap = new Samples("ingest service, every row already stored");
        for (int rep = 0; rep <= measured; rep++) {
            String label = rep == 0 ? "warm-up" : "run " + rep + "/" + measured;
            long s = ingestOnce(rep);
            long o = overlapOnce(rep);
            long c = havePsql ? copyWithPsql() : copyWithJdbc();
            FunctionsBench.progress(Format.f(
                    "ingest %s: service %.3f s, over stored rows %.3f s, %s %.3f s",
                    label, s / 1e9, o / 1e9, copyMethod, c / 1e9));
            if (rep > 0) {
                service.add(s);
                overlap.add(o);
                copy.add(c);
            }
        }
        Samples hash = new Samples("  stage: sha-256 of the file");
        Samples parse = new Samples("  stage: parse (CsvBarReader)");
        Samples upsert = new Samples("  stage: lock + write (insert path)");
        Samples readBack = new Samples("  stage: stored series (asStored)");
        Samples snapshot = new Samples("  stage: snapshot write + publish");
        for (int rep = 1; rep <= measured; rep++) {
            long[] t = stagesOnce(rep);
            hash.add(t[0]);
            parse.add(t[1]);
            upsert.add(t[2]);
            readBack.add(t[3]);
            snapshot.add(t[4]);
            FunctionsBench.progress(Format.f(
                    "ingest stages run %d/%d: hash %.3f s, parse %.3f s, upsert %.3f s, read-back %.3f s,"
                            + " snapshot %.3f s",
                    rep, measured, t[0] / 1e9, t[1] / 1e9, t[2] / 1e9, t[3] / 1e9, t[4] / 1e9));
        }
        return new Result(
                bars.size(),
                service,
                overlap,
                copy,
                copyMethod,
                hash,
                parse,
                upsert,
                readBack,
                snapshot,
                Files.size(csv));
    }

    /** The diagnostic variants of {@link IngestProfile}, on this database and these bars. */
    List<String> profile(int runs) throws SQLException {
        return new IngestProfile(url, database, bars, source, runs).run();
    }

    /** One call of the real service on an empty market_data, with a fresh EFS root so the snapshot is written. */
    private long ingestOnce(int rep) throws Exception {
        reset("TRUNCATE market_data, ingest_files, ingest_rejects CASCADE");
        Path efsRoot = Files.createDirectories(work.resolve("efs-ingest-" + rep));
        // S3Objects is package-private in the ingest module and is only used for s3:// URIs, so null is passed.
        IngestService service = new IngestService(
                database, new MarketDataRepository(), new IngestFileRepository(), null, efsRoot, Long.MAX_VALUE);
        IngestInput input =
                new IngestInput(null, csv.toString(), SYMBOL, bars.interval().toString(), null, null, null, null);
        long start = System.nanoTime();
        IngestOutput output = service.ingest(input);
        long elapsed = System.nanoTime() - start;
        IngestOutput.FileOutcome outcome = output.files().get(0);
        if (!outcome.status().equals("ingested") || outcome.rowsInserted() != bars.size()) {
            throw new IllegalStateException("ingest did not insert " + bars.size() + " rows: " + outcome);
        }
        FunctionsBench.deleteTree(efsRoot);
        return elapsed;
    }

    /**
     * The same bars again from another file (a re-upload under a new key), right after {@link #ingestOnce} stored
     * them: every row overlaps a stored one, so the service takes its upsert path and reads the pair back for the
     * snapshot. Nothing changes.
     */
    private long overlapOnce(int rep) throws Exception {
        Path efsRoot = Files.createDirectories(work.resolve("efs-overlap-" + rep));
        IngestService service = new IngestService(
                database, new MarketDataRepository(), new IngestFileRepository(), null, efsRoot, Long.MAX_VALUE);
        IngestInput input =
                new IngestInput(null, again.toString(), SYMBOL, bars.interval().toString(), null, null, null, null);
        sql("CHECKPOINT");
        long start = System.nanoTime();
        IngestOutput output = service.ingest(input);
        long elapsed = System.nanoTime() - start;
        IngestOutput.FileOutcome outcome = output.files().get(0);
        if (!outcome.status().equals("ingested") || outcome.rowsUnchanged() != bars.size()) {
            throw new IllegalStateException("a re-ingest did not find all " + bars.size() + " rows stored: " + outcome);
        }
        FunctionsBench.deleteTree(efsRoot);
        return elapsed;
    }

    /** The service's stages one at a time, timed separately: hash, parse, lock+write, stored series, snapshot. */
    private long[] stagesOnce(int rep) throws Exception {
        reset("TRUNCATE market_data, ingest_files, ingest_rejects CASCADE");
        long[] t = new long[5];
        long start = System.nanoTime();
        IngestFiles.sha256(csv);
        t[0] = System.nanoTime() - start;

        start = System.nanoTime();
        CsvOptions options = CsvOptions.defaults()
                .withSymbol(SYMBOL)
                .withInterval(bars.interval())
                .withLenient(false);
        CsvReadResult parsed;
        // as the service decodes: strict UTF-8 over the raw stream, into CsvBarReader.read(Reader, ...)
        try (InputStream in = Files.newInputStream(csv);
                Reader reader = new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            parsed = CsvBarReader.read(reader, csv.getFileName().toString(), options);
        }
        t[1] = System.nanoTime() - start;
        BarSeries series = parsed.series();

        MarketDataRepository marketData = new MarketDataRepository();
        long[] upserted = new long[1];
        start = System.nanoTime();
        long begin = start;
        BarSeries stored = database.await(
                "bench write + stored series",
                c -> c.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
                        .execute(Tuple.of("market_data:" + SYMBOL + "/" + bars.interval()))
                        .flatMap(locked -> marketData.occupancy(c, series))
                        .flatMap(occupancy -> marketData.write(c, series, source, occupancy))
                        .invoke((UpsertCounts counts) -> {
                            if (counts.inserted() != series.size()) {
                                throw new IllegalStateException("upsert inserted " + counts.inserted());
                            }
                            upserted[0] = System.nanoTime();
                        })
                        // as the service does for a pair that held nothing: no read-back
                        .map(counts -> MarketDataRepository.asStored(series)));
        long end = System.nanoTime();
        t[2] = upserted[0] - begin;
        t[3] = end - upserted[0];
        if (stored == null || stored.size() != bars.size()) {
            throw new IllegalStateException("stored series has " + (stored == null ? 0 : stored.size()) + " rows");
        }

        Path efsRoot = Files.createDirectories(work.resolve("efs-stages-" + rep));
        start = System.nanoTime();
        EfsLayout layout = new EfsLayout(efsRoot);
        SnapshotRef ref = SnapshotWriter.write(layout, stored);
        SnapshotManifest.publish(layout, ref);
        t[4] = System.nanoTime() - start;
        FunctionsBench.deleteTree(efsRoot);
        return t;
    }

    private long copyWithPsql() throws Exception {
        reset("TRUNCATE market_data_copy");
        String conninfo =
                "host=" + url.host() + " port=" + url.port() + " dbname=" + url.database() + " user=" + url.user();
        ProcessBuilder builder = new ProcessBuilder(
                        PSQL,
                        "-X",
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        conninfo,
                        "-c",
                        "\\copy market_data_copy FROM '" + copyCsv.toAbsolutePath() + "' WITH (FORMAT csv)")
                .redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", url.password());
        long start = System.nanoTime();
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("psql \\copy failed: " + new String(output, StandardCharsets.UTF_8));
        }
        long elapsed = System.nanoTime() - start;
        checkCopied();
        return elapsed;
    }

    private long copyWithJdbc() throws Exception {
        reset("TRUNCATE market_data_copy");
        try (Connection connection = PostgresJdbc.connect(url);
                Reader reader = Files.newBufferedReader(copyCsv, StandardCharsets.UTF_8)) {
            long start = System.nanoTime();
            new CopyManager(connection.unwrap(BaseConnection.class))
                    .copyIn("COPY market_data_copy FROM STDIN WITH (FORMAT csv)", reader);
            long elapsed = System.nanoTime() - start;
            checkCopied();
            return elapsed;
        }
    }

    private void checkCopied() throws SQLException {
        try (Connection connection = PostgresJdbc.connect(url);
                Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM market_data_copy")) {
            rs.next();
            if (rs.getLong(1) != bars.size()) {
                throw new IllegalStateException("COPY loaded " + rs.getLong(1) + " rows, expected " + bars.size());
            }
        }
    }

    /** Empties the target tables and checkpoints, so no run pays for the previous run's dirty pages. */
    private void reset(String truncate) throws SQLException {
        sql(truncate + "; CHECKPOINT");
    }

    private void sql(String statements) throws SQLException {
        BenchDatabases.sql(url, statements);
    }

    @Override
    public void close() {
        try {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        } catch (RuntimeException e) {
            FunctionsBench.progress("ingest: closing the pool failed: " + e);
        } finally {
            db.close();
        }
    }
}
