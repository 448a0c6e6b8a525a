package dev.phylo.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.store.DatabaseUrl;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-made metrics whose leaderboard is worked out in the comments below, independently of the view.
 *
 * <pre>
 * run r1: A gen 1 on X, Y: fitness 0.9 (superseded)      A gen 2 on X, Y: fitness 0.5, sharpe 0.5 / 1.5,
 *                                                                 return 0.1 / 0.3, drawdown 0.1 / 0.2, trades 3 + 4
 *         B gen 2 on X, Y: fitness 0.7, sharpe 2.0 / 3.0, return 0.2 / 0.4, drawdown 0.3 / 0.05, trades 10 + 20
 *         C gen 1 on X only: fitness 0.7 (not re-evaluated in gen 2), sharpe 1.25, trades 1
 *   => B 0.7 rank 1, C 0.7 rank 1 (tie), A 0.5 rank 3 (its gen-1 fitness 0.9 does not count)
 *      A: avg sharpe (0.5 + 1.5) / 2 = 1.0, avg return 0.2, max drawdown 0.2, trades 7
 *      B: avg sharpe 2.5, avg return 0.3, max drawdown 0.3, trades 30
 * run r2: D gen 1 on X: fitness 0.2, no strategies row    A gen 1 on X: fitness 0.1
 *         E gen 1 on X, Y: fitness 0.3 / 0.05 (differ per symbol: the lowest, 0.05, counts)
 *   => D rank 1 (name NULL), A rank 2, E rank 3
 * </pre>
 */
class LeaderboardTest {

    private static final String A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String C = "cccccccccccccccccccccccccccccccc";
    private static final String D = "dddddddddddddddddddddddddddddddd";
    private static final String E = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

    private static DatabaseUrl db;

    @BeforeAll
    static void fillMetrics() throws SQLException {
        db = SharedServer.get()
                .createDatabase(
                        "leaderboard_" + java.util.UUID.randomUUID().toString().replace("-", ""));
        Migrations.migrate(db);
        Sql.execute(
                db,
                "INSERT INTO strategies (id, spec, name) VALUES "
                        + "('" + A + "', '{}', 'alpha'), ('" + B + "', '{}', 'beta'), ('" + C + "', '{}', 'gamma'), "
                        + "('" + E + "', '{}', 'epsilon')");
        Sql.execute(
                db,
                "INSERT INTO strategy_metrics (\"timestamp\", run_id, generation, strategy_id, symbol, fitness, "
                        + "sharpe_ratio, total_return, max_drawdown, trade_count, bars) VALUES "
                        + row("r1", 1, A, "X", 0.9, "9", "0.9", "0.01", 99)
                        + "," + row("r1", 1, A, "Y", 0.9, "9", "0.9", "0.01", 99)
                        + "," + row("r1", 2, A, "X", 0.5, "0.5", "0.1", "0.1", 3)
                        + "," + row("r1", 2, A, "Y", 0.5, "1.5", "0.3", "0.2", 4)
                        + "," + row("r1", 2, B, "X", 0.7, "2.0", "0.2", "0.3", 10)
                        + "," + row("r1", 2, B, "Y", 0.7, "3.0", "0.4", "0.05", 20)
                        + "," + row("r1", 1, C, "X", 0.7, "1.25", "0.05", "0.15", 1)
                        + "," + row("r2", 1, D, "X", 0.2, "1", "0", "0", 2)
                        + "," + row("r2", 1, A, "X", 0.1, "1", "0", "0", 2)
                        + "," + row("r2", 1, E, "X", 0.3, "1", "0", "0", 2)
                        + "," + row("r2", 1, E, "Y", 0.05, "1", "0", "0", 2));
        // what persist does after each generation it writes, in generation order
        for (String[] g : new String[][] {{"r1", "1"}, {"r1", "2"}, {"r2", "1"}}) {
            summarize(g[0], Integer.parseInt(g[1]));
        }
    }

    @Test
    void aReplayedEarlierGenerationLeavesTheLatestAlone() throws SQLException {
        List<String> before = leaderboard("r1");

        summarize("r1", 1);
        summarize("r1", 2);

        assertThat(leaderboard("r1")).isEqualTo(before);
        assertThat(Sql.strings(
                        db,
                        "SELECT concat_ws(' ', generation, evaluated, best_strategy_id, best_fitness, "
                                + "median_fitness) FROM run_generations WHERE run_id = 'r1' ORDER BY generation"))
                // generation 1: A 0.9, C 0.7; generation 2: A 0.5, B 0.7 (medians of two fitness values)
                .containsExactly("1 2 " + A + " 0.9 0.8", "2 2 " + B + " 0.7 0.6");
    }

    @Test
    void theTopNReadsOnlyThoseRows() {
        assertThat(Sql.strings(
                        db,
                        "SELECT concat_ws(' ', coalesce(name, 'null'), rank) FROM leaderboard WHERE run_id = 'r2' "
                                + "AND rank <= 2 ORDER BY rank"))
                .containsExactly("null 1", "alpha 2");
    }

    @Test
    void latestGenerationWinsAndTiesShareARank() {
        assertThat(leaderboard("r1"))
                .containsExactly(
                        "beta 2 0.7 2.5000 0.3000 0.3000 30 1",
                        "gamma 1 0.7 1.2500 0.0500 0.1500 1 1",
                        "alpha 2 0.5 1.0000 0.2000 0.2000 7 3");
    }

    @Test
    void ranksArePerRunAndMissingStrategyRowLeavesNameEmpty() {
        assertThat(leaderboard("r2"))
                .containsExactly(
                        "null 1 0.2 1.0000 0.0000 0.0000 2 1",
                        "alpha 1 0.1 1.0000 0.0000 0.0000 2 2",
                        "epsilon 1 0.05 1.0000 0.0000 0.0000 4 3");
    }

    @Test
    void oneRowPerRunAndStrategy() {
        assertThat(Sql.strings(db, "SELECT count(*) FROM leaderboard")).containsExactly("6");
    }

    private static void summarize(String run, int generation) throws SQLException {
        Sql.execute(db, "SELECT summarize_generation('" + run + "', " + generation + ", '2024-01-02T03:04:05Z')");
    }

    private static List<String> leaderboard(String run) {
        return Sql.strings(
                db,
                "SELECT concat_ws(' ', coalesce(name, 'null'), generation, fitness, avg_sharpe_ratio, "
                        + "avg_total_return, max_drawdown, trade_count, rank) FROM leaderboard WHERE run_id = ? "
                        + "ORDER BY rank, name",
                run);
    }

    private static String row(
            String run,
            int generation,
            String strategy,
            String symbol,
            double fitness,
            String sharpe,
            String totalReturn,
            String drawdown,
            int trades) {
        return "('2024-01-02T03:04:05Z', '" + run + "', " + generation + ", '" + strategy + "', '" + symbol + "', "
                + fitness + ", " + sharpe + ", " + totalReturn + ", " + drawdown + ", " + trades + ", 100)";
    }
}
