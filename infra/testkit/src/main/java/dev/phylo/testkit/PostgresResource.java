package dev.phylo.testkit;

import dev.phylo.store.DatabaseUrl;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM-wide {@link TestDatabase}:
 * {@code @QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)}.
 *
 * <p>Sets only {@value #URL_KEY}: the full {@code postgresql://user:password@host:port/phylo_test_<random>} URL with
 * {@code sslmode=disable} (unless the URL from {@link TestDatabase#URL_ENV} names an sslmode). The store module maps
 * that key to the Quarkus datasource. With {@value #POOLER_ENV}{@code =pgbouncer} the URL leads through a PgBouncer in
 * transaction mode instead, with {@code phylo.db.pooler=transaction}, as the functions would reach Neon's pooler. The database stays up after {@link #stop()}: it belongs to the JVM.
 */
public final class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_KEY = "neon.database.url";

    /** {@code pgbouncer}: the functions reach the test database through PgBouncer in transaction mode. */
    public static final String POOLER_ENV = "PHYLO_TEST_POOLER";

    private static PgBouncer pooler;

    @Override
    public Map<String, String> start() {
        DatabaseUrl url = TestDatabase.url();
        if ("pgbouncer".equals(System.getenv(POOLER_ENV))) {
            // as behind Neon's -pooler endpoint: with the settings NeonSettings gives a transaction-mode pooler
            DatabaseUrl pooled = pooler().url(url.database()).withoutParams(List.of("prepareThreshold"));
            return Map.of(URL_KEY, pooled.toConnectionUri(), "phylo.db.pooler", "transaction");
        }
        if (url.param("sslmode").isEmpty()) {
            url = url.withParam("sslmode", "disable");
        }
        return Map.of(URL_KEY, url.toConnectionUri());
    }

    /** One PgBouncer per JVM, in front of the test server, stopped at JVM exit. */
    private static synchronized PgBouncer pooler() {
        if (pooler == null) {
            try {
                pooler = PgBouncer.start(TestDatabase.url(), 4)
                        .orElseThrow(() -> new IllegalStateException(
                                POOLER_ENV + "=pgbouncer, but /usr/sbin/pgbouncer is not installed"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not start PgBouncer", e);
            }
            PgBouncer started = pooler;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "pgbouncer-stop"));
        }
        return pooler;
    }

    @Override
    public void stop() {
        // the JVM-wide database outlives each test class; TestDatabase stops it at JVM exit
    }
}
