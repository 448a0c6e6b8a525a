package dev.phylo.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.store.DatabaseConfigException;
import dev.phylo.store.DatabaseUrl;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Secrets Manager JSON for Neon: {@code host}, {@code port} (optional, 5432), {@code dbname},
 * {@code username}, {@code password}, and optionally {@code sslmode} and {@code options}
 * (e.g. {@code endpoint=ep-…} for clients without SNI). The same keys RDS secrets use. It becomes a
 * {@link DatabaseUrl} field by field: no URL text is built and parsed again.
 */
public record NeonSecret(
        String host, int port, String dbname, String username, String password, String sslMode, String options) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static NeonSecret parse(String arn, String secretJson) {
        JsonNode node;
        try {
            node = JSON.readTree(secretJson);
        } catch (IOException e) {
            // The secret text itself is never echoed: it holds the password.
            throw new DatabaseConfigException(
                    "secret " + arn + " is not valid JSON (expected host, port, dbname, " + "username, password)");
        }
        if (node == null || !node.isObject()) {
            throw new DatabaseConfigException(
                    "secret " + arn + " must be a JSON object with host, port, dbname, " + "username, password");
        }
        int port = node.hasNonNull("port") ? node.get("port").asInt(-1) : DatabaseUrl.DEFAULT_PORT;
        if (port < 1 || port > 65535) {
            throw new DatabaseConfigException("secret " + arn + ": port must be 1..65535, got " + node.get("port"));
        }
        return new NeonSecret(
                required(arn, node, "host"),
                port,
                required(arn, node, "dbname"),
                required(arn, node, "username"),
                required(arn, node, "password"),
                optional(node, "sslmode"),
                optional(node, "options"));
    }

    public DatabaseUrl url() {
        Map<String, String> params = new LinkedHashMap<>();
        if (sslMode != null) {
            params.put("sslmode", sslMode);
        }
        if (options != null) {
            params.put("options", options);
        }
        return new DatabaseUrl(username, password, host, port, dbname, params);
    }

    private static String required(String arn, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new DatabaseConfigException(
                    "secret " + arn + " lacks '" + field + "' (expected host, port, " + "dbname, username, password)");
        }
        return v.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    @Override
    public String toString() {
        return "NeonSecret[" + username + "@" + host + ":" + port + "/" + dbname + "]";
    }
}
