package dev.phylo.engine.strategy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes the JSON form of a {@link StrategySpec}.
 *
 * <pre>{@code
 * {
 *   "version": 1,
 *   "name": "SMA(10)/SMA(30) stop and reverse",
 *   "direction": "both",
 *   "long":  {"entry": "sma(10) crosses above sma(30)"},
 *   "short": {"entry": "sma(10) crosses below sma(30)", "reverseOnly": false},
 *   "risk":  {"stopLoss": {"percent": 2}, "takeProfit": {"atr": 14, "multiple": 3},
 *             "trailingStop": {"percent": 5}, "maxBarsInTrade": 50},
 *   "sizing": {"fractionOfEquity": 1.0}
 * }
 * }</pre>
 *
 * Rules are condition strings or {@code {"all": [...]}} / {@code {"any": [...]}} groups. Unknown keys are errors, so a
 * typo never silently changes a strategy. {@link #toJson} writes the canonical form: fixed key order, canonical
 * condition text, defaults spelled out; equal strategies give equal bytes.
 */
public final class StrategySpecs {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP_KEYS =
            Set.of("version", "name", "direction", "long", "short", "risk", "sizing");
    private static final Set<String> SIDE_KEYS = Set.of("entry", "exit", "reverseOnly");
    private static final Set<String> RISK_KEYS = Set.of("stopLoss", "takeProfit", "trailingStop", "maxBarsInTrade");

    private StrategySpecs() {}

    public static StrategySpec read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read strategy spec " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    public static StrategySpec parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "strategy spec is not valid JSON: " + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr(),
                    e);
        }
        return fromTree(root);
    }

    public static StrategySpec fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("strategy spec must be a JSON object");
        }
        checkKeys(root, TOP_KEYS, "$");
        if (!root.has("version")) {
            throw new IllegalArgumentException(
                    "$.version is missing; this engine reads version " + StrategySpec.VERSION);
        }
        int version = intField(root, "version", "$");
        String name = root.hasNonNull("name") ? root.get("name").asText() : "";
        Direction direction = direction(root.get("direction"));
        SideRules longRules = side(root.get("long"), "$.long");
        SideRules shortRules = side(root.get("short"), "$.short");
        JsonNode risk = root.get("risk");
        Stop stopLoss = null;
        Stop takeProfit = null;
        Stop trailing = null;
        int maxBars = 0;
        if (risk != null && !risk.isNull()) {
            checkKeys(risk, RISK_KEYS, "$.risk");
            stopLoss = stop(risk.get("stopLoss"), "$.risk.stopLoss");
            takeProfit = stop(risk.get("takeProfit"), "$.risk.takeProfit");
            trailing = stop(risk.get("trailingStop"), "$.risk.trailingStop");
            maxBars = risk.has("maxBarsInTrade") ? intField(risk, "maxBarsInTrade", "$.risk") : 0;
        }
        Sizing sizing = sizing(root.get("sizing"));
        return new StrategySpec(
                version, name, direction, longRules, shortRules, stopLoss, takeProfit, trailing, maxBars, sizing);
    }

    private static Direction direction(JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException("$.direction must be \"long\", \"short\" or \"both\"");
        }
        try {
            return Direction.of(node.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("$." + e.getMessage(), e);
        }
    }

    private static SideRules side(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be an object with \"entry\" and optional \"exit\"");
        }
        checkKeys(node, SIDE_KEYS, path);
        if (!node.hasNonNull("entry")) {
            throw new IllegalArgumentException(path + ".entry is missing");
        }
        Rule exit = node.hasNonNull("exit") ? rule(node.get("exit"), path + ".exit", 1) : null;
        boolean reverseOnly = false;
        if (node.has("reverseOnly")) {
            if (!node.get("reverseOnly").isBoolean()) {
                throw new IllegalArgumentException(path + ".reverseOnly must be true or false");
            }
            reverseOnly = node.get("reverseOnly").asBoolean();
        }
        return new SideRules(rule(node.get("entry"), path + ".entry", 1), exit, reverseOnly);
    }

    private static Rule rule(JsonNode node, String path, int depth) {
        if (depth > Rule.MAX_DEPTH) {
            throw new IllegalArgumentException(path + ": rules nest deeper than " + Rule.MAX_DEPTH);
        }
        if (node.isTextual()) {
            try {
                return Conditions.parse(node.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
        }
        if (node.isObject() && node.size() == 1 && (node.has("all") || node.has("any"))) {
            boolean all = node.has("all");
            JsonNode list = node.get(all ? "all" : "any");
            String listPath = path + (all ? ".all" : ".any");
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(listPath + " must be a non-empty array of rules");
            }
            List<Rule> rules = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                rules.add(rule(list.get(i), listPath + "[" + i + "]", depth + 1));
            }
            return all ? new Rule.All(rules) : new Rule.Any(rules);
        }
        throw new IllegalArgumentException(path + " must be a condition string such as \"rsi(14) < 30\" "
                + "or an object {\"all\": [...]} / {\"any\": [...]}");
    }

    private static Stop stop(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isObject() && node.size() == 1 && node.has("percent")) {
                return Stop.percent(number(node, "percent", path));
            }
            if (node.isObject() && node.size() == 2 && node.has("atr") && node.has("multiple")) {
                return Stop.atr(intField(node, "atr", path), number(node, "multiple", path));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(path + " must be {\"percent\": P} or {\"atr\": PERIOD, \"multiple\": K}");
    }

    private static Sizing sizing(JsonNode node) {
        if (node == null || node.isNull()) {
            return Sizing.ALL_IN;
        }
        try {
            if (node.isObject() && node.size() == 1 && node.has("fractionOfEquity")) {
                return Sizing.fraction(number(node, "fractionOfEquity", "$.sizing"));
            }
            if (node.isObject() && node.size() == 1 && node.has("units")) {
                return Sizing.units(number(node, "units", "$.sizing"));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("$.sizing: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("$.sizing must be {\"fractionOfEquity\": F} or {\"units\": U}");
    }

    private static double number(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException(path + "." + field + " must be a number");
        }
        return n.asDouble();
    }

    private static int intField(JsonNode parent, String field, String path) {
        JsonNode n = parent.get(field);
        if (n == null || !n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException(path + "." + field + " must be a whole number");
        }
        return n.asInt();
    }

    private static void checkKeys(JsonNode node, Set<String> allowed, String path) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("%s: unknown key \"%s\"; allowed: %s"
                        .formatted(path, key, allowed.stream().sorted().toList()));
            }
        }
    }

    /** The canonical JSON tree of a spec. */
    public static ObjectNode toTree(StrategySpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", spec.version());
        root.put("name", spec.name());
        root.put("direction", spec.direction().id());
        if (spec.longRules() != null) {
            root.set("long", sideTree(spec.longRules()));
        }
        if (spec.shortRules() != null) {
            root.set("short", sideTree(spec.shortRules()));
        }
        ObjectNode risk = MAPPER.createObjectNode();
        putStop(risk, "stopLoss", spec.stopLoss());
        putStop(risk, "takeProfit", spec.takeProfit());
        putStop(risk, "trailingStop", spec.trailingStop());
        risk.put("maxBarsInTrade", spec.maxBarsInTrade());
        root.set("risk", risk);
        ObjectNode sizing = MAPPER.createObjectNode();
        if (spec.sizing().fractionOfEquity() > 0) {
            sizing.put("fractionOfEquity", spec.sizing().fractionOfEquity());
        } else {
            sizing.put("units", spec.sizing().units());
        }
        root.set("sizing", sizing);
        return root;
    }

    /** Canonical, compact JSON text. */
    public static String toJson(StrategySpec spec) {
        return toTree(spec).toString();
    }

    /**
     * The strategy's identity: the first 128 bits of SHA-256 over its canonical JSON, as 32 lower-case hex digits.
     * Equal specs get equal ids on every machine; the database and the run files key strategies by it.
     */
    public static String id(StrategySpec spec) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(toJson(spec).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Canonical JSON, indented for people. */
    public static String toPrettyJson(StrategySpec spec) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a JSON tree we built", e);
        }
    }

    private static ObjectNode sideTree(SideRules side) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("entry", ruleTree(side.entry()));
        if (side.exit() != null) {
            node.set("exit", ruleTree(side.exit()));
        }
        if (side.reverseOnly()) {
            node.put("reverseOnly", true);
        }
        return node;
    }

    private static JsonNode ruleTree(Rule rule) {
        if (rule instanceof Rule.All a) {
            return group("all", a.rules());
        }
        if (rule instanceof Rule.Any a) {
            return group("any", a.rules());
        }
        return MAPPER.getNodeFactory().textNode(rule.toString());
    }

    private static ObjectNode group(String key, List<Rule> rules) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode list = node.putArray(key);
        rules.forEach(r -> list.add(ruleTree(r)));
        return node;
    }

    private static void putStop(ObjectNode risk, String key, Stop stop) {
        if (stop == null) {
            return;
        }
        ObjectNode node = risk.putObject(key);
        if (stop.kind() == Stop.Kind.PERCENT) {
            node.put("percent", stop.value());
        } else {
            node.put("atr", stop.atrPeriod());
            node.put("multiple", stop.value());
        }
    }
}
