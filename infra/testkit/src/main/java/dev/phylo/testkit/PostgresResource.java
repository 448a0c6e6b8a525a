package dev.phylo.testkit;

import dev.phylo.store.DatabaseUrl;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the JVM-wide {@link TestDatabase}:
 * {@code @QuarkusTestResource(value = PostgresResource.class, restrictToAnnotatedClass = false)}.
 *
 * <p>Sets only {@value #URL_KEY}: the full {@code postgresql://user:password@host:port/phylo_test_<random>} URL with
 * {@code sslmode=disable} (unless the URL from {@link TestDatabase#URL_ENV} names an sslmode). The store module maps
 * that key to the Quarkus datasource. The database stays up after {@link #stop()}: it belongs to the JVM.
 */
public final class PostgresResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_KEY = "neon.database.url";

    @Override
    public Map<String, String> start() {
        DatabaseUrl url = TestDatabase.url();
        if (url.param("sslmode").isEmpty()) {
            url = url.withParam("sslmode", "disable");
        }
        return Map.of(URL_KEY, url.toConnectionUri());
    }

    @Override
    public void stop() {
        // the JVM-wide database outlives each test class; TestDatabase stops it at JVM exit
    }
}
