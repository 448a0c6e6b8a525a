package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a definition; every problem is an {@link AslException} naming state and field. This class
 * reads the top level and the branches and checks their transitions; {@link StateParsers} reads the states.
 */
public final class Parser {

    private Parser() {}

    public static Model.Machine parse(String definitionJson) {
        JsonNode root;
        try {
            root = Json.parse(definitionJson);
        } catch (JsonProcessingException e) {
            throw new AslException(
                    "definition: not valid JSON: " + e.getOriginalMessage()
                            + (e.getLocation() != null
                                    ? " at line " + e.getLocation().getLineNr() + ", column "
                                            + e.getLocation().getColumnNr()
                                    : ""),
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new AslException("definition: must be a JSON object");
        }
        String comment = null;
        Integer timeoutSeconds = null;
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String k = e.getKey();
            JsonNode v = e.getValue();
            switch (k) {
                case "StartAt":
                case "States":
                    break;
                case "Comment":
                    if (!v.isTextual()) {
                        throw new AslException("definition: field Comment must be a string");
                    }
                    comment = v.textValue();
                    break;
                case "Version":
                    if (!v.isTextual() || !v.textValue().equals("1.0")) {
                        throw new AslException("definition: field Version must be \"1.0\"");
                    }
                    break;
                case "TimeoutSeconds":
                    if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() <= 0) {
                        throw new AslException("definition: field TimeoutSeconds must be a positive integer");
                    }
                    timeoutSeconds = v.intValue();
                    break;
                case "QueryLanguage":
                    Fields.checkQueryLanguage(v, "definition");
                    break;
                default:
                    if (Fields.UNSUPPORTED.contains(k)) {
                        throw new AslException("definition: field " + k + " is not supported by the local runner");
                    }
                    throw new AslException("definition: field " + k + " is not a valid top-level field");
            }
        }
        Model.Branch top = branch(
                root,
                "definition",
                Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"));
        return new Model.Machine(comment, timeoutSeconds, top);
    }

    /**
     * Parses StartAt and States of the top level, a Parallel branch or a Map's processor, {@code allowed} being the
     * fields valid there, and checks that every state is reachable and every transition stays in the branch.
     */
    static Model.Branch branch(JsonNode node, String where, Set<String> allowed) {
        if (!node.isObject()) {
            throw new AslException(where + ": must be an object with StartAt and States");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!allowed.contains(k)) {
                if (Fields.UNSUPPORTED.contains(k)) {
                    throw new AslException(where + ": field " + k + " is not supported by the local runner");
                }
                throw new AslException(where + ": field " + k + " is not valid here");
            }
        }
        JsonNode startAt = node.get("StartAt");
        if (startAt == null || !startAt.isTextual()) {
            throw new AslException(where + ": field StartAt is required and must be a string");
        }
        JsonNode states = node.get("States");
        if (states == null || !states.isObject() || states.size() == 0) {
            throw new AslException(where + ": field States is required and must be a non-empty object");
        }
        Map<String, Model.State> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = states.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), StateParsers.state(e.getKey(), e.getValue()));
        }
        Model.Branch b = new Model.Branch(startAt.textValue(), map);
        if (!map.containsKey(b.startAt())) {
            throw new AslException(
                    where + ": field StartAt names \"" + b.startAt() + "\", which is not a state of this branch");
        }
        checkTransitions(b);
        return b;
    }

    private static List<String> targets(Model.State s) {
        List<String> t = new ArrayList<>();
        if (s.next() != null) {
            t.add(s.next());
        }
        if (s instanceof Model.ChoiceState c) {
            for (Choice.Rule r : c.choices()) {
                t.add(r.next);
            }
            if (c.defaultNext() != null) {
                t.add(c.defaultNext());
            }
        }
        if (s instanceof Model.ActionState a) {
            for (Model.Catcher c : a.catchers()) {
                t.add(c.next());
            }
        }
        return t;
    }

    private static void checkTransitions(Model.Branch b) {
        for (Model.State s : b.states().values()) {
            for (String t : targets(s)) {
                if (!b.states().containsKey(t)) {
                    throw new AslException("state \"" + s.name() + "\": transition to \"" + t
                            + "\", which is not a state of the same branch");
                }
            }
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(b.startAt());
        while (!todo.isEmpty()) {
            String n = todo.poll();
            if (seen.add(n)) {
                todo.addAll(targets(b.states().get(n)));
            }
        }
        for (String n : b.states().keySet()) {
            if (!seen.contains(n)) {
                throw new AslException("state \"" + n + "\": is not reachable from StartAt \"" + b.startAt() + "\"");
            }
        }
    }
}
