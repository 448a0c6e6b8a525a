package dev.phylo.store;

import dev.phylo.store.internal.NeonSecret;
import dev.phylo.store.internal.SecretsManagerLookup;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the functions reach Neon (or any PostgreSQL): one {@link DatabaseUrl}, parsed once from
 * {@code NEON_DATABASE_URL} or built from the Secrets Manager JSON named by {@code NEON_SECRET_ARN}, and every
 * connection setting derived from it: the Quarkus reactive-datasource properties and the JDBC URL of the migrate
 * step.
 *
 * <p>Rules (docs/architecture.md, "Neon"):
 * <ul>
 *   <li>TLS defaults to {@code verify-full} for every host but loopback. {@code verify-full} switches on hostname
 *       verification ({@code HTTPS}) and always sets trust options: the {@code sslrootcert} file when the URL names one,
 *       else the bundled ISRG Root X1 and X2 (Neon's chain).</li>
 *   <li>A {@code -pooler} host (PgBouncer in transaction mode) switches on layer-7 proxy mode and turns off
 *       prepared-statement caching.</li>
 *   <li>Pools stay small: one Lambda environment handles one request at a time.</li>
 * </ul>
 * The password is never part of {@link #toString()} or of any message.
 */
public record NeonSettings(DatabaseUrl url, String sslMode, String rootCert, int poolSize, boolean transactionPooler) {

    /** {@code phylo.db.pooler} ({@code PHYLO_DB_POOLER}): {@value} marks any host as a transaction-mode pooler. */
    public static final String TRANSACTION_POOLER = "transaction";

    /** Neon's certificates chain to ISRG Root X1 (X2 included for ECDSA chains); the PEM ships in this jar. */
    public static final String BUNDLED_ROOT_CERT = "phylo/tls/isrg-roots.pem";

    public static final int DEFAULT_POOL_SIZE = 2;
    /** The JDBC URL (no credentials) of the same database, for the migrate step's Flyway. */
    public static final String JDBC_URL_PROPERTY = "phylo.db.jdbc-url";

    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    /** URL parameters we translate ourselves; everything else (e.g. Neon's {@code options}) is passed through. */
    private static final Set<String> CONSUMED = Set.of("sslmode", "sslrootcert", "channel_binding");

    public NeonSettings {
        Objects.requireNonNull(url, "url");
        if (!SSL_MODES.contains(sslMode)) {
            throw new IllegalArgumentException("sslmode '" + sslMode + "' is not one of " + SSL_MODES);
        }
        if (poolSize < 1 || poolSize > 100) {
            throw new IllegalArgumentException("pool size must be within 1..100: " + poolSize);
        }
    }

    /** From a {@code postgresql://user:password@host[:port]/db[?sslmode=…&sslrootcert=…&options=…]} URL. */
    public static NeonSettings fromUrl(String text, int poolSize) {
        return of(DatabaseUrl.parse(text), poolSize);
    }

    /**
     * From the Secrets Manager secret {@code arn}: JSON with {@code host}, {@code port}, {@code dbname},
     * {@code username}, {@code password} and optionally {@code sslmode} and {@code options}.
     *
     * @param endpoint an endpoint override (moto in tests, a VPC endpoint), or null for the SDK's
     * @param region   a region, or null for the SDK's chain or the ARN's own
     * @throws DatabaseConfigException when the secret cannot be read or lacks a field; never echoing its text
     */
    public static NeonSettings fromSecret(String arn, String endpoint, String region, int poolSize) {
        return fromSecretJson(arn, SecretsManagerLookup.secretString(arn, endpoint, region), poolSize);
    }

    /** From the text of the secret {@code arn} (see {@link #fromSecret}). */
    public static NeonSettings fromSecretJson(String arn, String secretJson, int poolSize) {
        return of(NeonSecret.parse(arn, secretJson).url(), poolSize);
    }

    /** The sslmode is the URL's, else {@code verify-full} (loopback: {@code disable}); the root certificate the URL's. */
    public static NeonSettings of(DatabaseUrl url, int poolSize) {
        String mode = url.param("sslmode")
                .orElse(isLoopback(url.host()) ? "disable" : "verify-full")
                .toLowerCase(Locale.ROOT);
        return new NeonSettings(
                url,
                mode,
                url.param("sslrootcert").orElse(null),
                poolSize,
                url.host().contains("-pooler."));
    }

    /** These settings with {@code phylo.db.pooler} applied: {@code transaction}, or empty/{@code auto} (by host). */
    public NeonSettings withPooler(String pooler) {
        if (pooler == null || pooler.isBlank() || pooler.equalsIgnoreCase("auto")) {
            return this;
        }
        if (!pooler.equalsIgnoreCase(TRANSACTION_POOLER)) {
            throw new IllegalArgumentException(
                    "phylo.db.pooler (PHYLO_DB_POOLER) must be 'transaction' or 'auto', got '" + pooler + "'");
        }
        return new NeonSettings(url, sslMode, rootCert, poolSize, true);
    }

    /** Whether connections go through a transaction-mode pooler: a Neon {@code -pooler} host, or as configured. */
    public boolean pooler() {
        return transactionPooler;
    }

    /** The Quarkus configuration this connection needs (ordinal above application.properties, below env vars). */
    public Map<String, String> quarkusProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.reactive.url", target().toServerUri());
        p.put("quarkus.datasource.username", url.user());
        p.put("quarkus.datasource.password", url.password());
        p.put("quarkus.datasource.reactive.max-size", Integer.toString(poolSize));
        p.put("quarkus.datasource.reactive.postgresql.ssl-mode", sslMode);
        if (verifies()) {
            p.put(
                    "quarkus.datasource.reactive.hostname-verification-algorithm",
                    sslMode.equals("verify-full") ? "HTTPS" : "NONE");
            p.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
            p.put(
                    "quarkus.datasource.reactive.trust-certificate-pem.certs",
                    rootCert != null ? rootCert : BUNDLED_ROOT_CERT);
        }
        if (pooler()) {
            p.put("quarkus.datasource.reactive.postgresql.use-layer7-proxy", "true");
            p.put("quarkus.datasource.reactive.cache-prepared-statements", "false");
        }
        p.put(JDBC_URL_PROPERTY, jdbcUrl());
        return p;
    }

    /**
     * {@code jdbc:postgresql://host:port/db?…&sslmode=…} for pgJDBC, without credentials. TLS carries over: the same
     * sslmode, with the {@code sslrootcert} file when one was given; otherwise the JVM's trust store (which includes
     * ISRG Root X1), because pgJDBC cannot read the bundled PEM from the classpath.
     */
    public String jdbcUrl() {
        DatabaseUrl jdbc = target().withParam("sslmode", sslMode);
        if (pooler()) {
            jdbc = jdbc.withParam("prepareThreshold", "0");
        }
        if (verifies()) {
            jdbc = rootCert != null
                    ? jdbc.withParam("sslrootcert", rootCert)
                    : jdbc.withParam("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
        }
        return jdbc.toJdbcUrl();
    }

    private boolean verifies() {
        return sslMode.startsWith("verify");
    }

    /** Host, port, database and the pass-through parameters. */
    private DatabaseUrl target() {
        return url.withoutParams(CONSUMED);
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1") || host.equals("[::1]");
    }

    @Override
    public String toString() {
        return "NeonSettings[" + url + ", sslmode=" + sslMode + (pooler() ? ", pooler" : "") + ", pool=" + poolSize
                + "]";
    }
}
