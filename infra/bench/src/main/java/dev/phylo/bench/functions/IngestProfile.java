package dev.phylo.bench.functions;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.postgres.PostgresJdbc;
import dev.phylo.store.Database;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.MarketDataRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the ingest's database time goes ({@code scripts/bench-functions ingest-profile}): variants of the upsert and
 * the read-back of {@link MarketDataRepository}, on the same embedded PostgreSQL, pool and 1M bars as figure 1. The
 * store's own upsert comes from {@link MarketDataRepository#upsertSql()}, so the variants differ from it only where
 * named.
 * Diagnostic only: nothing here is used by the functions.
 */
final class IngestProfile {

    private final DatabaseUrl url;
    private final Database database;
    private final BarSeries bars;
    private final String source;
    private final int runs;
    private final String upsertSql;

    IngestProfile(DatabaseUrl url, Database database, BarSeries bars, String source, int runs) {
        this.url = url;
        this.database = database;
        this.bars = bars;
        this.source = source;
        this.runs = runs;
        this.upsertSql = MarketDataRepository.upsertSql();
    }

    List<String> run() throws SQLException {
        Map<String, Samples> samples = new LinkedHashMap<>();
        String textToFloat8 = upsertSql.replace(
                "$4::text[], $5::text[], $6::text[], $7::text[], $8::text[]",
                "$4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[]");
        if (textToFloat8.equals(upsertSql)) {
            throw new IllegalStateException("the store's UPSERT changed; update the float8[] variant");
        }
        String insertOnly = """
                INSERT INTO market_data ("timestamp", symbol, "interval", open, high, low, close, volume, source)
                SELECT 'epoch'::timestamptz + u.t * interval '1 millisecond', $1, $2, u.o::numeric(20,8),
                       u.h::numeric(20,8), u.l::numeric(20,8), u.c::numeric(20,8), u.v::numeric(20,8), $9
                  FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                       AS u(t, o, h, l, c, v)""";
        String noReturning = insertOnly + """

                ON CONFLICT (symbol, "interval", "timestamp") DO UPDATE
                   SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                       volume = EXCLUDED.volume, source = EXCLUDED.source
                 WHERE (market_data.open, market_data.high, market_data.low, market_data.close, market_data.volume)
                       IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close,
                                         EXCLUDED.volume)""";
        for (int run = 1; run <= runs; run++) {
            time(samples, "upsert: store (CHUNK_ROWS " + MarketDataRepository.CHUNK_ROWS + ")", () -> {
                reset();
                long start = System.nanoTime();
                database.await("profile", c -> new MarketDataRepository().upsert(c, bars, source));
                return System.nanoTime() - start;
            });
            for (int chunk : new int[] {5_000, 100_000, 1_000_000}) {
                time(samples, "upsert: store SQL, chunk " + chunk, () -> sequential(upsertSql, chunk, this::textArgs));
            }
            time(
                    samples,
                    "upsert: float8[] instead of text[]",
                    () -> sequential(textToFloat8, MarketDataRepository.CHUNK_ROWS, this::doubleArgs));
            time(
                    samples,
                    "upsert: plain INSERT (no ON CONFLICT)",
                    () -> sequential(insertOnly, MarketDataRepository.CHUNK_ROWS, this::textArgs));
            time(
                    samples,
                    "upsert: INSERT .. ON CONFLICT DO NOTHING",
                    () -> sequential(
                            insertOnly + "\nON CONFLICT (symbol, \"interval\", \"timestamp\") DO NOTHING",
                            MarketDataRepository.CHUNK_ROWS,
                            this::textArgs));
            time(
                    samples,
                    "upsert: DO UPDATE, no RETURNING/count",
                    () -> sequential(noReturning, MarketDataRepository.CHUNK_ROWS, this::textArgs));
            time(samples, "upsert: java side only (build tuples)", () -> {
                long start = System.nanoTime();
                for (int from = 0; from < bars.size(); from += MarketDataRepository.CHUNK_ROWS) {
                    textArgs(from, Math.min(bars.size(), from + MarketDataRepository.CHUNK_ROWS));
                }
                return System.nanoTime() - start;
            });
            time(samples, "upsert: store SQL, tuples prebuilt", () -> prebuilt(false));
            time(samples, "upsert: store SQL, prebuilt + pipelined", () -> prebuilt(true));

            // read-back variants, on the 1M rows the last upsert left
            reset();
            database.await("profile", c -> new MarketDataRepository().upsert(c, bars, source));
            time(samples, "read-back: store (pages of 100,000)", () -> {
                long start = System.nanoTime();
                BarSeries read = database.await(
                        "profile", c -> new MarketDataRepository().read(c, bars.symbol(), bars.interval()));
                check(read.size());
                return System.nanoTime() - start;
            });
            time(samples, "read-back: array_agg pages of 100,000", () -> readPages(true, 100_000));
            time(samples, "read-back: array_agg, one page of 1M", () -> readPages(true, 1_000_000));
            time(samples, "read-back: array_agg without ORDER BY", () -> readPages(false, 100_000));
            time(samples, "read-back: plain rows (float8 columns)", this::readRows);
            FunctionsBench.progress("ingest-profile: run " + run + "/" + runs + " done");
        }
        List<String> out = new ArrayList<>();
        samples.values().forEach(s -> out.add(s.detail()));
        return out;
    }

