package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.Fields.err;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses one state: checks its Type and which fields it may have, reads the fields every state has (InputPath,
 * OutputPath, Next, End), and reads Pass, Choice, Wait, Succeed and Fail states. Task, Parallel and Map are read by
 * {@link TaskParsers} and {@link FanOutParsers}.
 */
final class StateParsers {

    private static final Map<String, Set<String>> FIELDS = new LinkedHashMap<>();

    static {
        Set<String> io = Set.of("InputPath", "OutputPath");
        Set<String> flow = Set.of("Next", "End");
        Set<String> action = Set.of("ResultPath", "Parameters", "ResultSelector", "Retry", "Catch");
        FIELDS.put("Pass", union(io, flow, Set.of("ResultPath", "Parameters", "Result")));
        FIELDS.put("Task", union(io, flow, action, Set.of("Resource", "TimeoutSeconds", "TimeoutSecondsPath")));
        FIELDS.put("Choice", union(io, Set.of("Choices", "Default")));
        FIELDS.put("Wait", union(io, flow, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")));
        FIELDS.put("Succeed", io);
        FIELDS.put("Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"));
        FIELDS.put("Parallel", union(io, flow, action, Set.of("Branches")));
        FIELDS.put(
                "Map",
                union(
                        io,
                        flow,
                        action,
                        Set.of(
                                "Iterator",
                                "ItemProcessor",
                                "ItemSelector",
                                "ItemsPath",
                                "MaxConcurrency",
                                "MaxConcurrencyPath",
                                "ItemBatcher",
                                "ToleratedFailurePercentage",
                                "ToleratedFailurePercentagePath",
                                "ToleratedFailureCount",
                                "ToleratedFailureCountPath",
                                "Label",
                                "ItemReader",
                                "ResultWriter")));
    }

    private StateParsers() {}

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }

