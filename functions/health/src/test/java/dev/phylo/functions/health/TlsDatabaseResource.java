package dev.phylo.functions.health;

import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.schema.Migrations;
import dev.phylo.store.DatabaseUrl;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * An embedded PostgreSQL that only accepts TLS, with a certificate for {@code localhost} (no IP SAN) signed by a
 * fresh test CA. The function connects through {@code neon.database.url} with {@code sslmode=verify-full} and the
 * CA as {@code sslrootcert}, to the host named by the init arg {@code host}.
 */
public class TlsDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;
    private String host = "localhost";

    @Override
    public void init(Map<String, String> initArgs) {
        host = initArgs.getOrDefault("host", "localhost");
    }

    @Override
    public synchronized Map<String, String> start() {
        if (database == null) {
            database = EmbeddedDatabase.startWithTls(null);
            Migrations.migrate(database.url());
        }
        DatabaseUrl url = database.url();
        String neon = "postgresql://" + url.user() + ":" + url.password() + "@" + host + ":" + url.port() + "/"
                + url.database() + "?sslmode=verify-full&sslrootcert=" + database.caCertificatePem();
        return Map.of("neon.database.url", neon);
    }

    @Override
    public void stop() {
        // one TLS server per JVM; it stops at exit
    }
}
