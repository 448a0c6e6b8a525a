package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Distributed Map exporting its child executions to S3 (the ObjectStore) instead of collecting their outputs. */
class ResultWriterTest {

    private static final String ARN = "arn:aws:states:local:000000000000:";

    @TempDir
    Path root;

    private static String map(String resultWriter, String extra) {
        return """
        {"StartAt": "Evaluate generation", "States": {"Evaluate generation": {"Type": "Map", "Label": "Evaluate",
          "ItemsPath": "$.batches", "ResultWriter": %s, %s
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "Evaluate batch", "States": {
              "Evaluate batch": {"Type": "Task", "Resource": "%sevaluate", "End": true}}},
          "End": true}}}
        """.formatted(resultWriter, extra, FN);
    }

    private static final String WRITER = """
        {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket.$": "$.bucket", "Prefix": "runs/r1"}}
        """;

    private static Asl.Functions failing(Set<Integer> bad) {
        return new Asl.Functions().on("evaluate", p -> {
            int b = p.get("batch").asInt();
            if (bad.contains(b)) {
                throw new TaskFailedException("Evaluate.Failed", "batch " + b + " failed");
            }
            return json("{\"ok\": " + b + ", \"pad\": \"" + PAD + "\"}");
        });
    }

    private static final String PAD = "x".repeat(100);