    private long sequential(String sql, int chunk, Chunker args) throws SQLException {
        reset();
        long start = System.nanoTime();
        database.await("profile", c -> chunks(c, sql, chunk, 0, args));
        long elapsed = System.nanoTime() - start;
        checkStored();
        return elapsed;
    }

    private Uni<Void> chunks(SqlConnection c, String sql, int chunk, int from, Chunker args) {
        if (from >= bars.size()) {
            return Uni.createFrom().voidItem();
        }
        int to = Math.min(bars.size(), from + chunk);
        return c.preparedQuery(sql)
                .execute(args.tuple(from, to))
                .replaceWithVoid()
                .flatMap(ignored -> chunks(c, sql, chunk, to, args));
    }

    /** The store's statement with the argument tuples built beforehand: what the database side alone costs. */
    private long prebuilt(boolean pipelined) throws SQLException {
        reset();
        int chunk = MarketDataRepository.CHUNK_ROWS;
        List<Tuple> tuples = new ArrayList<>();
        for (int from = 0; from < bars.size(); from += chunk) {
            tuples.add(textArgs(from, Math.min(bars.size(), from + chunk)));
        }
        long start = System.nanoTime();
        if (pipelined) {
            database.await("profile", c -> {
                List<Uni<Void>> all = new ArrayList<>();
                for (Tuple t : tuples) {
                    all.add(c.preparedQuery(upsertSql).execute(t).replaceWithVoid());
                }
                return Uni.join().all(all).andFailFast().replaceWithVoid();
            });
        } else {
            database.await("profile", c -> sendEach(c, tuples, 0));
        }
        long elapsed = System.nanoTime() - start;
        checkStored();
        return elapsed;
    }

    private Uni<Void> sendEach(SqlConnection c, List<Tuple> tuples, int i) {
        if (i == tuples.size()) {
            return Uni.createFrom().voidItem();
        }
        return c.preparedQuery(upsertSql)
                .execute(tuples.get(i))
                .replaceWithVoid()
                .flatMap(ignored -> sendEach(c, tuples, i + 1));
    }

    /** The store's paged array_agg read (as of this writing), optionally without the per-aggregate ORDER BY. */
    private static String pageSql(boolean orderedAggregates) {
        String order = orderedAggregates ? " ORDER BY \"timestamp\"" : "";
        return ("""
                SELECT array_agg((extract(epoch FROM "timestamp") * 1000)::bigint%1$s) AS t,
                       array_agg(open::float8%1$s) AS o, array_agg(high::float8%1$s) AS h,
                       array_agg(low::float8%1$s) AS l, array_agg(close::float8%1$s) AS c,
                       array_agg(volume::float8%1$s) AS v
                  FROM (SELECT * FROM market_data WHERE symbol = $1 AND "interval" = $2
                           AND "timestamp" > to_timestamp($3::bigint / 1000.0)
                         ORDER BY "timestamp" LIMIT $4) page""").formatted(order);
    }

    private long readPages(boolean orderedAggregates, int pageRows) {
        String sql = pageSql(orderedAggregates);
        long start = System.nanoTime();
        int total = database.await("profile", c -> readFrom(c, sql, pageRows, -62_135_596_800_000L, 0));
        long elapsed = System.nanoTime() - start;
        check(total);
        return elapsed;
    }

