package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Intrinsic functions ({@code States.Format(...)} and friends): the parsed expressions, their entry point and the
 * table of functions. {@link IntrinsicParser} reads the call syntax of the Amazon States Language; the functions are
 * in {@link StringIntrinsics}, {@link JsonIntrinsics}, {@link ArrayIntrinsics}, {@link MathIntrinsics} and
 * {@link EncodingIntrinsics}.
 *
 * <p>Arguments are string literals in single quotes (escapes {@code \'} {@code \{} {@code \}} {@code \\}), numbers,
 * {@code true}/{@code false}/{@code null}, paths ({@code $...} against the input, {@code $$...} against the context
 * object) and nested calls.
 *
 * <p>Replayability: {@code States.UUID()} and {@code States.MathRandom} without a seed draw from SHA-256 of
 * (execution name, the branch/iteration the call runs in, a per-branch call counter); the same execution name and
 * input give the same values on every run.
 */
public final class Intrinsics {

    /** What calls need from the execution. */
    public interface Env {
        /** 32 bytes, deterministic for (execution name, branch, call number). */
        byte[] nextDigest();
    }

    /** A parsed expression. */
    public interface Expr {
        JsonNode eval(JsonNode input, JsonNode context, Env env, Resolver resolver);
    }

    /** Reads a path argument; throws States.Runtime when it selects nothing. */
    public interface Resolver {
        JsonNode resolve(PathExpr path, JsonNode input, JsonNode context);
    }

    /**
     * How deep intrinsic calls may nest, 10 (https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html).
     */
    static final int MAX_NESTING = 10;

    /** The functions and their least and greatest number of arguments. */
    static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("Format", new int[] {1, Integer.MAX_VALUE}),
            Map.entry("StringToJson", new int[] {1, 1}),
            Map.entry("JsonToString", new int[] {1, 1}),
            Map.entry("JsonMerge", new int[] {3, 3}),
            Map.entry("Array", new int[] {0, Integer.MAX_VALUE}),
            Map.entry("ArrayPartition", new int[] {2, 2}),
            Map.entry("ArrayContains", new int[] {2, 2}),
            Map.entry("ArrayRange", new int[] {3, 3}),
            Map.entry("ArrayGetItem", new int[] {2, 2}),
            Map.entry("ArrayLength", new int[] {1, 1}),
            Map.entry("ArrayUnique", new int[] {1, 1}),
            Map.entry("MathAdd", new int[] {2, 2}),
            Map.entry("MathRandom", new int[] {2, 3}),
            Map.entry("StringSplit", new int[] {2, 2}),
            Map.entry("UUID", new int[] {0, 0}),
            Map.entry("Base64Encode", new int[] {1, 1}),
            Map.entry("Base64Decode", new int[] {1, 1}),
            Map.entry("Hash", new int[] {2, 2}));

    private Intrinsics() {}

    public static boolean looksLikeCall(String text) {
        return text.startsWith("States.");
    }

    /**
     * Parses a whole intrinsic call.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static Expr parse(String text) {
        IntrinsicParser p = new IntrinsicParser(text);
        p.skipWs();
        Expr e = p.call(0);
        p.skipWs();
        if (!p.atEnd()) {
            throw new IllegalArgumentException(
                    "unexpected text after the intrinsic function call at position " + p.pos + " in '" + text + "'");
        }
        return e;
    }

    /** Deterministic 32 bytes from the given key (SHA-256). */
    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class Literal implements Expr {
        final JsonNode value;
        final String raw; // raw text of a string literal (escapes kept), null otherwise

        Literal(JsonNode value, String raw) {
            this.value = value;
            this.raw = raw;
        }

        @Override
        public JsonNode eval(JsonNode input, JsonNode context, Env env, Resolver r) {
            return value;
        }
    }

    static final class PathArg implements Expr {
        final PathExpr path;

        PathArg(PathExpr path) {
            this.path = path;
        }

        @Override
        public JsonNode eval(JsonNode input, JsonNode context, Env env, Resolver r) {
            return r.resolve(path, input, context);
        }
    }

    /** A call, with the checks that can be made on literal arguments already made. */
    static final class Call implements Expr {
        final String name;
        final List<Expr> args;
        final List<String> literalTemplate; // States.Format with a literal first argument

        private Call(String name, List<Expr> args, List<String> literalTemplate) {
            this.name = name;
            this.args = args;
            this.literalTemplate = literalTemplate;
        }

        static Call create(String name, List<Expr> args) {
            List<String> template = null;
            if (name.equals("Format") && args.get(0) instanceof Literal l) {
                if (l.raw == null) {
                    throw new IllegalArgumentException("States.Format: the first argument must be a string");
                }
                template = StringIntrinsics.splitTemplate(l.raw, true);
                int n = StringIntrinsics.placeholders(template);
                if (n != args.size() - 1) {
                    throw new IllegalArgumentException("States.Format: the template has " + n
                            + " {} placeholder(s) but " + (args.size() - 1) + " value(s) were given");
                }
            }
            if (name.equals("JsonMerge") && args.get(2) instanceof Literal l) {
                JsonNode deep = l.value;
                if (!deep.isBoolean() || deep.booleanValue()) {
                    throw new IllegalArgumentException(
                            "States.JsonMerge: the third argument must be false (only shallow merge is supported)");
                }
            }
            return new Call(name, List.copyOf(args), template);
        }

        @Override
        public JsonNode eval(JsonNode input, JsonNode context, Env env, Resolver r) {
            List<JsonNode> v = new ArrayList<>(args.size());
            for (Expr a : args) {
                v.add(a.eval(input, context, env, r));
            }
            return apply(v, env);
        }

        private JsonNode apply(List<JsonNode> a, Env env) {
            return switch (name) {
                case "Format" -> StringIntrinsics.format(literalTemplate, a);
                case "StringToJson" -> JsonIntrinsics.stringToJson(a);
                case "JsonToString" -> JsonIntrinsics.jsonToString(a);
                case "JsonMerge" -> JsonIntrinsics.jsonMerge(a);
                case "Array" -> ArrayIntrinsics.arrayOf(a);
                case "ArrayPartition" -> ArrayIntrinsics.arrayPartition(a);
                case "ArrayContains" -> ArrayIntrinsics.arrayContains(a);
                case "ArrayRange" -> ArrayIntrinsics.arrayRange(a);
                case "ArrayGetItem" -> ArrayIntrinsics.arrayGetItem(a);
                case "ArrayLength" -> ArrayIntrinsics.arrayLength(a);
                case "ArrayUnique" -> ArrayIntrinsics.arrayUnique(a);
                case "MathAdd" -> MathIntrinsics.mathAdd(a);
                case "MathRandom" -> MathIntrinsics.mathRandom(a, env);
                case "StringSplit" -> StringIntrinsics.stringSplit(a);
                case "UUID" -> EncodingIntrinsics.uuid(env);
                case "Base64Encode" -> EncodingIntrinsics.base64Encode(a);
                case "Base64Decode" -> EncodingIntrinsics.base64Decode(a);
                case "Hash" -> EncodingIntrinsics.hash(a);
                default -> throw IntrinsicArgs.fail(name, "unknown function");
            };
        }
    }
}
