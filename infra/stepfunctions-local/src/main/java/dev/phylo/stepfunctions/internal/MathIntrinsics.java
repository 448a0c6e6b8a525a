package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.IntrinsicArgs.fail;
import static dev.phylo.stepfunctions.internal.IntrinsicArgs.integer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/** The math intrinsic functions: {@code States.MathAdd} and {@code States.MathRandom}. */
final class MathIntrinsics {

    private MathIntrinsics() {}

    /** Both arguments must fit in a 32-bit integer. */
    static JsonNode mathAdd(List<JsonNode> a) {
        long x = integer("MathAdd", a.get(0), 1);
        long y = integer("MathAdd", a.get(1), 2);
        for (long v : new long[] {x, y}) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw fail("MathAdd", "arguments must be between -2147483648 and 2147483647 but one was " + v);
            }
        }
        return Json.number(x + y);
    }

    /** From start (inclusive) to end (exclusive); seeded by the third argument, else by the replayable digest. */
    static JsonNode mathRandom(List<JsonNode> a, Intrinsics.Env env) {
        long start = integer("MathRandom", a.get(0), 1);
        long end = integer("MathRandom", a.get(1), 2);
        if (start >= end) {
            throw fail("MathRandom", "the start (" + start + ") must be less than the end (" + end + ")");
        }
        Random rnd = a.size() == 3
                ? new Random(integer("MathRandom", a.get(2), 3))
                : new Random(ByteBuffer.wrap(env.nextDigest()).getLong());
        long range = end - start;
        long v = range <= Integer.MAX_VALUE ? rnd.nextInt((int) range) : Math.floorMod(rnd.nextLong(), range);
        return Json.number(start + v);
    }
}
