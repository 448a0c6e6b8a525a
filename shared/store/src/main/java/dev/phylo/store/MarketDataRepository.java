package dev.phylo.store;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;

/**
 * {@code market_data}: bulk upserts with {@code unnest} (one statement per chunk, all chunks in the caller's
 * transaction) and paged reads back into a columnar {@link BarSeries}.
 *
 * <p>Prices travel as decimal text so {@code numeric(20,8)} receives exactly the digits of the shortest
 * round-trip representation (a {@code float8} cast would keep only 15 significant digits). Time travels as epoch
 * milliseconds ({@code to_timestamp(ms / 1000.0)}: exact to the millisecond). The engine's series has strictly
 * increasing times, so a chunk never holds a key twice (ON CONFLICT could not update a row twice). An unchanged row is not rewritten ({@code DO UPDATE … WHERE … IS DISTINCT FROM …}), so a replayed
 * file creates no new row versions.
 */
@ApplicationScoped
public class MarketDataRepository {

    /** Rows per statement: large enough to amortise the round trip, small enough to keep each statement short. */
    public static final int CHUNK_ROWS = 20_000;

    static final int READ_PAGE_ROWS = 100_000;

    private static final String UPSERT = """
            WITH input AS (
              SELECT to_timestamp(u.t / 1000.0) AS ts,
                     u.o::numeric(20,8) AS o, u.h::numeric(20,8) AS h, u.l::numeric(20,8) AS l,
                     u.c::numeric(20,8) AS c, u.v::numeric(20,8) AS v
                FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                     AS u(t, o, h, l, c, v)
            ), written AS (
              INSERT INTO market_data AS m ("timestamp", symbol, "interval", open, high, low, close, volume, source)
              SELECT ts, $1, $2, o, h, l, c, v, $9 FROM input
              ON CONFLICT (symbol, "interval", "timestamp") DO UPDATE
                 SET open = EXCLUDED.open, high = EXCLUDED.high, low = EXCLUDED.low, close = EXCLUDED.close,
                     volume = EXCLUDED.volume, source = EXCLUDED.source
               WHERE (m.open, m.high, m.low, m.close, m.volume)
                     IS DISTINCT FROM (EXCLUDED.open, EXCLUDED.high, EXCLUDED.low, EXCLUDED.close, EXCLUDED.volume)
              RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
              FROM written""";

    /** For a range no stored row overlaps (checked under the pair's lock): no conflict handling needed. */
    private static final String INSERT_NEW = """
            INSERT INTO market_data ("timestamp", symbol, "interval", open, high, low, close, volume, source)
            SELECT to_timestamp(u.t / 1000.0), $1, $2, u.o::numeric(20,8), u.h::numeric(20,8), u.l::numeric(20,8),
                   u.c::numeric(20,8), u.v::numeric(20,8), $9
              FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                   AS u(t, o, h, l, c, v)""";

    private static final String OCCUPANCY = """
            SELECT EXISTS (SELECT 1 FROM market_data WHERE symbol = $1 AND "interval" = $2) AS stored,
                   EXISTS (SELECT 1 FROM market_data WHERE symbol = $1 AND "interval" = $2
                              AND "timestamp" BETWEEN to_timestamp($3::bigint / 1000.0)
                                                  AND to_timestamp($4::bigint / 1000.0)) AS overlap""";

    private static final String READ_PAGE_COLUMNS = """
            SELECT array_agg((extract(epoch FROM "timestamp") * 1000)::bigint ORDER BY "timestamp") AS t,
                   array_agg(open::float8 ORDER BY "timestamp") AS o, array_agg(high::float8 ORDER BY "timestamp") AS h,
                   array_agg(low::float8 ORDER BY "timestamp") AS l, array_agg(close::float8 ORDER BY "timestamp") AS c,
                   array_agg(volume::float8 ORDER BY "timestamp") AS v
              FROM """;
    /** Rows [$4, $5) of the pair, at most $3: one time window of the read-back. */
    private static final String PAGE = READ_PAGE_COLUMNS + """
            (SELECT * FROM market_data WHERE symbol = $1 AND "interval" = $2
                AND "timestamp" >= to_timestamp($4::bigint / 1000.0) AND "timestamp" < to_timestamp($5::bigint / 1000.0)
              ORDER BY "timestamp" LIMIT $3) page""";

