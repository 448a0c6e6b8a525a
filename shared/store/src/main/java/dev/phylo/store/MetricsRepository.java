package dev.phylo.store;

import dev.phylo.engine.metrics.Metrics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code strategy_metrics}: one row per (run, generation, strategy, symbol), upserted with {@code unnest}. The
 * timestamp is the run's creation time, so a replayed generation hits the same keys; rows whose values did not change
 * are not rewritten.
 *
 * <p>The seed's {@code numeric(10,4)} columns hold at most ±999,999.9999: larger values (a profit factor after one
 * tiny loss) are stored at that bound, and the exact figure stays in the result files.
 */
@ApplicationScoped
public class MetricsRepository {

    static final double NUMERIC_10_4_MAX = 999_999.9999;

    /** The primary key's order within one (run, generation): strategy, then symbol (byte order, as collation C). */
    private static final Comparator<MetricsRow> KEY_ORDER =
            Comparator.comparing(MetricsRow::strategyId).thenComparing(MetricsRow::symbol);

    private static final String INPUT = """
            WITH input AS (
              SELECT * FROM unnest($4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[], $9::float8[],
                                   $10::int[], $11::float8[], $12::float8[], $13::float8[], $14::float8[],
                                   $15::float8[], $16::float8[], $17::float8[], $18::float8[], $19::float8[],
                                   $20::float8[], $21::int[])
                AS u(strategy_id, symbol, fitness, sharpe, total_return, max_drawdown, trade_count, win_rate,
                     profit_factor, cagr, sortino, calmar, exposure, avg_trade, best_trade, worst_trade,
                     final_equity, bars)
            )""";

    private static final String INSERT_FROM_INPUT = """
              INSERT INTO strategy_metrics AS m ("timestamp", run_id, generation, strategy_id, symbol, fitness,
                     sharpe_ratio, total_return, max_drawdown, trade_count, win_rate, profit_factor, cagr, sortino,
                     calmar, exposure, avg_trade, best_trade, worst_trade, final_equity, bars)
              SELECT $1, $2, $3, strategy_id, symbol, fitness, sharpe::numeric(10,4), total_return::numeric(10,4),
                     max_drawdown::numeric(10,4), trade_count, win_rate::numeric(5,4), profit_factor::numeric(10,4),
                     cagr, sortino, calmar, exposure, avg_trade, best_trade, worst_trade, final_equity, bars
                FROM input""";

    /** A generation with rows already stored (a replay): rows whose values did not change are not rewritten. */
    private static final String UPSERT = INPUT + ", written AS (" + INSERT_FROM_INPUT + """

              ON CONFLICT (run_id, generation, strategy_id, symbol, "timestamp") DO UPDATE
                 SET fitness = EXCLUDED.fitness, sharpe_ratio = EXCLUDED.sharpe_ratio,
                     total_return = EXCLUDED.total_return, max_drawdown = EXCLUDED.max_drawdown,
                     trade_count = EXCLUDED.trade_count, win_rate = EXCLUDED.win_rate,
                     profit_factor = EXCLUDED.profit_factor, cagr = EXCLUDED.cagr, sortino = EXCLUDED.sortino,
                     calmar = EXCLUDED.calmar, exposure = EXCLUDED.exposure, avg_trade = EXCLUDED.avg_trade,
                     best_trade = EXCLUDED.best_trade, worst_trade = EXCLUDED.worst_trade,
                     final_equity = EXCLUDED.final_equity, bars = EXCLUDED.bars
               WHERE (m.fitness, m.sharpe_ratio, m.total_return, m.max_drawdown, m.trade_count, m.win_rate,
                      m.profit_factor, m.cagr, m.sortino, m.calmar, m.exposure, m.avg_trade, m.best_trade,
                      m.worst_trade, m.final_equity, m.bars)
                     IS DISTINCT FROM
                     (EXCLUDED.fitness, EXCLUDED.sharpe_ratio, EXCLUDED.total_return, EXCLUDED.max_drawdown,
                      EXCLUDED.trade_count, EXCLUDED.win_rate, EXCLUDED.profit_factor, EXCLUDED.cagr,
                      EXCLUDED.sortino, EXCLUDED.calmar, EXCLUDED.exposure, EXCLUDED.avg_trade, EXCLUDED.best_trade,
                      EXCLUDED.worst_trade, EXCLUDED.final_equity, EXCLUDED.bars)
              RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
              FROM written""";

