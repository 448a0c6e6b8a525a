package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.IntrinsicArgs.fail;
import static dev.phylo.stepfunctions.internal.IntrinsicArgs.string;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON intrinsic functions: {@code States.StringToJson}, {@code States.JsonToString}, {@code States.JsonMerge}. */
final class JsonIntrinsics {

    private JsonIntrinsics() {}

    static JsonNode stringToJson(List<JsonNode> a) {
        String text = string("StringToJson", a.get(0), 1);
        try {
            JsonNode parsed = Json.parse(text);
            if (parsed == null || parsed.isMissingNode()) {
                throw fail("StringToJson", "the string is empty");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw fail("StringToJson", "the string is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode jsonToString(List<JsonNode> a) {
        return Json.NODES.textNode(Json.write(a.get(0)));
    }

    /** A shallow merge only: the third argument must be false. */
    static JsonNode jsonMerge(List<JsonNode> a) {
        if (!a.get(0).isObject() || !a.get(1).isObject()) {
            throw fail("JsonMerge", "the first two arguments must be objects");
        }
        if (!a.get(2).isBoolean() || a.get(2).booleanValue()) {
            throw fail("JsonMerge", "the third argument must be false (only shallow merge is supported)");
        }
        ObjectNode merged = ((ObjectNode) a.get(0)).deepCopy();
        merged.setAll((ObjectNode) a.get(1).deepCopy());
        return merged;
    }
}
