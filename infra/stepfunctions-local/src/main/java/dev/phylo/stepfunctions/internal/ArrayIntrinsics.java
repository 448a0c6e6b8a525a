package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.IntrinsicArgs.array;
import static dev.phylo.stepfunctions.internal.IntrinsicArgs.fail;
import static dev.phylo.stepfunctions.internal.IntrinsicArgs.integer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;

/**
 * The array intrinsic functions: {@code States.Array}, {@code States.ArrayPartition}, {@code States.ArrayContains},
 * {@code States.ArrayRange}, {@code States.ArrayGetItem}, {@code States.ArrayLength} and {@code States.ArrayUnique}.
 * Elements compare by value (1 equals 1.0).
 */
final class ArrayIntrinsics {

    /**
     * The most elements States.ArrayRange may produce
     * (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
     */
    private static final int MAX_RANGE = 1000;

    private ArrayIntrinsics() {}

    /** States.Array: its arguments as an array. */
    static JsonNode arrayOf(List<JsonNode> a) {
        ArrayNode out = Json.NODES.arrayNode();
        a.forEach(out::add);
        return out;
    }

    static JsonNode arrayPartition(List<JsonNode> a) {
        ArrayNode in = array("ArrayPartition", a.get(0), 1);
        long size = integer("ArrayPartition", a.get(1), 2);
        if (size <= 0) {
            throw fail("ArrayPartition", "the chunk size must be a positive integer but was " + a.get(1));
        }
        ArrayNode out = Json.NODES.arrayNode();
        ArrayNode chunk = null;
        for (int i = 0; i < in.size(); i++) {
            if (i % size == 0) {
                chunk = out.addArray();
            }
            chunk.add(in.get(i));
        }
        return out;
    }

    static JsonNode arrayContains(List<JsonNode> a) {
        ArrayNode in = array("ArrayContains", a.get(0), 1);
        for (JsonNode e : in) {
            if (Json.sameValue(e, a.get(1))) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    /** From start to end, both inclusive, by a non-zero step. */
    static JsonNode arrayRange(List<JsonNode> a) {
        long start = integer("ArrayRange", a.get(0), 1);
        long end = integer("ArrayRange", a.get(1), 2);
        long step = integer("ArrayRange", a.get(2), 3);
        if (step == 0) {
            throw fail("ArrayRange", "the step must not be 0");
        }
        ArrayNode out = Json.NODES.arrayNode();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (out.size() == MAX_RANGE) {
                throw fail("ArrayRange", "the range has more than " + MAX_RANGE + " elements");
            }
            out.add(Json.number(v));
        }
        return out;
    }

    static JsonNode arrayGetItem(List<JsonNode> a) {
        ArrayNode in = array("ArrayGetItem", a.get(0), 1);
        long idx = integer("ArrayGetItem", a.get(1), 2);
        if (idx < 0 || idx >= in.size()) {
            throw fail("ArrayGetItem", "index " + idx + " is out of bounds for an array of length " + in.size());
        }
        return in.get((int) idx);
    }

    static JsonNode arrayLength(List<JsonNode> a) {
        return Json.number(array("ArrayLength", a.get(0), 1).size());
    }

    /** The first occurrence of each value, in order. */
    static JsonNode arrayUnique(List<JsonNode> a) {
        ArrayNode in = array("ArrayUnique", a.get(0), 1);
        ArrayNode out = Json.NODES.arrayNode();
        for (JsonNode e : in) {
            boolean seen = false;
            for (JsonNode o : out) {
                if (Json.sameValue(o, e)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                out.add(e);
            }
        }
        return out;
    }
}