    /**
     * A generation with no row stored yet, the usual case: a plain insert, which skips the speculative insertion
     * that ON CONFLICT costs on every row (about a quarter of the statement). Should another writer store the same
     * generation meanwhile, the primary key refuses the insert and the caller's transaction rolls back whole; its
     * retry then takes the upsert.
     */
    private static final String INSERT = INPUT + INSERT_FROM_INPUT;

    private static final String STORED = """
            SELECT EXISTS (SELECT 1 FROM strategy_metrics
                            WHERE run_id = $1 AND generation = $2 AND "timestamp" = $3) AS stored""";

    /**
     * Writes one generation's rows, in statements of at most {@value Chunked#ROWS_PER_STATEMENT} on the caller's
     * connection (and so in its transaction): a plain insert when the generation has no row stored yet, else an
     * upsert that leaves unchanged rows alone. Duplicate (strategy, symbol) pairs in the input are dropped first.
     */
    public Uni<UpsertCounts> upsert(
            SqlConnection connection,
            String runId,
            int generation,
            OffsetDateTime timestamp,
            Collection<MetricsRow> input) {
        Map<String, MetricsRow> unique = new LinkedHashMap<>();
        for (MetricsRow r : input) {
            unique.putIfAbsent(r.strategyId() + '\u0000' + r.symbol(), r);
        }
        // in primary-key order: each statement then touches neighbouring index pages, not random ones
        List<MetricsRow> sorted = new ArrayList<>(unique.values());
        sorted.sort(KEY_ORDER);
        return connection
                .preparedQuery(STORED)
                .execute(Tuple.of(runId, generation, timestamp))
                .flatMap(found -> {
                    boolean stored = found.iterator().next().getBoolean("stored");
                    return Chunked.sequentially(
                            sorted,
                            UpsertCounts.NONE,
                            slice -> writeSlice(connection, stored, runId, generation, timestamp, slice),
                            UpsertCounts::plus);
                });
    }

    private static Uni<UpsertCounts> writeSlice(
            SqlConnection connection,
            boolean stored,
            String runId,
            int generation,
            OffsetDateTime timestamp,
            List<MetricsRow> rows) {
        int n = rows.size();
        String[] ids = new String[n];
        String[] symbols = new String[n];
        Double[][] d = new Double[15][n];
        Integer[] trades = new Integer[n];
        Integer[] bars = new Integer[n];
        int i = 0;
        for (MetricsRow r : rows) {
            Metrics m = r.metrics();
            ids[i] = r.strategyId();
            symbols[i] = r.symbol();
            d[0][i] = r.fitness();
            d[1][i] = bounded(m.sharpe());
            d[2][i] = bounded(m.totalReturn());
            d[3][i] = bounded(m.maxDrawdown());
            trades[i] = m.tradeCount();
            d[4][i] = m.winRate();
            d[5][i] = bounded(m.profitFactor());
            d[6][i] = m.cagr();
            d[7][i] = m.sortino();
            d[8][i] = m.calmar();
            d[9][i] = m.exposure();
            d[10][i] = m.avgTrade();
            d[11][i] = m.bestTrade();
            d[12][i] = m.worstTrade();
            d[13][i] = m.finalEquity();
            bars[i++] = m.bars();
        }
        Tuple args = Tuple.tuple()
                .addOffsetDateTime(timestamp)
                .addString(runId)
                .addInteger(generation)
                .addArrayOfString(ids)
                .addArrayOfString(symbols)
                .addArrayOfDouble(d[0])
                .addArrayOfDouble(d[1])
                .addArrayOfDouble(d[2])
                .addArrayOfDouble(d[3])
                .addArrayOfInteger(trades)
                .addArrayOfDouble(d[4])
                .addArrayOfDouble(d[5])
                .addArrayOfDouble(d[6])
                .addArrayOfDouble(d[7])
                .addArrayOfDouble(d[8])
                .addArrayOfDouble(d[9])
                .addArrayOfDouble(d[10])
                .addArrayOfDouble(d[11])
                .addArrayOfDouble(d[12])
                .addArrayOfDouble(d[13])
                .addArrayOfInteger(bars);
        if (!stored) {
            return connection
                    .preparedQuery(INSERT)
                    .execute(args)
                    .map(result -> new UpsertCounts(result.rowCount(), 0, 0));
        }
        return connection.preparedQuery(UPSERT).execute(args).map(result -> {
            Row row = result.iterator().next();
            long inserted = row.getLong("inserted");
            long updated = row.getLong("updated");
            return new UpsertCounts(inserted, updated, n - inserted - updated);
        });
    }

    static Double bounded(Double v) {
        return v == null ? null : Math.max(-NUMERIC_10_4_MAX, Math.min(NUMERIC_10_4_MAX, v));
    }
}