    private Uni<Integer> readFrom(SqlConnection c, String sql, int pageRows, long after, int sofar) {
        return c.preparedQuery(sql)
                .execute(Tuple.of(bars.symbol(), bars.interval().toString(), after, pageRows))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    Long[] t = row.getArrayOfLongs("t");
                    if (t == null || t.length == 0) {
                        return Uni.createFrom().item(sofar);
                    }
                    for (String column : new String[] {"o", "h", "l", "c", "v"}) {
                        row.getArrayOfDoubles(column);
                    }
                    if (t.length < pageRows) {
                        return Uni.createFrom().item(sofar + t.length);
                    }
                    return readFrom(c, sql, pageRows, t[t.length - 1], sofar + t.length);
                });
    }

    private long readRows() {
        long start = System.nanoTime();
        int n = database.await(
                "profile",
                c -> c.preparedQuery("""
                        SELECT (extract(epoch FROM "timestamp") * 1000)::bigint AS t, open::float8, high::float8,
                               low::float8, close::float8, volume::float8
                          FROM market_data WHERE symbol = $1 AND "interval" = $2 ORDER BY "timestamp\"""")
                        .execute(Tuple.of(bars.symbol(), bars.interval().toString()))
                        .map(rows -> {
                            double sum = 0;
                            int count = 0;
                            for (Row row : rows) {
                                sum += row.getLong(0) + row.getDouble(1) + row.getDouble(4);
                                count++;
                            }
                            return sum == 42 ? -1 : count;
                        }));
        long elapsed = System.nanoTime() - start;
        check(n);
        return elapsed;
    }

    private Tuple textArgs(int from, int to) {
        int n = to - from;
        Long[] time = new Long[n];
        String[][] columns = new String[5][n];
        double[][] values = {bars.open(), bars.high(), bars.low(), bars.close(), bars.volume()};
        for (int i = 0; i < n; i++) {
            time[i] = bars.time()[from + i];
            for (int k = 0; k < 5; k++) {
                columns[k][i] = Double.toString(values[k][from + i]);
            }
        }
        return Tuple.tuple()
                .addString(bars.symbol())
                .addString(bars.interval().toString())
                .addArrayOfLong(time)
                .addArrayOfString(columns[0])
                .addArrayOfString(columns[1])
                .addArrayOfString(columns[2])
                .addArrayOfString(columns[3])
                .addArrayOfString(columns[4])
                .addString(source);
    }

    private Tuple doubleArgs(int from, int to) {
        int n = to - from;
        Long[] time = new Long[n];
        Double[][] columns = new Double[5][n];
        double[][] values = {bars.open(), bars.high(), bars.low(), bars.close(), bars.volume()};
        for (int i = 0; i < n; i++) {
            time[i] = bars.time()[from + i];
            for (int k = 0; k < 5; k++) {
                columns[k][i] = values[k][from + i];
            }
        }
        return Tuple.tuple()
                .addString(bars.symbol())
                .addString(bars.interval().toString())
                .addArrayOfLong(time)
                .addArrayOfDouble(columns[0])
                .addArrayOfDouble(columns[1])
                .addArrayOfDouble(columns[2])
                .addArrayOfDouble(columns[3])
                .addArrayOfDouble(columns[4])
                .addString(source);
    }

    private void reset() throws SQLException {
        try (Connection connection = PostgresJdbc.connect(url);
                Statement st = connection.createStatement()) {
            st.execute("TRUNCATE market_data, ingest_files, ingest_rejects CASCADE");
            st.execute("CHECKPOINT");
        }
    }

    private void checkStored() throws SQLException {
        try (Connection connection = PostgresJdbc.connect(url);
                Statement st = connection.createStatement();
                var rs = st.executeQuery("SELECT count(*) FROM market_data")) {
            rs.next();
            check(rs.getLong(1));
        }
    }

    private void check(long rows) {
        if (rows != bars.size()) {
            throw new IllegalStateException("expected " + bars.size() + " rows, got " + rows);
        }
    }

    private static void time(Map<String, Samples> samples, String name, Timed work) throws SQLException {
        long nanos = work.run();
        samples.computeIfAbsent(name, Samples::new).add(nanos);
        FunctionsBench.progress(Format.f("ingest-profile: %-42s %.3f s", name, nanos / 1e9));
    }

    @FunctionalInterface
    private interface Timed {
        long run() throws SQLException;
    }

    @FunctionalInterface
    private interface Chunker {
        Tuple tuple(int from, int to);
    }
}
