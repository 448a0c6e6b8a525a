package dev.phylo.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lines are valid EMF by the specification's rules (docs.aws.amazon.com, "Embedded metric format specification"):
 * a root object with _aws.Timestamp (epoch ms) and CloudWatchMetrics directives; each directive's Namespace,
 * Dimensions (arrays of root keys holding strings) and Metrics (Name, Unit from the CloudWatch set), every Name a root
 * key holding a number.
 */
class EmfTest {

    private static final Set<String> UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Kilobits",
            "Megabits",
            "Gigabits",
            "Terabits",
            "Percent",
            "Count",
            "Bytes/Second",
            "Kilobytes/Second",
            "Megabytes/Second",
            "Gigabytes/Second",
            "Terabytes/Second",
            "Bits/Second",
            "Kilobits/Second",
            "Megabits/Second",
            "Gigabits/Second",
            "Terabits/Second",
            "Count/Second",
            "None");

    @Test
    void linesFollowTheEmbeddedMetricFormat() throws Exception {
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("FunctionName", "phylo-evaluate");
        String line = Emf.line(
                dims,
                List.of(
                        Metric.count("StrategiesEvaluated", 512),
                        Metric.perSecond("StrategyBarsPerSecond", 1.6e8),
                        Metric.millis("SnapshotLoadMs", 7)),
                Map.of("runId", "run-1", "batch", 3),
                1_764_163_200_000L);

        JsonNode root = new ObjectMapper().readTree(line);
        assertThat(line).doesNotContain("\n");
        assertThat(root.path("_aws").path("Timestamp").isIntegralNumber()).isTrue();
        assertThat(root.path("_aws").path("Timestamp").asLong()).isEqualTo(1_764_163_200_000L);
        JsonNode directives = root.path("_aws").path("CloudWatchMetrics");
        assertThat(directives.isArray()).isTrue();
        for (JsonNode d : directives) {
            assertThat(d.path("Namespace").asText()).isEqualTo("Phylo");
            for (JsonNode set : d.path("Dimensions")) {
                assertThat(set.size()).isBetween(1, 30);
                for (JsonNode key : set) {
                    assertThat(root.path(key.asText()).isTextual())
                            .as("dimension %s", key)
                            .isTrue();
                }
            }
            assertThat(d.path("Metrics").size()).isBetween(1, 100);
            for (JsonNode m : d.path("Metrics")) {
                assertThat(UNITS).contains(m.path("Unit").asText());
                assertThat(root.path(m.path("Name").asText()).isNumber())
                        .as("metric %s", m)
                        .isTrue();
            }
        }
        assertThat(root.path("StrategyBarsPerSecond").asDouble()).isEqualTo(1.6e8);
        assertThat(root.path("runId").asText()).isEqualTo("run-1");
    }

    @Test
    void refusesWhatCloudWatchWouldDrop() {
        assertThatThrownBy(() -> Metric.count("Rows", Double.NaN)).hasMessageContaining("not finite");
        assertThatThrownBy(() -> Metric.count("_aws", 1)).hasMessageContaining("bad EMF metric name");
        assertThatThrownBy(() -> Emf.line(Map.of("FunctionName", "f"), List.of(), Map.of(), 0))
                .hasMessageContaining("1..100");
    }

    @Test
    void bytesAndFlagsCarryTheirCloudWatchUnits() throws Exception {
        JsonNode root = new ObjectMapper()
                .readTree(Emf.line(
                        Map.of("FunctionName", "f"),
                        List.of(Metric.bytes("DatabaseSizeBytes", 8_192), Metric.flag("EfsMountHealthy", false)),
                        Map.of(),
                        0));

        JsonNode metrics = root.path("_aws").path("CloudWatchMetrics").path(0).path("Metrics");
        assertThat(metrics.path(0).path("Unit").asText()).isEqualTo("Bytes");
        assertThat(metrics.path(1).path("Unit").asText()).isEqualTo("None");
        assertThat(root.path("DatabaseSizeBytes").asLong()).isEqualTo(8_192);
        assertThat(root.path("EfsMountHealthy").asInt()).isZero();
    }

    @Test
    void aTapSeesTheLinesEmittedWhileItIsOpen() {
        Emf.emit(Metric.count("Before", 1));
        List<String> seen;
        try (Emf.Tap tap = Emf.tap()) {
            Emf.emit(Metric.count("During", 2));
            seen = tap.lines();
        }
        Emf.emit(Metric.count("After", 3));

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).contains("\"During\":2").contains("\"FunctionName\":\"local\"");
    }
}