    private static final String RANGE = """
            SELECT (extract(epoch FROM min("timestamp")) * 1000)::bigint AS first,
                   (extract(epoch FROM max("timestamp")) * 1000)::bigint AS last
              FROM market_data WHERE symbol = $1 AND "interval" = $2""";
    /**
     * The read-back's time window: market_data's chunk interval (migration V5), so that each page's statement plans
     * and locks one or two chunks, not every chunk of the table.
     */
    static final long READ_WINDOW_MILLIS = 365L * 24 * 3600 * 1000;

    /**
     * The upsert statement's text: for diagnostics that time variants of it against the original (infra/bench's
     * ingest profile). Parameters: symbol, interval, then the time, open, high, low, close and volume arrays, source.
     */
    public static String upsertSql() {
        return UPSERT;
    }

    /** What is stored for the pair: anything at all, and anything within [first bar, last bar] of {@code bars}. */
    public Uni<Occupancy> occupancy(SqlConnection connection, BarSeries bars) {
        long[] t = bars.time();
        return connection
                .preparedQuery(OCCUPANCY)
                .execute(Tuple.of(bars.symbol(), bars.interval().toString(), t[0], t[t.length - 1]))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Occupancy(row.getBoolean("stored"), row.getBoolean("overlap"));
                });
    }

    /**
     * Writes every bar of {@code bars} (which the engine has validated: strictly increasing times) in chunks of
     * {@link #CHUNK_ROWS}, inside the caller's transaction: a plain insert when {@code occupancy} says no stored row
     * falls in the bars' range (the caller holds the pair's lock), else an upsert.
     */
    public Uni<UpsertCounts> write(SqlConnection connection, BarSeries bars, String source, Occupancy occupancy) {
        return occupancy.overlap()
                ? upsertFrom(connection, bars, source, 0, UpsertCounts.NONE)
                : insertFrom(connection, bars, source, 0);
    }

    /** Upserts every bar of {@code bars} in chunks, inside the caller's transaction. */
    public Uni<UpsertCounts> upsert(SqlConnection connection, BarSeries bars, String source) {
        return upsertFrom(connection, bars, source, 0, UpsertCounts.NONE);
    }

    private Uni<UpsertCounts> insertFrom(SqlConnection connection, BarSeries bars, String source, int from) {
        if (from >= bars.size()) {
            return Uni.createFrom().item(new UpsertCounts(bars.size(), 0, 0));
        }
        int to = Math.min(bars.size(), from + CHUNK_ROWS);
        return connection
                .preparedQuery(INSERT_NEW)
                .execute(chunk(bars, source, from, to))
                .flatMap(ignored -> insertFrom(connection, bars, source, to));
    }

    /**
     * The series as {@code market_data} stores it: each value rounded to 8 decimals the way PostgreSQL rounds text
     * into {@code numeric(20,8)} (half away from zero), then read back as the nearest double. Lets ingest build the
     * snapshot of a pair that held nothing before without reading a million rows back.
     */
    public static BarSeries asStored(BarSeries bars) {
        return BarSeries.of(
                bars.symbol(),
                bars.interval(),
                bars.time(),
                Numeric8.round(bars.open()),
                Numeric8.round(bars.high()),
                Numeric8.round(bars.low()),
                Numeric8.round(bars.close()),
                Numeric8.round(bars.volume()));
    }

    /** Whether the pair holds any row, and any row within the range about to be written. */
    public record Occupancy(boolean stored, boolean overlap) {}

    private Uni<UpsertCounts> upsertFrom(
            SqlConnection connection, BarSeries bars, String source, int from, UpsertCounts sofar) {
        if (from >= bars.size()) {
            return Uni.createFrom().item(sofar);
        }
        int to = Math.min(bars.size(), from + CHUNK_ROWS);
        int n = to - from;
        return connection
                .preparedQuery(UPSERT)
                .execute(chunk(bars, source, from, to))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    long inserted = row.getLong("inserted");
                    long updated = row.getLong("updated");
                    UpsertCounts chunk = new UpsertCounts(inserted, updated, n - inserted - updated);
                    return upsertFrom(connection, bars, source, to, sofar.plus(chunk));
                });
    }

    /** Parameters $1..$9 for rows [from, to): symbol, interval, times, the five columns as decimal text, source. */
    private static Tuple chunk(BarSeries bars, String source, int from, int to) {
        int n = to - from;
        Long[] time = new Long[n];
        String[][] columns = new String[5][n];
        double[][] values = {bars.open(), bars.high(), bars.low(), bars.close(), bars.volume()};
        for (int i = 0; i < n; i++) {
            time[i] = bars.time()[from + i];
            for (int c = 0; c < 5; c++) {
                columns[c][i] = Double.toString(values[c][from + i]);
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

    /**
     * Every stored bar of (symbol, interval) in time order, or null when there is none. Read in pages of at most
     * {@value #READ_PAGE_ROWS} rows within time windows of {@link #READ_WINDOW_MILLIS}, so that no statement touches
     * more than two chunks of a hypertable; inside the caller's transaction the locks add up to the chunks the pair's
     * history spans (one per year of it).
     */
    public Uni<BarSeries> read(SqlConnection connection, String symbol, BarInterval interval) {
        return connection
                .preparedQuery(RANGE)
                .execute(Tuple.of(symbol, interval.toString()))
                .flatMap(rows -> {
                    Row range = rows.iterator().next();
                    Long first = range.getLong("first");
                    if (first == null) {
                        return Uni.createFrom().nullItem();
                    }
                    long last = range.getLong("last");
                    return readFrom(connection, symbol, interval, new Columns(), first, last);
                });
    }

    /** Pages from {@code cursor} (inclusive) on, one window at a time, until past {@code last}. */
    private Uni<BarSeries> readFrom(
            SqlConnection connection, String symbol, BarInterval interval, Columns sofar, long cursor, long last) {
        if (cursor > last) {
            return Uni.createFrom().item(sofar.toSeries(symbol, interval));
        }
        long windowEnd = Math.min(cursor - Math.floorMod(cursor, READ_WINDOW_MILLIS) + READ_WINDOW_MILLIS, last + 1);
        return connection
                .preparedQuery(PAGE)
                .execute(Tuple.of(symbol, interval.toString(), READ_PAGE_ROWS, cursor, windowEnd))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    Long[] t = row.getArrayOfLongs("t");
                    if (t == null || t.length == 0) {
                        return readFrom(connection, symbol, interval, sofar, windowEnd, last);
                    }
                    sofar.append(
                            t,
                            row.getArrayOfDoubles("o"),
                            row.getArrayOfDoubles("h"),
                            row.getArrayOfDoubles("l"),
                            row.getArrayOfDoubles("c"),
                            row.getArrayOfDoubles("v"));
                    long next = t.length < READ_PAGE_ROWS ? windowEnd : t[t.length - 1] + 1;
                    return readFrom(connection, symbol, interval, sofar, next, last);
                });
    }

    /** Growable primitive columns for the paged read. */
    private static final class Columns {
        long[] time = new long[1024];
        double[][] values = new double[5][1024];
        int size;

        void append(Long[] t, Double[] o, Double[] h, Double[] l, Double[] c, Double[] v) {
            int need = size + t.length;
            if (need > time.length) {
                int cap = Math.max(need, time.length * 2);
                time = Arrays.copyOf(time, cap);
                for (int k = 0; k < 5; k++) {
                    values[k] = Arrays.copyOf(values[k], cap);
                }
            }
            Double[][] in = {o, h, l, c, v};
            for (int i = 0; i < t.length; i++) {
                time[size + i] = t[i];
                for (int k = 0; k < 5; k++) {
                    values[k][size + i] = in[k][i];
                }
            }
            size = need;
        }

        BarSeries toSeries(String symbol, BarInterval interval) {
            return BarSeries.of(
                    symbol,
                    interval,
                    Arrays.copyOf(time, size),
                    Arrays.copyOf(values[0], size),
                    Arrays.copyOf(values[1], size),
                    Arrays.copyOf(values[2], size),
                    Arrays.copyOf(values[3], size),
                    Arrays.copyOf(values[4], size));
        }
    }
}
