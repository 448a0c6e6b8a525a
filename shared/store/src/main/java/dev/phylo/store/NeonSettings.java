package dev.phylo.store;

import dev.phylo.db.DatabaseUrl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the functions reach Neon (or any PostgreSQL): parsed from {@code NEON_DATABASE_URL} or from the Secrets Manager
 * JSON named by {@code NEON_SECRET_ARN}, and turned into Quarkus reactive-datasource properties.
 *
 * <p>Rules (DESIGN.md decision 6):
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
public record NeonSettings(DatabaseUrl url, String sslMode, String rootCert, int poolSize) {

    /** Neon's certificates chain to ISRG Root X1 (X2 included for ECDSA chains); the PEM ships in this jar. */
    public static final String BUNDLED_ROOT_CERT = "phylo/tls/isrg-roots.pem";
    public static final int DEFAULT_POOL_SIZE = 2;

    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");
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
        DatabaseUrl url = DatabaseUrl.parse(text);
        String mode = url.params().getOrDefault("sslmode", isLoopback(url.host()) ? "disable" : "verify-full")
                .toLowerCase(Locale.ROOT);
        return new NeonSettings(url, mode, url.params().get("sslrootcert"), poolSize);
    }

    public boolean pooler() {
        return url.host().contains("-pooler.");
    }

    /** The Quarkus configuration this connection needs (ordinal above application.properties, below env vars). */
    public Map<String, String> quarkusProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.reactive.url", reactiveUrl());
        p.put("quarkus.datasource.username", url.user());
        p.put("quarkus.datasource.password", url.password() == null ? "" : url.password());
        p.put("quarkus.datasource.reactive.max-size", Integer.toString(poolSize));
        p.put("quarkus.datasource.reactive.postgresql.ssl-mode", sslMode);
        if (sslMode.startsWith("verify")) {
            p.put("quarkus.datasource.reactive.hostname-verification-algorithm",
                    sslMode.equals("verify-full") ? "HTTPS" : "NONE");
            p.put("quarkus.datasource.reactive.trust-certificate-pem", "true");
            p.put("quarkus.datasource.reactive.trust-certificate-pem.certs",
                    rootCert != null ? rootCert : BUNDLED_ROOT_CERT);
        }
        if (pooler()) {
            p.put("quarkus.datasource.reactive.postgresql.use-layer7-proxy", "true");
            p.put("quarkus.datasource.reactive.cache-prepared-statements", "false");
        }
        return p;
    }

    /** host, port, database and pass-through parameters; never the credentials. */
    private String reactiveUrl() {
        StringBuilder sb = new StringBuilder("postgresql://").append(url.host()).append(':').append(url.port())
                .append('/').append(url.database());
        char sep = '?';
        for (Map.Entry<String, String> e : url.params().entrySet()) {
            if (CONSUMED.contains(e.getKey())) {
                continue;
            }
            sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
            sep = '&';
        }
        return sb.toString();
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
