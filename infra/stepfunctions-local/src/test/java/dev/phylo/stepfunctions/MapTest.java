package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MapTest {

    @Test
    void inlineMapWithItemSelectorAndItemIndexKeepsItemOrder() {
        String def = """
        {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.batches",
          "ItemSelector": {"runId.$": "$.runId", "index.$": "$$.Map.Item.Index", "batch.$": "$$.Map.Item.Value"},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Eval", "States": {
            "Eval": {"Type": "Task", "Resource": "%seval", "End": true}}},
          "ResultPath": "$.results", "End": true}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("eval", p -> {
            int i = p.get("index").asInt();
            try {
                Thread.sleep(5L * (5 - i)); // later items finish first
            } catch (InterruptedException e) {
                throw new TaskFailedException("Interrupted", "");
            }
            return json("{\"i\": " + i + ", \"b\": " + p.get("batch") + ", \"run\": \""
                    + p.get("runId").asText() + "\"}");
        });
        Execution e = Asl.start(def, "{\"runId\": \"r1\", \"batches\": [10, 11, 12, 13, 14]}", fns, Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode results = r.output().get("results");
        assertThat(results).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(results.get(i)).isEqualTo(json("{\"i\": " + i + ", \"b\": " + (10 + i) + ", \"run\": \"r1\"}"));
        }
        assertThat(Asl.types(e))
                .contains("MapStateStarted", "MapIterationStarted", "MapIterationSucceeded", "MapStateSucceeded");
        assertThat(Asl.types(e).stream().filter("MapIterationStarted"::equals).count())
                .isEqualTo(5);
        HistoryEvent started = e.history().stream()
                .filter(h -> h.type().equals("MapStateStarted"))
                .findFirst()
                .orElseThrow();
        assertThat(started.details().get("length").asInt()).isEqualTo(5);
    }

    @Test
    void legacyIteratorAndParametersStillWork() {
        String def = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1,
          "Parameters": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
          "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
        """;
        assertThat(Asl.run(def, "[\"a\", \"b\"]").output())
                .isEqualTo(json("[{\"v\": \"a\", \"i\": 0}, {\"v\": \"b\", \"i\": 1}]"));
    }

    @Test
    void inlineIterationFailureFailsTheMapWithTheIterationsError() {
        String def = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1,
          "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "%sf", "End": true}}},
          "End": true}}}
        """.formatted(FN);
        Asl.Functions fns = new Asl.Functions().on("f", p -> {
            if (p.asInt() == 2) {
                throw new TaskFailedException("Item.Bad", "item 2");
            }
            return p;
        });
        Execution e = Asl.start(def, "[1, 2, 3, 4]", fns, Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.error()).isEqualTo("Item.Bad");
        assertThat(fns.count.get()).isEqualTo(2); // sequential: the iteration after the failure never starts
        assertThat(Asl.types(e)).contains("MapIterationFailed", "MapStateFailed");
    }

    @Test
    void inlineMapRejectsDistributedOnlyFields() {
        String def = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ToleratedFailureCount": 1,
          "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}
        """;
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessage(
                        "state \"M\": field ToleratedFailureCount is only valid for a Map state in DISTRIBUTED mode");
    }

    private static String distributed(String extra, String resource) {
        return """
        {"StartAt": "Evaluate generation", "States": {"Evaluate generation": {"Type": "Map",
          "ItemsPath": "$.batches", %s
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "Evaluate batch", "States": {
              "Evaluate batch": {"Type": "Task", "Resource": "%s%s", "End": true}}},
          "End": true}}}
        """.formatted(extra, FN, resource);
    }

    private static String batches(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"batch\": ").append(i).append('}');
        }
        return b.append(']').toString();
    }

    @Test
    void distributedMapHonoursMaxConcurrencyPath() {
        int limit = 3;
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        CountDownLatch firstWave = new CountDownLatch(limit);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Asl.Functions fns = new Asl.Functions().on("evaluate", p -> {
            int now = inFlight.incrementAndGet();
            maxSeen.accumulateAndGet(now, Math::max);
            threads.add(Thread.currentThread().getName());
            try {
                firstWave.countDown();
                firstWave.await(10, TimeUnit.SECONDS); // the first `limit` calls overlap for sure
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new TaskFailedException("Interrupted", "");
            } finally {
                inFlight.decrementAndGet();
            }
            return json("{\"results\": \"gen-0/batch-" + p.get("batch").asInt() + ".bin\"}");
        });
        Execution e = Asl.start(
                distributed("\"MaxConcurrencyPath\": \"$.maxConcurrency\",", "evaluate"),
                "{\"maxConcurrency\": " + limit + ", \"batches\": " + batches(12) + "}",
                fns,
                Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(maxSeen.get()).isEqualTo(limit);
        assertThat(threads).hasSize(limit);
        assertThat(r.output()).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(r.output().get(i).get("results").asText()).isEqualTo("gen-0/batch-" + i + ".bin");
        }
        // children keep their own histories: the parent's stays small
        assertThat(Asl.types(e))
                .containsExactly(
                        "ExecutionStarted",
                        "MapStateEntered",
                        "MapRunStarted",
                        "MapRunSucceeded",
                        "MapStateExited",
                        "ExecutionSucceeded");
        HistoryEvent done = e.history().get(3);
        assertThat(done.details().get("itemCounts"))
                .isEqualTo(json(
                        "{\"total\": 12, \"succeeded\": 12, \"failed\": 0, \"aborted\": 0, \"childExecutions\": 12}"));
    }

    @Test
    void childExecutionsHaveTheirOwnContextObject() {
        String def = """
        {"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "Eval",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Pass",
              "Parameters": {"input.$": "$$.Execution.Input", "id.$": "$$.Execution.Id"}, "End": true}}},
          "End": true}}}
        """;
        ExecutionResult r = Asl.run(def, "[{\"a\": 1}]");
        assertThat(r.output().get(0).get("input")).isEqualTo(json("{\"a\": 1}"));
        assertThat(r.output().get(0).get("id").asText())
                .startsWith("arn:aws:states:local:000000000000:execution:StateMachine/Eval:");
    }

    @Test
    void itemBatcherGroupsItemsAndAddsBatchInput() {
        Asl.Functions fns = new Asl.Functions()
                .on("evaluate", p -> json("{\"n\": " + p.get("Items").size() + "}"));
        ExecutionResult r = Asl.run(
                distributed(
                        "\"ItemSelector\": {\"b.$\": \"$$.Map.Item.Value.batch\"},"
                                + "\"ItemBatcher\": {\"MaxItemsPerBatch\": 3, \"BatchInput\": {\"runId.$\": \"$.runId\"}},",
                        "evaluate"),
                "{\"runId\": \"r1\", \"batches\": " + batches(7) + "}",
                fns);
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(fns.payloads)
                .containsExactlyInAnyOrder(
                        json("{\"BatchInput\": {\"runId\": \"r1\"}, \"Items\": [{\"b\": 0}, {\"b\": 1}, {\"b\": 2}]}"),
                        json("{\"BatchInput\": {\"runId\": \"r1\"}, \"Items\": [{\"b\": 3}, {\"b\": 4}, {\"b\": 5}]}"),
                        json("{\"BatchInput\": {\"runId\": \"r1\"}, \"Items\": [{\"b\": 6}]}"));
        assertThat(r.output()).isEqualTo(json("[{\"n\": 3}, {\"n\": 3}, {\"n\": 1}]"));
    }

    @Test
    void itemBatcherByBytes() {
        Asl.Functions fns = new Asl.Functions()
                .on("evaluate", p -> json(String.valueOf(p.get("Items").size())));
        // each {"batch":N} item is 11 bytes; {"Items":[x,y]} is 12 + 2*11 + 1 = 35 bytes
        ExecutionResult r = Asl.run(
                distributed("\"ItemBatcher\": {\"MaxInputBytesPerBatch\": 35},", "evaluate"),
                "{\"batches\": " + batches(5) + "}",
                fns);
        assertThat(r.output()).isEqualTo(json("[2, 2, 1]"));
    }

    private static Asl.Functions failingItems(Set<Integer> bad) {
        return new Asl.Functions().on("evaluate", p -> {
            int b = p.get("batch").asInt();
            if (bad.contains(b)) {
                throw new TaskFailedException("Evaluate.Failed", "batch " + b + " failed");
            }
            return json("{\"ok\": " + b + "}");
        });
    }

    @Test
    void failuresWithinToleranceSucceedAndShowAsErrorOutputsInPlace() {
        ExecutionResult r = Asl.run(
                distributed("\"ToleratedFailureCount\": 2,", "evaluate"),
                "{\"batches\": " + batches(10) + "}",
                failingItems(Set.of(3, 7)));
        assertThat(r.status()).as(r.cause()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).hasSize(10);
        assertThat(r.output().get(3))
                .isEqualTo(json("{\"Error\": \"Evaluate.Failed\", \"Cause\": \"batch 3 failed\"}"));
        assertThat(r.output().get(7))
                .isEqualTo(json("{\"Error\": \"Evaluate.Failed\", \"Cause\": \"batch 7 failed\"}"));
        assertThat(r.output().get(4)).isEqualTo(json("{\"ok\": 4}"));
    }

    @Test
    void failuresAboveTheToleratedPercentageFailTheMap() {
        Execution e = Asl.start(
                distributed("\"MaxConcurrency\": 1, \"ToleratedFailurePercentagePath\": \"$.tolerate\",", "evaluate"),
                "{\"tolerate\": 10, \"batches\": " + batches(10) + "}",
                failingItems(Set.of(3, 7)),
                Asl.options());
        ExecutionResult r = e.await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.cause())
                .contains("state \"Evaluate generation\"")
                .contains("2 of 10 items failed")
                .contains("tolerated: 10.0%")
                .contains("item 3")
                .contains("Evaluate.Failed: batch 3 failed");
        assertThat(Asl.types(e)).contains("MapRunFailed");
    }

    @Test
    void withoutToleranceOneFailedChildFailsTheMapRunAndCatchSeesIt() {
        String def = """
        {"StartAt": "M", "States": {
          "M": {"Type": "Map",
            "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
              "StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Child.Failed", "Cause": "no"}}},
            "Catch": [{"ErrorEquals": ["States.ExceedToleratedFailureThreshold"], "ResultPath": "$.err", "Next": "Mark run failed"}],
            "ResultPath": "$.out", "ItemsPath": "$.items", "End": true},
          "Mark run failed": {"Type": "Pass", "End": true}}}
        """;
        ExecutionResult r = Asl.run(def, "{\"items\": [1]}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get("err").get("Error").asText()).isEqualTo("States.ExceedToleratedFailureThreshold");
        assertThat(r.output().get("err").get("Cause").asText())
                .contains("1 of 1 items failed (no failures are tolerated)")
                .contains("Child.Failed: no");
    }

    @Test
    void itemsPathMustSelectAnArray() {
        ExecutionResult r = Asl.run(distributed("", "evaluate"), "{\"batches\": {\"not\": \"array\"}}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("ItemsPath").contains("array");
    }

    @Test
    void emptyItemsGiveAnEmptyArray() {
        assertThat(Asl.run(distributed("", "evaluate"), "{\"batches\": []}").output())
                .isEqualTo(json("[]"));
    }
}
