package dev.phylo.functions.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the EMF lines a tap caught. */
final class EmfLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EmfLines() {}

    /** The one line that carries {@code metric}; fails the test when there is none or more than one. */
    static JsonNode single(List<String> lines, String metric) {
        List<JsonNode> found = new ArrayList<>();
        for (String line : lines) {
            try {
                JsonNode node = JSON.readTree(line);
                if (node.has(metric)) {
                    found.add(node);
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not JSON: " + line, e);
            }
        }
        assertThat(found).as("lines with %s in %s", metric, lines).hasSize(1);
        JsonNode node = found.get(0);
        assertThat(node.path("_aws")
                        .path("CloudWatchMetrics")
                        .path(0)
                        .path("Namespace")
                        .asText())
                .isEqualTo("Phylo");
        assertThat(node.path("_aws")
                        .path("CloudWatchMetrics")
                        .path(0)
                        .path("Dimensions")
                        .toString())
                .isEqualTo("[[\"FunctionName\"]]");
        return node;
    }

    /** The CloudWatch unit the line declares for {@code metric}. */
    static String unit(JsonNode line, String metric) {
        for (JsonNode m : line.path("_aws").path("CloudWatchMetrics").path(0).path("Metrics")) {
            if (m.path("Name").asText().equals(metric)) {
                return m.path("Unit").asText();
            }
        }
        throw new AssertionError(metric + " is not declared in " + line);
    }

    /** Whether any line carries {@code metric}. */
    static boolean any(List<String> lines, String metric) {
        return lines.stream().anyMatch(line -> line.contains("\"Name\":\"" + metric + "\""));
    }
}
