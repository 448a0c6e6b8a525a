package dev.phylo.functions.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.function.InvalidRequestException;
import dev.phylo.store.RetentionResult;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.FunctionError;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class RetentionFunctionTest {

    /** Ages in days of the rows each test starts with: two beyond 30 days, two within. */
    private static final int[] AGES = {400, 31, 29, 10};

    @BeforeEach
    void insertAgedRows() {
        TestDatabase.reset();
        for (int age : AGES) {
            TestDatabase.execute(
                    "INSERT INTO market_data (\"timestamp\", symbol, interval, open, high, low, close, "
                            + "volume, source) VALUES (now() - make_interval(days => ?), 'SYN', '1d', 100, 101, 99, 100.5, "
                            + "1000, 'test')",
                    age);
            TestDatabase.execute(
                    "INSERT INTO strategy_metrics (\"timestamp\", run_id, generation, strategy_id, "
                            + "symbol, fitness, trade_count, bars) VALUES (now() - make_interval(days => ?), ?, 0, "
                            + "'0123456789abcdef0123456789abcdef', 'SYN', 1.5, 12, 250)",
                    age,
                    "retention-" + age);
        }
        // what persist writes beside the metrics: each run's summaries, dated like its metrics
        TestDatabase.execute("SELECT summarize_generation(run_id, generation, \"timestamp\") FROM strategy_metrics");
    }

    @Test
    void deletesRowsOlderThanMaxAgeAndKeepsTheRest() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC);

        RetentionReport report = retention("{\"maxAge\":\"P30D\"}")
                .then()
                .statusCode(200)
                .extract()
                .as(RetentionReport.class);
        RetentionResult result = report.database();

        OffsetDateTime after = OffsetDateTime.now(ZoneOffset.UTC);
        assertRemoved(result, 2);
        OffsetDateTime cutoff = OffsetDateTime.parse(result.cutoff());
        assertThat(cutoff).isBetween(before.minusDays(30), after.minusDays(30));
        assertThat(agesLeft("market_data")).containsExactly(10L, 29L);
        assertThat(agesLeft("strategy_metrics")).containsExactly(10L, 29L);
        assertThat(agesLeft("run_generations")).containsExactly(10L, 29L);
        assertThat(agesLeft("run_strategies")).containsExactly(10L, 29L);
    }

    @Test
    void withoutMaxAgeTheConfiguredYearApplies() {
        // application.properties: phylo.retention.max-age=P365D
        RetentionResult result = retention("{}")
                .then()
                .statusCode(200)
                .extract()
                .as(RetentionReport.class)
                .database();

        assertRemoved(result, 1);
        assertThat(Duration.between(OffsetDateTime.parse(result.cutoff()), OffsetDateTime.now(ZoneOffset.UTC)))
                .isBetween(Duration.ofDays(365), Duration.ofDays(365).plusMinutes(5));
        assertThat(agesLeft("market_data")).containsExactly(10L, 29L, 31L);
        assertThat(agesLeft("strategy_metrics")).containsExactly(10L, 29L, 31L);
    }

    @Test
    void aDryRunCountsWhatTheRealRunThenRemovesAndDeletesNothing() {
        RetentionReport dry = retention("{\"maxAge\":\"P30D\",\"dryRun\":true}")
                .then()
                .statusCode(200)
                .extract()
                .as(RetentionReport.class);

        assertThat(dry.dryRun()).isTrue();
        assertThat(TestDatabase.count("market_data")).isEqualTo(AGES.length);
        assertThat(TestDatabase.count("strategy_metrics")).isEqualTo(AGES.length);

        RetentionReport real = retention("{\"maxAge\":\"P30D\"}")
                .then()
                .statusCode(200)
                .extract()
                .as(RetentionReport.class);

        assertThat(real.dryRun()).isFalse();
        assertRemoved(real.database(), 2);
        assertThat(List.of(
                        dry.database().marketDataRows(),
                        dry.database().marketDataChunks(),
                        dry.database().metricsRows(),
                        dry.database().metricsChunks(),
                        dry.database().summaryRows()))
                .isEqualTo(List.of(
                        real.database().marketDataRows(),
                        real.database().marketDataChunks(),
                        real.database().metricsRows(),
                        real.database().metricsChunks(),
                        real.database().summaryRows()));
    }

    @Test
    void rejectsARunsMaxAgeThatIsNotIso8601() {
        Response response = retention("{\"runsMaxAge\":\"a month\"}");

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains("runsMaxAge 'a month'").contains("ISO-8601");
        assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(TestDatabase.count("market_data")).isEqualTo(AGES.length);
    }

    @Test
    void rejectsAMaxAgeThatIsNotIso8601AndDeletesNothing() {
        Response response = retention("{\"maxAge\":\"30 days\"}");

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains("'30 days'").contains("ISO-8601");
        assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(TestDatabase.count("market_data")).isEqualTo(AGES.length);
        assertThat(TestDatabase.count("strategy_metrics")).isEqualTo(AGES.length);
    }

    @Test
    void rejectsAMaxAgeOfZero() {
        Response response = retention("{\"maxAge\":\"PT0S\"}");

        String body = response.asString();
        assertThat(response.statusCode()).as(body).isNotEqualTo(200);
        assertThat(body).contains("maxAge must be positive");
        assertThat(FunctionError.of(body).thrownType()).as(body).isEqualTo(InvalidRequestException.ERROR_TYPE);
        assertThat(TestDatabase.count("market_data")).isEqualTo(AGES.length);
    }

    /**
     * {@code removed} rows of each table went (which ones is {@code agesLeft}'s to check): deleted and counted as rows on
     * plain PostgreSQL (the embedded test database); with TimescaleDB, whole chunks dropped and the rest of the rows
     * deleted from the chunk the cutoff falls in, so the rows counted are at most {@code removed}.
     */
    private static void assertRemoved(RetentionResult result, long removed) {
        boolean timescale = TestDatabase.migration().timescale();
        assertThat(result.timescale()).isEqualTo(timescale);
        assertThat(result.batches()).isPositive();
        // one run per aged row, so one row in each of the two plain summary tables
        assertThat(result.summaryRows()).isEqualTo(2 * removed);
        if (timescale) {
            assertThat(result.marketDataRows()).isLessThanOrEqualTo(removed);
            assertThat(result.marketDataRows() + result.marketDataChunks()).isPositive();
            assertThat(result.metricsRows()).isLessThanOrEqualTo(removed);
            assertThat(result.metricsRows() + result.metricsChunks()).isPositive();
        } else {
            assertThat(List.of(
                            result.marketDataRows(),
                            result.marketDataChunks(),
                            result.metricsRows(),
                            result.metricsChunks()))
                    .isEqualTo(List.of(removed, 0L, removed, 0L));
        }
    }

    /** Ages in whole days of the rows still in {@code table}, youngest first. */
    private static List<Long> agesLeft(String table) {
        return TestDatabase.query("SELECT round(extract(epoch FROM now() - \"timestamp\") / 86400)::bigint AS age "
                        + "FROM " + table + " ORDER BY age")
                .stream()
                .map(row -> (Long) row.get("age"))
                .toList();
    }

    private static Response retention(String json) {
        return given().contentType(ContentType.JSON).body(json).when().post();
    }
}
