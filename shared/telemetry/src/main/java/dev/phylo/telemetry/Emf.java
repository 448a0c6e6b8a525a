package dev.phylo.telemetry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * CloudWatch Embedded Metric Format: a metric is a JSON log line that CloudWatch Logs turns into a metric, with no
 * API call from the function. Lines go to standard output unwrapped (the Lambda runtime ships stdout to the
 * function's log group); namespace {@value #NAMESPACE}, dimension {@code FunctionName}.
 *
 * <pre>{"_aws":{"Timestamp":1764163200000,"CloudWatchMetrics":[{"Namespace":"Phylo","Dimensions":[["FunctionName"]],
 *  "Metrics":[{"Name":"RowsIngested","Unit":"Count"}]}]},"FunctionName":"phylo-ingest","RowsIngested":1000}</pre>
 */
public final class Emf {

    public static final String NAMESPACE = "Phylo";
    /** EMF allows at most 100 metrics per directive. */
    public static final int MAX_METRICS = 100;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.out;
    private static final List<Tap> TAPS = new CopyOnWriteArrayList<>();

    private Emf() {}

    /** The EMF line for {@code metrics} with the given dimensions, plus any extra properties (searchable in Logs). */
    public static String line(
            Map<String, String> dimensions,
            List<Metric> metrics,
            Map<String, Object> properties,
            long timestampMillis) {
        if (metrics.isEmpty() || metrics.size() > MAX_METRICS) {
            throw new IllegalArgumentException("an EMF line holds 1.." + MAX_METRICS + " metrics: " + metrics.size());
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensionSet = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(dimensionSet::add);
        ArrayNode definitions = directive.putArray("Metrics");
        dimensions.forEach(root::put);
        properties.forEach((k, v) -> root.set(k, JSON.valueToTree(v)));
        for (Metric m : metrics) {
            definitions.addObject().put("Name", m.name()).put("Unit", m.unit().cloudWatchName());
            root.put(m.name(), m.value());
        }
        return root.toString();
    }

    /** Writes one EMF line for this function ({@code AWS_LAMBDA_FUNCTION_NAME}, "local" outside Lambda). */
    public static void emit(List<Metric> metrics, Map<String, Object> properties) {
        Map<String, String> dims = new LinkedHashMap<>();
        String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        dims.put("FunctionName", function == null || function.isBlank() ? "local" : function);
        String line = line(dims, metrics, properties, System.currentTimeMillis());
        synchronized (OUT) {
            OUT.println(line);
        }
        TAPS.forEach(tap -> tap.add(line));
    }

    /**
     * From now until the tap is closed, a copy of every line this JVM emits (which still goes to standard output too):
     * how a test reads the metrics a function emitted, without parsing the process's output.
     */
    public static Tap tap() {
        Tap tap = new Tap();
        TAPS.add(tap);
        return tap;
    }

    /** The lines emitted while it was open, in order. */
    public static final class Tap implements AutoCloseable {

        private final List<String> lines = new ArrayList<>();

        private Tap() {}

        private synchronized void add(String line) {
            lines.add(line);
        }

        public synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void close() {
            TAPS.remove(this);
        }
    }

    public static void emit(Metric... metrics) {
        emit(List.of(metrics), Map.of());
    }
}
