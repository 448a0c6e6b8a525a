package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.Fields.err;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses the states that fan out: Parallel with its Branches, and Map (inline or distributed) with its processor,
 * concurrency, failure tolerance and ItemBatcher; {@link MapIoParsers} reads a Distributed Map's ItemReader and
 * ResultWriter.
 */
final class FanOutParsers {

    private static final Set<String> DISTRIBUTED_ONLY = Set.of(
            "ItemBatcher",
            "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath",
            "ToleratedFailureCount",
            "ToleratedFailureCountPath",
            "Label",
            "ItemReader",
            "ResultWriter");

    /**
     * The largest ItemBatcher MaxInputBytesPerBatch, 256 KiB
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html).
     */
    static final int MAX_BATCH_BYTES = 262_144;

    private FanOutParsers() {}

    static Function<Model.Common, Model.State> parallel(String name, JsonNode node) {
        Model.Action action = ActionParsers.action(name, node, true);
        JsonNode branches = node.get("Branches");
        if (branches == null || !branches.isArray() || branches.size() == 0) {
            throw err(name, "Branches", "is required and must be a non-empty array");
        }
        List<Model.Branch> list = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            list.add(Parser.branch(
                    branches.get(i),
                    "state \"" + name + "\": field Branches[" + i + "]",
                    Set.of("StartAt", "States", "Comment", "QueryLanguage")));
        }
        return common -> new Model.ParallelState(common, action, list);
    }

    static Function<Model.Common, Model.State> map(String name, JsonNode node) {
        Model.Action action = ActionParsers.action(name, node, false);
        Fields.exclusive(name, node, "ItemProcessor", "Iterator");
        Fields.exclusive(name, node, "ItemSelector", "Parameters");
        Fields.exclusive(name, node, "ItemReader", "ItemsPath");
        JsonNode proc = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
        String procField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (proc == null) {
            throw err(name, "ItemProcessor", "(or the legacy Iterator) is required");
        }
        if (!proc.isObject()) {
            throw err(name, procField, "must be an object");
        }
        String executionType = executionType(name, procField, proc);
        boolean distributed = executionType != null;
        Model.Branch processor = Parser.branch(
                proc,
                "state \"" + name + "\": field " + procField,
                procField.equals("Iterator")
                        ? Set.of("StartAt", "States", "Comment")
                        : Set.of("StartAt", "States", "Comment", "ProcessorConfig", "QueryLanguage"));
        if (!distributed) {
            for (String f : DISTRIBUTED_ONLY) {
                if (node.has(f)) {
                    throw new AslException("state \"" + name + "\": field " + f
                            + " is only valid for a Map state in DISTRIBUTED mode");
                }
            }
        }
        JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
        Template itemSelector =
                Fields.template(name, node.has("ItemSelector") ? "ItemSelector" : "Parameters", selector);
        PathExpr itemsPath =
                node.has("ItemsPath") ? Fields.refPath(name, "ItemsPath", node.get("ItemsPath")) : PathExpr.ROOT;
        Fields.exclusive(name, node, "MaxConcurrency", "MaxConcurrencyPath");
        int maxConcurrency = node.has("MaxConcurrency")
                ? Fields.intField(name, "MaxConcurrency", node.get("MaxConcurrency"), 0, Integer.MAX_VALUE)
                : 0;
        PathExpr maxConcurrencyPath = node.has("MaxConcurrencyPath")
                ? Fields.refPath(name, "MaxConcurrencyPath", node.get("MaxConcurrencyPath"))
                : null;
        Model.Tolerance tolerance = tolerance(name, node);
        String label = null;
        if (node.has("Label")) {
            JsonNode l = node.get("Label");
            if (!l.isTextual() || l.textValue().isEmpty() || l.textValue().length() > 40) {
                throw err(name, "Label", "must be a string of 1 to 40 characters");
            }
            label = l.textValue();
        }
        Model.Batcher batcher = node.has("ItemBatcher") ? batcher(name, node.get("ItemBatcher")) : null;
        Model.ItemReader itemReader =
                node.has("ItemReader") ? MapIoParsers.itemReader(name, node.get("ItemReader")) : null;
        Model.ResultWriter resultWriter =
                node.has("ResultWriter") ? MapIoParsers.resultWriter(name, node.get("ResultWriter")) : null;
        String mapLabel = label;
        return common -> new Model.MapState(
                common,
                action,
                processor,
                distributed,
                executionType,
                itemsPath,
                itemSelector,
                maxConcurrency,
                maxConcurrencyPath,
                batcher,
                tolerance,
                mapLabel,
                itemReader,
                resultWriter);
    }

    /** Reads ItemProcessor.ProcessorConfig: the ExecutionType of a DISTRIBUTED Map, or null for an INLINE one. */
    private static String executionType(String name, String procField, JsonNode proc) {
        JsonNode config = proc.get("ProcessorConfig");
        if (config == null) {
            return null;
        }
        if (procField.equals("Iterator")) {
            throw err(name, "Iterator.ProcessorConfig", "is not valid (use ItemProcessor)");
        }
        if (!config.isObject()) {
            throw err(name, "ItemProcessor.ProcessorConfig", "must be an object");
        }
        Iterator<String> keys = config.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (!k.equals("Mode") && !k.equals("ExecutionType")) {
                throw err(name, "ItemProcessor.ProcessorConfig." + k, "is not valid");
            }
        }
        String mode = "INLINE";
        JsonNode m = config.get("Mode");
        if (m != null) {
            if (!m.isTextual()
                    || !(m.textValue().equals("INLINE") || m.textValue().equals("DISTRIBUTED"))) {
                throw err(name, "ItemProcessor.ProcessorConfig.Mode", "must be INLINE or DISTRIBUTED");
            }
            mode = m.textValue();
        }
        JsonNode et = config.get("ExecutionType");
        if (mode.equals("DISTRIBUTED")) {
            if (et == null
                    || !et.isTextual()
                    || !(et.textValue().equals("EXPRESS") || et.textValue().equals("STANDARD"))) {
                throw err(
                        name,
                        "ItemProcessor.ProcessorConfig.ExecutionType",
                        "must be EXPRESS or STANDARD in DISTRIBUTED mode");
            }
            return et.textValue();
        }
        if (et != null) {
            throw err(name, "ItemProcessor.ProcessorConfig.ExecutionType", "is only valid in DISTRIBUTED mode");
        }
        return null;
    }

    private static Model.Tolerance tolerance(String name, JsonNode node) {
        Fields.exclusive(name, node, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
        Fields.exclusive(name, node, "ToleratedFailureCount", "ToleratedFailureCountPath");
        Double percentage = null;
        if (node.has("ToleratedFailurePercentage")) {
            JsonNode p = node.get("ToleratedFailurePercentage");
            if (!p.isNumber() || p.doubleValue() < 0 || p.doubleValue() > 100) {
                throw err(name, "ToleratedFailurePercentage", "must be a number between 0 and 100");
            }
            percentage = p.doubleValue();
        }
        PathExpr percentagePath = node.has("ToleratedFailurePercentagePath")
                ? Fields.refPath(name, "ToleratedFailurePercentagePath", node.get("ToleratedFailurePercentagePath"))
                : null;
        Long count = node.has("ToleratedFailureCount")
                ? (long) Fields.intField(
                        name, "ToleratedFailureCount", node.get("ToleratedFailureCount"), 0, Integer.MAX_VALUE)
                : null;
        PathExpr countPath = node.has("ToleratedFailureCountPath")
                ? Fields.refPath(name, "ToleratedFailureCountPath", node.get("ToleratedFailureCountPath"))
                : null;
        return new Model.Tolerance(percentage, percentagePath, count, countPath);
    }

    private static Model.Batcher batcher(String name, JsonNode node) {
        if (!node.isObject()) {
            throw err(name, "ItemBatcher", "must be an object");
        }
        Integer maxItems = null;
        PathExpr maxItemsPath = null;
        Integer maxBytes = null;
        PathExpr maxBytesPath = null;
        Template batchInput = null;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = "ItemBatcher." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "MaxItemsPerBatch":
                    maxItems = Fields.intField(name, f, v, 1, Integer.MAX_VALUE);
                    break;
                case "MaxItemsPerBatchPath":
                    maxItemsPath = Fields.refPath(name, f, v);
                    break;
                case "MaxInputBytesPerBatch":
                    maxBytes = Fields.intField(name, f, v, 1, MAX_BATCH_BYTES);
                    break;
                case "MaxInputBytesPerBatchPath":
                    maxBytesPath = Fields.refPath(name, f, v);
                    break;
                case "BatchInput":
                    batchInput = Fields.template(name, f, v);
                    break;
                default:
                    throw err(name, f, "is not a valid ItemBatcher field");
            }
        }
        Fields.exclusive(name, node, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
        Fields.exclusive(name, node, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
        if (maxItems == null && maxItemsPath == null && maxBytes == null && maxBytesPath == null) {
            throw err(name, "ItemBatcher", "needs MaxItemsPerBatch(Path) or MaxInputBytesPerBatch(Path)");
        }
        return new Model.Batcher(maxItems, maxItemsPath, maxBytes, maxBytesPath, batchInput);
    }
}
