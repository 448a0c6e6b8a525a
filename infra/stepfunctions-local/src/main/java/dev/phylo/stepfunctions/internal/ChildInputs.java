package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of a Distributed Map's child executions and how many items each one carries: one item per child, or
 * the batches the ItemBatcher makes ({@code {"BatchInput": ..., "Items": [...]}}).
 */
record ChildInputs(List<JsonNode> inputs, List<Integer> sizes) {

    /** Groups the selected item inputs as the Map's ItemBatcher says, or one per child without one. */
    static ChildInputs of(
            Model.MapState s, Frame f, JsonNode ctx, JsonNode eff, List<JsonNode> selected, String scope) {
        List<JsonNode> inputs = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        if (s.batcher() == null) {
            inputs.addAll(selected);
            selected.forEach(x -> sizes.add(1));
        } else {
            batch(s, f, ctx, eff, selected, inputs, sizes, scope);
        }
        return new ChildInputs(inputs, sizes);
    }

    int count() {
        return inputs.size();
    }

    /** The number of items child {@code child} carries. */
    int size(int child) {
        return sizes.get(child);
    }

    /** The index of the first item child {@code child} carries. */
    int firstItem(int child) {
        int first = 0;
        for (int ci = 0; ci < child; ci++) {
            first += sizes.get(ci);
        }
        return first;
    }

    private static void batch(
            Model.MapState s,
            Frame f,
            JsonNode ctx,
            JsonNode eff,
            List<JsonNode> selected,
            List<JsonNode> out,
            List<Integer> sizes,
            String scope) {
        Model.Batcher b = s.batcher();
        long maxItems = b.maxItems() != null ? b.maxItems() : Long.MAX_VALUE;
        if (b.maxItemsPath() != null) {
            maxItems = DataFlowSteps.integerAt(
                    s, "ItemBatcher.MaxItemsPerBatchPath", b.maxItemsPath(), eff, ctx, 1, Integer.MAX_VALUE);
        }
        long maxBytes = b.maxBytes() != null ? b.maxBytes() : Long.MAX_VALUE;
        if (b.maxBytesPath() != null) {
            maxBytes = DataFlowSteps.integerAt(
                    s,
                    "ItemBatcher.MaxInputBytesPerBatchPath",
                    b.maxBytesPath(),
                    eff,
                    ctx,
                    1,
                    FanOutParsers.MAX_BATCH_BYTES);
        }
        JsonNode batchInput = b.batchInput() != null
                ? b.batchInput().evaluate(eff, ctx, new Frame(f.run, f.token, new Cursor(0), scope + "#batch"))
                : null;
        ArrayNode current = null;
        for (int i = 0; i < selected.size(); i++) {
            JsonNode item = selected.get(i);
            if (current != null) {
                boolean full = current.size() >= maxItems;
                if (!full && maxBytes != Long.MAX_VALUE) {
                    ArrayNode trial = current.deepCopy();
                    trial.add(item);
                    full = Json.utf8Size(batchObject(trial, batchInput)) > maxBytes;
                }
                if (full) {
                    out.add(batchObject(current, batchInput));
                    sizes.add(current.size());
                    current = null;
                }
            }
            if (current == null) {
                current = Json.NODES.arrayNode();
            }
            current.add(item);
            if (maxBytes != Long.MAX_VALUE
                    && current.size() == 1
                    && Json.utf8Size(batchObject(current, batchInput)) > maxBytes) {
                throw StatesError.runtime("state \"" + s.name() + "\": field ItemBatcher: item " + i
                        + " alone is larger than MaxInputBytesPerBatch (" + maxBytes + " bytes)");
            }
        }
        if (current != null) {
            out.add(batchObject(current, batchInput));
            sizes.add(current.size());
        }
    }

    private static JsonNode batchObject(ArrayNode items, JsonNode batchInput) {
        ObjectNode o = Json.NODES.objectNode();
        if (batchInput != null) {
            o.set("BatchInput", batchInput);
        }
        o.set("Items", items);
        return o;
    }
}