    static Model.State state(String name, JsonNode node) {
        if (name.isEmpty() || name.length() > 80) {
            throw new AslException("state \"" + name + "\": state names must be 1 to 80 characters long");
        }
        if (!node.isObject()) {
            throw new AslException("state \"" + name + "\": must be an object");
        }
        JsonNode typeNode = node.get("Type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw err(name, "Type", "is required and must be a string");
        }
        String type = typeNode.textValue();
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw err(name, "Type", "has an unknown value \"" + type + "\"");
        }
        checkFields(name, type, node, allowed);
        Function<Model.Common, Model.State> body = switch (type) {
            case "Pass" -> pass(name, node);
            case "Task" -> TaskParsers.task(name, node);
            case "Choice" -> choice(name, node);
            case "Wait" -> waitState(name, node);
            case "Succeed" -> Model.SucceedState::new;
            case "Fail" -> fail(name, node);
            case "Parallel" -> FanOutParsers.parallel(name, node);
            default -> FanOutParsers.map(name, node);
        };
        return body.apply(common(name, type, node));
    }

    private static void checkFields(String name, String type, JsonNode node, Set<String> allowed) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            if (k.equals("Type")) {
                continue;
            }
            if (k.equals("Comment")) {
                if (!e.getValue().isTextual()) {
                    throw err(name, "Comment", "must be a string");
                }
                continue;
            }
            if (k.equals("QueryLanguage")) {
                Fields.checkQueryLanguage(e.getValue(), "state \"" + name + "\"");
                continue;
            }
            if (Fields.UNSUPPORTED.contains(k)) {
                throw new AslException("state \"" + name + "\": field " + k + " is not supported by the local runner");
            }
            if (!allowed.contains(k)) {
                throw new AslException("state \"" + name + "\": field " + k + " is not valid in a " + type + " state");
            }
        }
    }

    /** InputPath, OutputPath, then Next and End (which Choice, Succeed and Fail do not have). */
    private static Model.Common common(String name, String type, JsonNode node) {
        PathExpr inputPath =
                node.has("InputPath") ? Fields.ioPath(name, "InputPath", node.get("InputPath")) : PathExpr.ROOT;
        PathExpr outputPath =
                node.has("OutputPath") ? Fields.ioPath(name, "OutputPath", node.get("OutputPath")) : PathExpr.ROOT;
        if (type.equals("Choice") || type.equals("Succeed") || type.equals("Fail")) {
            return new Model.Common(name, type, null, false, inputPath, outputPath);
        }
        JsonNode next = node.get("Next");
        JsonNode end = node.get("End");
        if (end != null && (!end.isBoolean() || !end.booleanValue())) {
            throw err(name, "End", "must be true when present");
        }
        if (next != null && !next.isTextual()) {
            throw err(name, "Next", "must be a string");
        }
        if (next != null && end != null) {
            throw err(name, "Next", "and End must not both be present");
        }
        if (next == null && end == null) {
            throw err(name, "Next", "or End is required");
        }
        return new Model.Common(name, type, next == null ? null : next.textValue(), end != null, inputPath, outputPath);
    }

    private static Function<Model.Common, Model.State> pass(String name, JsonNode node) {
        Template parameters = Fields.template(name, "Parameters", node.get("Parameters"));
        JsonNode result = node.get("Result");
        ResultPath resultPath = Fields.resultPath(name, "ResultPath", node.get("ResultPath"));
        return common -> new Model.PassState(common, parameters, result, resultPath);
    }

    private static Function<Model.Common, Model.State> choice(String name, JsonNode node) {
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.size() == 0) {
            throw err(name, "Choices", "is required and must be a non-empty array");
        }
        List<Choice.Rule> rules = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            rules.add(Choice.parseRule(choices.get(i), name, true, "Choices[" + i + "]"));
        }
        JsonNode defaultNode = node.get("Default");
        if (defaultNode != null && !defaultNode.isTextual()) {
            throw err(name, "Default", "must be a string");
        }
        String defaultNext = defaultNode == null ? null : defaultNode.textValue();
        return common -> new Model.ChoiceState(common, rules, defaultNext);
    }

    private static Function<Model.Common, Model.State> waitState(String name, JsonNode node) {
        int n = 0;
        for (String f : new String[] {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"}) {
            if (node.has(f)) {
                n++;
            }
        }
        if (n != 1) {
            throw err(name, "Seconds", "(or Timestamp, SecondsPath, TimestampPath): exactly one is required");
        }
        if (node.has("Seconds")) {
            long seconds = Fields.intField(name, "Seconds", node.get("Seconds"), 0, 99_999_999);
            return common -> new Model.WaitState(common, seconds, null, null, null);
        }
        if (node.has("Timestamp")) {
            JsonNode t = node.get("Timestamp");
            Instant timestamp = t.isTextual() ? Choice.timestamp(t.textValue()) : null;
            if (timestamp == null) {
                throw err(name, "Timestamp", "must be an RFC 3339 timestamp such as 2024-01-31T12:00:00Z");
            }
            return common -> new Model.WaitState(common, null, null, timestamp, null);
        }
        if (node.has("SecondsPath")) {
            PathExpr secondsPath = Fields.refPath(name, "SecondsPath", node.get("SecondsPath"));
            return common -> new Model.WaitState(common, null, secondsPath, null, null);
        }
        PathExpr timestampPath = Fields.refPath(name, "TimestampPath", node.get("TimestampPath"));
        return common -> new Model.WaitState(common, null, null, null, timestampPath);
    }

    private static Function<Model.Common, Model.State> fail(String name, JsonNode node) {
        Fields.exclusive(name, node, "Error", "ErrorPath");
        Fields.exclusive(name, node, "Cause", "CausePath");
        for (String f : new String[] {"Error", "Cause", "ErrorPath", "CausePath"}) {
            if (node.has(f) && !node.get(f).isTextual()) {
                throw err(name, f, "must be a string");
            }
        }
        String error = node.has("Error") ? node.get("Error").textValue() : null;
        String cause = node.has("Cause") ? node.get("Cause").textValue() : null;
        Template errorPath = node.has("ErrorPath")
                ? Template.dynamic(node.get("ErrorPath").textValue(), name, "ErrorPath", true)
                : null;
        Template causePath = node.has("CausePath")
                ? Template.dynamic(node.get("CausePath").textValue(), name, "CausePath", true)
                : null;
        return common -> new Model.FailState(common, error, cause, errorPath, causePath);
    }
}
