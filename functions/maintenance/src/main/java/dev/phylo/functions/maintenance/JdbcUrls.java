package dev.phylo.functions.maintenance;

import java.util.Optional;

/**
 * The JDBC URL for the reactive datasource's target, for Flyway. TLS carries over: the same sslmode, with the root
 * certificate file when one was given; otherwise the JVM's trust store (which includes ISRG Root X1).
 */
final class JdbcUrls {

    private JdbcUrls() {
    }

    static String fromReactive(String reactiveUrl, String sslMode, Optional<String> rootCert) {
        if (!reactiveUrl.startsWith("postgresql://") && !reactiveUrl.startsWith("postgres://")) {
            throw new IllegalArgumentException("unexpected datasource URL scheme (want postgresql://host/db)");
        }
        String rest = reactiveUrl.substring(reactiveUrl.indexOf("://") + 3);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(rest);
        char sep = rest.contains("?") ? '&' : '?';
        jdbc.append(sep).append("sslmode=").append(sslMode);
        if (sslMode.startsWith("verify")) {
            if (rootCert.isPresent() && !rootCert.get().startsWith("phylo/")) {
                jdbc.append("&sslrootcert=").append(rootCert.get());
            } else {
                jdbc.append("&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
            }
        }
        return jdbc.toString();
    }
}
