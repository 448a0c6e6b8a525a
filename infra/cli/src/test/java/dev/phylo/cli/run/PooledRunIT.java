package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.testkit.PgBouncer;
import dev.phylo.testkit.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole local run through PgBouncer in transaction mode, as against Neon's pooled endpoint: the packaged CLI with
 * {@code PHYLO_DB_POOLER=transaction}, every function and the CLI itself connecting through the pooler, which has only
 * four server connections for all of them. It reaches the leaderboard of the same run made directly.
 */
class PooledRunIT {

    private static final List<String> RUN = List.of(
            "run",
            "--population",
            "24",
            "--generations",
            "3",
            "--seed",
            "5",
            "--bars",
            "3000",
            "--batch-size",
            "8",
            "--max-concurrency",
            "2",
            "--symbols",
            "PLA,PLB",
            "--json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path direct;

    @TempDir
    Path pooled;

    @Test
    void aRunThroughPgBouncerReachesTheLeaderboardOfTheSameRunMadeDirectly() throws Exception {
        DatabaseUrl database = TestDatabase.newDatabase("phylo_pooled");
        Optional<PgBouncer> started = PgBouncer.start(database, 4);
        assumeTrue(started.isPresent(), "PgBouncer (Debian pgbouncer) is not installed");
        try (PgBouncer pooler = started.get()) {
            DatabaseUrl throughPooler = pooler.url().withoutParams(List.of("prepareThreshold"));

            JsonNode viaPooler =
                    JSON.readTree(new PhyloProcess(pooled, throughPooler, Map.of("PHYLO_DB_POOLER", "transaction"))
                            .run(args("pooled-run"))
                            .stdout());
            JsonNode viaServer =
                    JSON.readTree(new PhyloProcess(direct, TestDatabase.newDatabase("phylo_direct"), Map.of())
                            .run(args("direct-run"))
                            .stdout());

            assertThat(viaPooler.path("status").asText()).isEqualTo("succeeded");
            assertThat(viaPooler.path("leaderboard").size()).isPositive();
            assertThat(viaPooler.path("leaderboard")).isEqualTo(viaServer.path("leaderboard"));
            assertThat(pooler.log()).contains("login attempt: db=" + database.database());
        }
    }

    private static List<String> args(String runId) {
        List<String> args = new ArrayList<>(RUN);
        args.addAll(List.of("--run-id", runId));
        return args;
    }
}
