package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.json;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Distributed Map reading its items from an S3 object (the ObjectStore). */
class ItemReaderTest {

    @TempDir
    Path root;

    private void object(String bucket, String key, String content) throws IOException {
        Path file = root.resolve(bucket).resolve(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private ExecutionOptions withStore() {
        return Asl.options().withObjectStore(ObjectStore.directory(root));
    }

    /** A Distributed Map named M over the given ItemReader whose children pass their input through. */
    private static String map(String itemReader, String extra) {
        return """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemReader": %s, %s
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          "End": true}}}
        """.formatted(itemReader, extra);
    }

    private static String reader(String readerConfig, String parameters) {
        return """
        {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": %s, "Parameters": %s}
        """.formatted(readerConfig, parameters);
    }

    private static final String BK = "{\"Bucket\": \"b\", \"Key\": \"items\"}";

    @Test
    void readsTheFirstMaxItemsOfAJsonArrayFromTheObjectTheParametersName() throws IOException {
        object("phylo-runs", "runs/r1/batches.json", "[{\"b\": 0}, {\"b\": 1}, {\"b\": 2}, {\"b\": 3}]");
        String def = map(
                reader(
                        "{\"InputType\": \"JSON\", \"MaxItems\": 3}",
                        "{\"Bucket.$\": \"$.bucket\", \"Key.$\": \"States.Format('runs/{}/batches.json', $.runId)\"}"),
                "\"ItemSelector\": {\"runId.$\": \"$.runId\", \"index.$\": \"$$.Map.Item.Index\","
                        + " \"batch.$\": \"$$.Map.Item.Value.b\"},");
        ExecutionResult r =
                Asl.run(def, "{\"bucket\": \"phylo-runs\", \"runId\": \"r1\"}", new Asl.Functions(), withStore());
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output())
                .isEqualTo(json("[{\"runId\": \"r1\", \"index\": 0, \"batch\": 0},"
                        + " {\"runId\": \"r1\", \"index\": 1, \"batch\": 1},"
                        + " {\"runId\": \"r1\", \"index\": 2, \"batch\": 2}]"));
    }

    private static final String JSONL = "{\"b\": 0}\n\n   {\"b\": 1}\r\n[2]\n\"three\"\nnot json\n";

    @Test
    void readsJsonLinesOneValuePerNonEmptyLineUpToMaxItemsPath() throws IOException {
        object("b", "items", JSONL);
        String def = map(reader("{\"InputType\": \"JSONL\", \"MaxItemsPath\": \"$.max\"}", BK), "");
        ExecutionResult r = Asl.run(def, "{\"max\": 4}", new Asl.Functions(), withStore());
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("[{\"b\": 0}, {\"b\": 1}, [2], \"three\"]"));

        // the fifth value is the bad sixth line
        r = Asl.run(def, "{\"max\": 5}", new Asl.Functions(), withStore());
        assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(r.cause()).startsWith("state \"M\": field ItemReader: s3://b/items line 6 is not one JSON value");
    }

    @Test
    void itemsFromTheObjectGoThroughTheItemBatcher() throws IOException {
        object("b", "items", "[0, 1, 2, 3, 4]");
        String def = map(
                reader("{\"InputType\": \"JSON\"}", BK),
                "\"ItemBatcher\": {\"MaxItemsPerBatch\": 2, \"BatchInput\": {\"run.$\": \"$.run\"}},");
        ExecutionResult r = Asl.run(def, "{\"run\": \"r1\"}", new Asl.Functions(), withStore());
        assertThat(r.output())
                .isEqualTo(json("[{\"BatchInput\": {\"run\": \"r1\"}, \"Items\": [0, 1]},"
                        + " {\"BatchInput\": {\"run\": \"r1\"}, \"Items\": [2, 3]},"
                        + " {\"BatchInput\": {\"run\": \"r1\"}, \"Items\": [4]}]"));
    }

    @Test
    void aMissingObjectFailsWithItemReaderFailedNamingBucketAndKey() {
        ExecutionResult r =
                Asl.run(map(reader("{\"InputType\": \"JSON\"}", BK), ""), "{}", new Asl.Functions(), withStore());
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(r.cause()).isEqualTo("state \"M\": field ItemReader: s3://b/items does not exist");
    }