    private static String input(int n) {
        StringBuilder b = new StringBuilder("{\"bucket\": \"phylo-results\", \"batches\": [");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"batch\": ").append(i).append('}');
        }
        return b.append("]}").toString();
    }

    private JsonNode read(String bucket, String key) throws IOException {
        return json(Files.readString(root.resolve(bucket).resolve(key)));
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void writesTheResultFilesAndTheManifestAndReturnsWhereTheyAre() throws IOException {
        // the 4 outputs of 117 bytes and the error output would collect to 526 bytes, more than the 300 allowed:
        // exported, they are not collected (the Map's output of 231 bytes and every child's input and output fit)
        Execution e = Asl.start(
                map(
                        WRITER,
                        "\"ToleratedFailureCount\": 1, \"ResultPath\": \"$.export\", \"OutputPath\": \"$.export\","),
                input(5),
                failing(Set.of(3)),
                Asl.options().withObjectStore(ObjectStore.directory(root)).withMaxPayloadBytes(300));
        ExecutionResult r = e.await();
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);

        JsonNode out = r.output();
        assertThat(fieldNames(out)).containsExactly("MapRunArn", "ResultWriterDetails");
        String mapRunArn = out.get("MapRunArn").asText();
        assertThat(mapRunArn)
                .matches(ARN.replace(".", "\\.")
                        + "mapRun:StateMachine/Evaluate:[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");
        String mapRunId = mapRunArn.substring(mapRunArn.lastIndexOf(':') + 1);
        String folder = "runs/r1/" + mapRunId;
        assertThat(out.get("ResultWriterDetails"))
                .isEqualTo(json("{\"Bucket\": \"phylo-results\", \"Key\": \"" + folder + "/manifest.json\"}"));
        HistoryEvent started = e.history().stream()
                .filter(h -> h.type().equals("MapRunStarted"))
                .findFirst()
                .orElseThrow();
        assertThat(started.details().get("mapRunArn").asText()).isEqualTo(mapRunArn);

        long succeededSize = Files.size(root.resolve("phylo-results/" + folder + "/SUCCEEDED_0.json"));
        long failedSize = Files.size(root.resolve("phylo-results/" + folder + "/FAILED_0.json"));
        assertThat(read("phylo-results", folder + "/manifest.json"))
                .isEqualTo(json("""
                {"DestinationBucket": "phylo-results", "MapRunArn": "%s", "ResultFiles": {
                  "FAILED": [{"Key": "%s/FAILED_0.json", "Size": %d}],
                  "PENDING": [],
                  "SUCCEEDED": [{"Key": "%s/SUCCEEDED_0.json", "Size": %d}]}}
                """.formatted(mapRunArn, folder, failedSize, folder, succeededSize)));

        JsonNode succeeded = read("phylo-results", folder + "/SUCCEEDED_0.json");
        assertThat(succeeded).hasSize(4);
        int[] batches = {0, 1, 2, 4};
        for (int i = 0; i < 4; i++) {
            JsonNode x = succeeded.get(i);
            assertThat(fieldNames(x))
                    .containsExactly(
                            "ExecutionArn",
                            "Input",
                            "InputDetails",
                            "Name",
                            "Output",
                            "OutputDetails",
                            "StartDate",
                            "StateMachineArn",
                            "Status",
                            "StopDate");
            assertThat(json(x.get("Input").asText())).isEqualTo(json("{\"batch\": " + batches[i] + "}"));
            assertThat(json(x.get("Output").asText()))
                    .isEqualTo(json("{\"ok\": " + batches[i] + ", \"pad\": \"" + PAD + "\"}"));
            assertThat(x.get("InputDetails")).isEqualTo(json("{\"Included\": true}"));
            assertThat(x.get("OutputDetails")).isEqualTo(json("{\"Included\": true}"));
            assertThat(x.get("Status").asText()).isEqualTo("SUCCEEDED");
            assertThat(x.get("ExecutionArn").asText())
                    .isEqualTo(ARN + "express:StateMachine/Evaluate:"
                            + x.get("Name").asText());
            assertThat(x.get("StateMachineArn").asText()).isEqualTo(ARN + "stateMachine:StateMachine/Evaluate");
            assertThat(x.get("StartDate").asText()).isEqualTo("2024-05-01T12:00:00Z");
            assertThat(x.get("StopDate").asText()).isEqualTo("2024-05-01T12:00:00Z");
        }
        JsonNode failed = read("phylo-results", folder + "/FAILED_0.json");
        assertThat(failed).hasSize(1);
        assertThat(fieldNames(failed.get(0)))
                .containsExactly(
                        "Cause",
                        "Error",
                        "ExecutionArn",
                        "Input",
                        "InputDetails",
                        "Name",
                        "StartDate",
                        "StateMachineArn",
                        "Status",
                        "StopDate");
        assertThat(failed.get(0).get("Error").asText()).isEqualTo("Evaluate.Failed");
        assertThat(failed.get(0).get("Cause").asText()).isEqualTo("batch 3 failed");
        assertThat(failed.get(0).get("Status").asText()).isEqualTo("FAILED");
        assertThat(json(failed.get(0).get("Input").asText())).isEqualTo(json("{\"batch\": 3}"));
    }

    @Test
    void theMapRunIdIsTheSameOnEveryRunOfAnExecutionNameAndOtherForAnother() {
        String def = map("{\"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": {\"Bucket\": \"b\"}}", "");
        ExecutionOptions options = Asl.options().withObjectStore(ObjectStore.directory(root));
        StateMachine sm = StateMachine.parse(def, Map.of());
        String first = sm.start("run-a", json(input(2)), failing(Set.of()), null, options)
                .await()
                .output()
                .get("ResultWriterDetails")
                .get("Key")
                .asText();
        String again = sm.start("run-a", json(input(2)), failing(Set.of()), null, options)
                .await()
                .output()
                .get("ResultWriterDetails")
                .get("Key")
                .asText();
        String other = sm.start("run-b", json(input(2)), failing(Set.of()), null, options)
                .await()
                .output()
                .get("ResultWriterDetails")
                .get("Key")
                .asText();
        assertThat(first).matches("[0-9a-f-]{36}/manifest\\.json"); // no Prefix: at the bucket's top
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aMapRunOverItsToleranceStillWritesItsResultsThenFails() throws IOException {
        Execution e = Asl.start(
                map(WRITER, "\"MaxConcurrency\": 1,"),
                input(4),
                failing(Set.of(1)),
                Asl.options().withObjectStore(ObjectStore.directory(root)));
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(Asl.types(e)).contains("MapRunFailed");
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(root)) {
            manifests = files.filter(p -> p.endsWith("manifest.json")).collect(Collectors.toList());
        }
        assertThat(manifests).hasSize(1);
        JsonNode manifest = json(Files.readString(manifests.get(0)));
        Path folder = manifests.get(0).getParent();
        // one at a time: item 0 succeeded, item 1 failed, and items 2 and 3 never started
        assertThat(json(Files.readString(folder.resolve("SUCCEEDED_0.json")))).hasSize(1);
        assertThat(json(Files.readString(folder.resolve("FAILED_0.json")))).hasSize(1);
        assertThat(manifest.get("ResultFiles").get("FAILED").get(0).get("Key").asText())
                .isEqualTo("runs/r1/" + folder.getFileName() + "/FAILED_0.json");
    }

    @Test
    void aWriteThatFailsIsResultWriterFailedWhichCatchHandles() {
        String def = map(
                        WRITER,
                        "\"Catch\": [{\"ErrorEquals\": [\"States.ResultWriterFailed\"], \"ResultPath\": \"$.err\","
                                + " \"Next\": \"Export failed\"}],")
                .replace(
                        "\"End\": true}}}\n",
                        "\"End\": true}, \"Export failed\": {\"Type\": \"Pass\", \"OutputPath\": \"$.err\","
                                + " \"End\": true}}}\n");
        ExecutionResult r = Asl.run(def, input(2), failing(Set.of())); // no object store
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get("Error").asText()).isEqualTo("States.ResultWriterFailed");
        assertThat(r.output().get("Cause").asText())
                .matches("state \"Evaluate generation\": field ResultWriter: could not write"
                        + " s3://phylo-results/runs/r1/[0-9a-f-]{36}/SUCCEEDED_0\\.json: no object store is configured"
                        + " for this execution \\(ExecutionOptions\\.withObjectStore\\)");
    }

    private static void rejects(String def, String message) {
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessage(message);
    }

    @Test
    void writersTheLocalRunnerDoesNotImplementAreRejectedWhenParsed() {
        rejects(
                map(
                        "{\"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": {\"Bucket\": \"b\"},"
                                + " \"WriterConfig\": {\"OutputType\": \"JSON\", \"Transformation\": \"COMPACT\"}}",
                        ""),
                "state \"Evaluate generation\": field ResultWriter.WriterConfig is not supported by the local runner");
        rejects(
                map("{\"Resource\": \"arn:aws:states:::dynamodb:putItem\", \"Parameters\": {\"Bucket\": \"b\"}}", ""),
                "state \"Evaluate generation\": field ResultWriter.Resource \"arn:aws:states:::dynamodb:putItem\" is"
                        + " not supported by the local runner (only arn:aws:states:::s3:putObject)");
        rejects(
                map("{\"Resource\": \"arn:aws:states:::s3:putObject\", \"Parameters\": {\"Prefix\": \"p\"}}", ""),
                "state \"Evaluate generation\": field ResultWriter.Parameters must give Bucket");
        rejects("""
                {"StartAt": "M", "States": {"M": {"Type": "Map",
                  "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "b"}},
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
                """, "state \"M\": field ResultWriter is only valid for a Map state in DISTRIBUTED mode");
    }
}
