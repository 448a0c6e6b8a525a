package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Intrinsic functions ({@code States.Format(...)} and friends): a parser for the call syntax of the
 * Amazon States Language and the functions themselves.
 *
 * <p>Arguments are string literals in single quotes (escapes {@code \'} {@code \{} {@code \}}
 * {@code \\}), numbers, {@code true}/{@code false}/{@code null}, paths ({@code $...} against the
 * input, {@code $$...} against the context object) and nested calls.
 *
 * <p>Replayability: {@code States.UUID()} and {@code States.MathRandom} without a seed draw from
 * SHA-256 of (execution name, the branch/iteration the call runs in, a per-branch call counter);
 * the same execution name and input give the same values on every run.
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

  static final int MAX_NESTING = 10;

  static final Map<String, int[]> ARITY =
      Map.ofEntries(
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

  // ---------------------------------------------------------------------------- expressions

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

  /** One piece of a States.Format template: literal text, or a {} placeholder (text == null). */
  static List<String> splitTemplate(String text, boolean escapes) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (escapes && c == '\\' && i + 1 < text.length()) {
        cur.append(text.charAt(++i));
      } else if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
        parts.add(cur.toString());
        parts.add(null);
        cur.setLength(0);
        i++;
      } else if (escapes && (c == '{' || c == '}')) {
        throw new IllegalArgumentException(
            "States.Format: unescaped '" + c + "' in the template '" + text + "' (write \\" + c + ")");
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts;
  }

  static int placeholders(List<String> parts) {
    int n = 0;
    for (String p : parts) {
      if (p == null) {
        n++;
      }
    }
    return n;
  }

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
      if (name.equals("Format") && args.get(0) instanceof Literal) {
        Literal l = (Literal) args.get(0);
        if (l.raw == null) {
          throw new IllegalArgumentException("States.Format: the first argument must be a string");
        }
        template = splitTemplate(l.raw, true);
        int n = placeholders(template);
        if (n != args.size() - 1) {
          throw new IllegalArgumentException(
              "States.Format: the template has " + n + " {} placeholder(s) but " + (args.size() - 1)
                  + " value(s) were given");
        }
      }
      if (name.equals("JsonMerge") && args.get(2) instanceof Literal) {
        JsonNode deep = ((Literal) args.get(2)).value;
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
      return apply(this, v, env);
    }
  }

  // ------------------------------------------------------------------------------ functions

  private static StatesError fail(String fn, String message) {
    return StatesError.intrinsic("States." + fn + ": " + message);
  }

  private static ArrayNode array(String fn, JsonNode v, int argNo) {
    if (!v.isArray()) {
      throw fail(fn, "argument " + argNo + " must be an array but was " + Json.typeName(v));
    }
    return (ArrayNode) v;
  }

  private static String string(String fn, JsonNode v, int argNo) {
    if (!v.isTextual()) {
      throw fail(fn, "argument " + argNo + " must be a string but was " + Json.typeName(v));
    }
    return v.textValue();
  }

  /** Numbers are rounded to the nearest integer, as Step Functions does. */
  private static long integer(String fn, JsonNode v, int argNo) {
    if (!v.isNumber()) {
      throw fail(fn, "argument " + argNo + " must be a number but was " + Json.typeName(v));
    }
    BigDecimal d = v.decimalValue().setScale(0, RoundingMode.HALF_UP);
    if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
      throw fail(fn, "argument " + argNo + " is out of range");
    }
    return d.longValue();
  }

  private static JsonNode apply(Call call, List<JsonNode> a, Env env) {
    String fn = call.name;
    switch (fn) {
      case "Format":
        return format(call, a);
      case "StringToJson":
        {
          String text = string(fn, a.get(0), 1);
          try {
            JsonNode parsed = Json.parse(text);
            if (parsed == null || parsed.isMissingNode()) {
              throw fail(fn, "the string is empty");
            }
            return parsed;
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw fail(fn, "the string is not valid JSON: " + e.getOriginalMessage());
          }
        }
      case "JsonToString":
        return Json.NODES.textNode(Json.write(a.get(0)));
      case "JsonMerge":
        {
          if (!a.get(0).isObject() || !a.get(1).isObject()) {
            throw fail(fn, "the first two arguments must be objects");
          }
          if (!a.get(2).isBoolean() || a.get(2).booleanValue()) {
            throw fail(fn, "the third argument must be false (only shallow merge is supported)");
          }
          ObjectNode merged = ((ObjectNode) a.get(0)).deepCopy();
          merged.setAll((ObjectNode) a.get(1).deepCopy());
          return merged;
        }
      case "Array":
        {
          ArrayNode out = Json.NODES.arrayNode();
          a.forEach(out::add);
          return out;
        }
      case "ArrayPartition":
        {
          ArrayNode in = array(fn, a.get(0), 1);
          long size = integer(fn, a.get(1), 2);
          if (size <= 0) {
            throw fail(fn, "the chunk size must be a positive integer but was " + a.get(1));
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
      case "ArrayContains":
        {
          ArrayNode in = array(fn, a.get(0), 1);
          for (JsonNode e : in) {
            if (Json.sameValue(e, a.get(1))) {
              return Json.NODES.booleanNode(true);
            }
          }
          return Json.NODES.booleanNode(false);
        }
      case "ArrayRange":
        {
          long start = integer(fn, a.get(0), 1);
          long end = integer(fn, a.get(1), 2);
          long step = integer(fn, a.get(2), 3);
          if (step == 0) {
            throw fail(fn, "the step must not be 0");
          }
          ArrayNode out = Json.NODES.arrayNode();
          for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            if (out.size() == 1000) {
              throw fail(fn, "the range has more than 1000 elements");
            }
            out.add(Json.number(v));
          }
          return out;
        }
      case "ArrayGetItem":
        {
          ArrayNode in = array(fn, a.get(0), 1);
          long idx = integer(fn, a.get(1), 2);
          if (idx < 0 || idx >= in.size()) {
            throw fail(fn, "index " + idx + " is out of bounds for an array of length " + in.size());
          }
          return in.get((int) idx);
        }
      case "ArrayLength":
        return Json.number(array(fn, a.get(0), 1).size());
      case "ArrayUnique":
        {
          ArrayNode in = array(fn, a.get(0), 1);
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
      case "MathAdd":
        {
          long x = integer(fn, a.get(0), 1);
          long y = integer(fn, a.get(1), 2);
          for (long v : new long[] {x, y}) {
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
              throw fail(fn, "arguments must be between -2147483648 and 2147483647 but one was " + v);
            }
          }
          return Json.number(x + y);
        }
      case "MathRandom":
        {
          long start = integer(fn, a.get(0), 1);
          long end = integer(fn, a.get(1), 2);
          if (start >= end) {
            throw fail(fn, "the start (" + start + ") must be less than the end (" + end + ")");
          }
          Random rnd =
              a.size() == 3 ? new Random(integer(fn, a.get(2), 3)) : new Random(ByteBuffer.wrap(env.nextDigest()).getLong());
          long range = end - start;
          long v = range <= Integer.MAX_VALUE ? rnd.nextInt((int) range) : Math.floorMod(rnd.nextLong(), range);
          return Json.number(start + v);
        }
      case "StringSplit":
        {
          String text = string(fn, a.get(0), 1);
          String delimiters = string(fn, a.get(1), 2);
          ArrayNode out = Json.NODES.arrayNode();
          StringBuilder cur = new StringBuilder();
          for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (delimiters.indexOf(c) >= 0) {
              if (cur.length() > 0) {
                out.add(cur.toString());
                cur.setLength(0);
              }
            } else {
              cur.append(c);
            }
          }
          if (cur.length() > 0) {
            out.add(cur.toString());
          }
          return out;
        }
      case "UUID":
        {
          ByteBuffer b = ByteBuffer.wrap(env.nextDigest());
          long hi = b.getLong();
          long lo = b.getLong();
          hi = (hi & ~0xF000L) | 0x4000L; // version 4
          lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
          return Json.NODES.textNode(new UUID(hi, lo).toString());
        }
      case "Base64Encode":
        {
          String text = string(fn, a.get(0), 1);
          if (text.length() > 10_000) {
            throw fail(fn, "the input is longer than 10000 characters");
          }
          return Json.NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        }
      case "Base64Decode":
        {
          String text = string(fn, a.get(0), 1);
          if (text.length() > 10_000) {
            throw fail(fn, "the input is longer than 10000 characters");
          }
          try {
            return Json.NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
          } catch (IllegalArgumentException e) {
            throw fail(fn, "the input is not valid Base64: " + e.getMessage());
          }
        }
      case "Hash":
        {
          JsonNode data = a.get(0);
          String text = data.isTextual() ? data.textValue() : Json.write(data);
          if (text.length() > 10_000) {
            throw fail(fn, "the input is longer than 10000 characters");
          }
          String alg = string(fn, a.get(1), 2);
          if (!List.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512").contains(alg)) {
            throw fail(fn, "unsupported algorithm '" + alg + "' (use MD5, SHA-1, SHA-256, SHA-384 or SHA-512)");
          }
          try {
            byte[] h = MessageDigest.getInstance(alg).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.NODES.textNode(HexFormat.of().formatHex(h));
          } catch (NoSuchAlgorithmException e) {
            throw fail(fn, "algorithm " + alg + " is not available");
          }
        }
      default:
        throw fail(fn, "unknown function");
    }
  }

  private static JsonNode format(Call call, List<JsonNode> a) {
    List<String> parts;
    if (call.literalTemplate != null) {
      parts = call.literalTemplate;
    } else {
      parts = splitTemplate(string("Format", a.get(0), 1), false);
      if (placeholders(parts) != a.size() - 1) {
        throw fail(
            "Format",
            "the template has " + placeholders(parts) + " {} placeholder(s) but " + (a.size() - 1)
                + " value(s) were given");
      }
    }
    StringBuilder out = new StringBuilder();
    int next = 1;
    for (String p : parts) {
      if (p != null) {
        out.append(p);
      } else {
        JsonNode v = a.get(next++);
        out.append(v.isTextual() ? v.textValue() : Json.write(v));
      }
    }
    return Json.NODES.textNode(out.toString());
  }

  /** Deterministic 32 bytes from the given key (SHA-256). */
  public static byte[] digest(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
