package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Checks on the argument values of intrinsic functions; a wrong one is {@code States.IntrinsicFailure}. */
final class IntrinsicArgs {

    private IntrinsicArgs() {}

    /** The failure of function {@code States.<fn>}. */
    static StatesError fail(String fn, String message) {
        return StatesError.intrinsic("States." + fn + ": " + message);
    }

    static ArrayNode array(String fn, JsonNode v, int argNo) {
        if (!v.isArray()) {
            throw fail(fn, "argument " + argNo + " must be an array but was " + Json.typeName(v));
        }
        return (ArrayNode) v;
    }

    static String string(String fn, JsonNode v, int argNo) {
        if (!v.isTextual()) {
            throw fail(fn, "argument " + argNo + " must be a string but was " + Json.typeName(v));
        }
        return v.textValue();
    }

    /** Numbers are rounded to the nearest integer, as Step Functions does. */
    static long integer(String fn, JsonNode v, int argNo) {
        if (!v.isNumber()) {
            throw fail(fn, "argument " + argNo + " must be a number but was " + Json.typeName(v));
        }
        // bounds first: rounding 1E999999999 to an integer would build a billion digits (and an infinite double has no
        // decimal value at all)
        if (!Json.finite(v)
                || v.decimalValue().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                || v.decimalValue().compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            throw fail(fn, "argument " + argNo + " is out of range");
        }
        try {
            return v.decimalValue().setScale(0, RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw fail(fn, "argument " + argNo + " is out of range");
        }
    }

    /**
     * The text of an argument that must be at most 10,000 characters long (States.Base64Encode, States.Base64Decode,
     * States.Hash: https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
     */
    static String limitedText(String fn, String text) {
        if (text.length() > 10_000) {
            throw fail(fn, "the input is longer than 10000 characters");
        }
        return text;
    }
}
