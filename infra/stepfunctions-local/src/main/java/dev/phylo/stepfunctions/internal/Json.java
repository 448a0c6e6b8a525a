package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/** Shared Jackson setup and small JSON helpers. JsonNodes handed around are never mutated. */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Numbers compare by value (1 equals 1.0); everything else structurally. */
    private static final Comparator<JsonNode> VALUE_COMPARATOR = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return compareNumbers(a, b);
        }
        return a.equals(b) ? 0 : 1;
    };

    private Json() {}

    public static JsonNode parse(String text) throws JsonProcessingException {
        return MAPPER.readTree(text);
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int utf8Size(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int utf8Size(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    public static boolean sameValue(JsonNode a, JsonNode b) {
        return a.equals(VALUE_COMPARATOR, b);
    }

    public static JsonNode number(long v) {
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }

    public static JsonNode number(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
            return number(s.longValueExact());
        }
        double d = v.doubleValue();
        // beyond a double (found by fuzzing: -1E999 became -Infinity, which no BigDecimal can hold): keep the decimal
        return Double.isFinite(d) ? NODES.numberNode(d) : NODES.numberNode(v);
    }

    /** Whether a number node has a finite value (a double parsed from, say, {@code 1e999} is infinite). */
    public static boolean finite(JsonNode n) {
        return !(n.isDouble() || n.isFloat()) || Double.isFinite(n.doubleValue());
    }

    /** Numbers by value: exactly, or as doubles when one of them is infinite. */
    public static int compareNumbers(JsonNode a, JsonNode b) {
        if (!finite(a) || !finite(b)) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.decimalValue().compareTo(b.decimalValue());
    }

    /** JSON text, cut to {@code max} characters with "..." appended when longer. */
    public static String abbreviate(JsonNode node, int max) {
        String s = write(node);
        return s.length() <= max ? s : s.substring(0, max) + "...";
    }

    /** {"Error": error, "Cause": cause}, the error output of Catch. */
    public static ObjectNode errorOutput(String error, String cause) {
        ObjectNode o = NODES.objectNode();
        o.put("Error", error);
        o.put("Cause", cause);
        return o;
    }

    public static String typeName(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        switch (n.getNodeType()) {
            case OBJECT:
                return "object";
            case ARRAY:
                return "array";
            case STRING:
                return "string";
            case NUMBER:
                return "number";
            case BOOLEAN:
                return "boolean";
            case NULL:
                return "null";
            default:
                return n.getNodeType().name().toLowerCase();
        }
    }
}
