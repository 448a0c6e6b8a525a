package dev.phylo.functions.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.store.Database;
import dev.phylo.store.DatabaseException;
import dev.phylo.store.DatabaseUrl;
import dev.phylo.store.TransientDatabaseException;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The store's fault tolerance against a real server: a database that is asleep (port closed) when the call starts
 * and wakes 2 s later is reached through retries with backoff; a statement over the per-transaction timeout is
 * cancelled and reported, not retried.
 */
@QuarkusTest
@TestProfile(DatabaseFaultToleranceTest.Waking.class)
@QuarkusTestResource(value = DatabaseFaultToleranceTest.WakingDatabase.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EfsResource.class)
class DatabaseFaultToleranceTest {

    public static class Waking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("phylo.db.statement-timeout", "500ms");
        }
    }

    /** neon.database.url points at the waking proxy in front of the migrated test database. */
    public static class WakingDatabase implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            DatabaseUrl real = TestDatabase.url();
            int port = WakingProxy.reserve(real.host(), real.port());
            return Map.of(
                    "neon.database.url",
                    "postgresql://" + real.user() + ":" + real.password() + "@localhost:" + port + "/" + real.database()
                            + "?sslmode=disable");
        }

        @Override
        public void stop() {
            WakingProxy.close();
        }
    }

    @Inject
    Database database;

    @AfterEach
    void wakeUp() {
        WakingProxy.openIn(Duration.ZERO);
    }

    @Test
    void aCallStartedWhileTheDatabaseSleepsSucceedsOnceItWakes() {
        WakingProxy.openIn(Duration.ofSeconds(2));
        long start = System.nanoTime();

        int one = database.await(
                "probe",
                c -> c.query("SELECT 1 AS one")
                        .execute()
                        .map(rows -> rows.iterator().next().getInteger("one")));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(one).isEqualTo(1);
        // the first attempts were refused: success came only after the port opened
        assertThat(millis).isGreaterThanOrEqualTo(1_900);
    }

    @Test
    void aStatementOverTheTimeoutIsCancelledAndNotRetried() {
        WakingProxy.openIn(Duration.ZERO);
        long start = System.nanoTime();

        assertThatThrownBy(() -> database.await(
                        "sleep", c -> c.query("SELECT pg_sleep(3)").execute()))
                .isInstanceOf(DatabaseException.class)
                .isNotInstanceOf(TransientDatabaseException.class)
                .hasMessageContaining("sleep failed")
                .hasMessageContaining("57014");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
    }

    @Test
    void theTimeoutIsSetPerTransaction() {
        WakingProxy.openIn(Duration.ZERO);

        String inside = database.await(
                "show",
                c -> c.query("SHOW statement_timeout")
                        .execute()
                        .map(rows -> rows.iterator().next().getString(0)));

        assertThat(inside).isEqualTo("500ms");
    }
}