    @Test
    void theMapsRetryAppliesToItemReaderFailed() {
        AtomicInteger gets = new AtomicInteger();
        ObjectStore appearsLate = new ObjectStore() {
            @Override
            public Optional<byte[]> get(String bucket, String key) {
                return gets.incrementAndGet() == 1 ? Optional.empty() : Optional.of("[7]".getBytes(UTF_8));
            }

            @Override
            public void put(String bucket, String key, byte[] content) {
                throw new UnsupportedOperationException();
            }
        };
        Asl.RecordingSleeper sleeper = new Asl.RecordingSleeper();
        ExecutionResult r = Asl.run(
                map(
                        reader("{\"InputType\": \"JSON\"}", BK),
                        "\"Retry\": [{\"ErrorEquals\": [\"States.ItemReaderFailed\"], \"IntervalSeconds\": 2}],"),
                "{}",
                new Asl.Functions(),
                Asl.options(sleeper).withObjectStore(appearsLate));
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("[7]"));
        assertThat(gets.get()).isEqualTo(2);
        assertThat(sleeper.millis()).containsExactly(2000L);
    }

    @Test
    void contentOfTheWrongShapeFailsWithItemReaderFailedAndCatchSeesIt() throws IOException {
        object("b", "items", "{\"batches\": [1, 2]}");
        object("b", "broken", "[1, 2");
        String caught = "\"Catch\": [{\"ErrorEquals\": [\"States.ItemReaderFailed\"], \"ResultPath\": \"$.err\","
                + " \"Next\": \"Failed\"}],";
        String def = map(reader("{\"InputType\": \"JSON\"}", "{\"Bucket\": \"b\", \"Key.$\": \"$.key\"}"), caught)
                .replace("\"End\": true}}}\n", "\"End\": true}, \"Failed\": {\"Type\": \"Pass\", \"End\": true}}}\n");
        ExecutionResult r = Asl.run(def, "{\"key\": \"items\"}", new Asl.Functions(), withStore());
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get("err"))
                .isEqualTo(json("{\"Error\": \"States.ItemReaderFailed\", \"Cause\": \"state \\\"M\\\": field"
                        + " ItemReader: s3://b/items holds a JSON object, but InputType JSON needs a JSON array\"}"));
        r = Asl.run(def, "{\"key\": \"broken\"}", new Asl.Functions(), withStore());
        assertThat(r.output().get("err").get("Cause").asText()).contains("s3://b/broken is not valid JSON");
    }

    @Test
    void withoutAnObjectStoreTheReaderFailsSayingHowToConfigureOne() {
        ExecutionResult r = Asl.run(map(reader("{\"InputType\": \"JSON\"}", BK), ""), "{}");
        assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(r.cause())
                .isEqualTo("state \"M\": field ItemReader: s3://b/items could not be read: no object store is"
                        + " configured for this execution (ExecutionOptions.withObjectStore)");
    }

    private static void rejects(String def, String message) {
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessage(message);
    }

    @Test
    void readersTheLocalRunnerDoesNotImplementAreRejectedWhenParsed() {
        rejects(
                map(reader("{\"InputType\": \"CSV\", \"CSVHeaderLocation\": \"FIRST_ROW\"}", BK), ""),
                "state \"M\": field ItemReader.ReaderConfig.InputType \"CSV\" is not supported by the local runner"
                        + " (only JSON and JSONL)");
        rejects(
                map(reader("{\"InputType\": \"MANIFEST\"}", BK), ""),
                "state \"M\": field ItemReader.ReaderConfig.InputType \"MANIFEST\" is not supported by the local"
                        + " runner (only JSON and JSONL)");
        rejects(
                map(reader("{\"InputType\": \"PARQUET\"}", BK), ""),
                "state \"M\": field ItemReader.ReaderConfig.InputType \"PARQUET\" is not supported by the local"
                        + " runner (only JSON and JSONL)");
        rejects(
                map("{\"Resource\": \"arn:aws:states:::s3:listObjectsV2\", \"Parameters\": {\"Bucket\": \"b\"}}", ""),
                "state \"M\": field ItemReader.Resource \"arn:aws:states:::s3:listObjectsV2\" is not supported by the"
                        + " local runner (only arn:aws:states:::s3:getObject)");
        rejects(
                map(
                        reader(
                                "{\"InputType\": \"JSON\"}",
                                "{\"Bucket\": \"b\", \"Key\": \"k\", \"VersionId\": \"v\"}"),
                        ""),
                "state \"M\": field ItemReader.Parameters.VersionId is not supported by the local runner (ItemReader"
                        + " takes Bucket, Key)");
        rejects(
                map(reader("{\"InputType\": \"JSON\"}", "{\"Bucket\": \"b\"}"), ""),
                "state \"M\": field ItemReader.Parameters must give Key");
        rejects(
                map(reader("{\"InputType\": \"JSON\", \"MaxItems\": 0}", BK), ""),
                "state \"M\": field ItemReader.ReaderConfig.MaxItems must be an integer between 1 and 100000000 but"
                        + " is 0");
    }

    @Test
    void anItemReaderNeedsADistributedMapWithoutItemsPath() {
        rejects(
                """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemReader": %s,
                  "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
                """.formatted(reader("{\"InputType\": \"JSON\"}", BK)),
                "state \"M\": field ItemReader is only valid for a Map state in DISTRIBUTED mode");
        rejects(
                map(reader("{\"InputType\": \"JSON\"}", BK), "\"ItemsPath\": \"$.items\","),
                "state \"M\": field ItemReader and ItemsPath must not both be present");
    }
}
