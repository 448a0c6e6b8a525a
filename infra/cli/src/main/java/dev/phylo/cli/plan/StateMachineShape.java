package dev.phylo.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The states a successful run passes through, read from the state machine file: the states before the first
 * generation, the loop around the Distributed Map (the part up to its Choice runs every generation, the part after it
 * between generations), and the states after the last generation. Step Functions bills a STANDARD execution one
 * transition per state entered, and a Distributed Map one more per child execution it starts
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-transitions.html). Retries and the failure path are
 * not counted: a plan prices a run that succeeds the first time.
 *
 * @param prefix             states before the Distributed Map, in order
 * @param everyGeneration    the Map and the states after it up to and including the loop's Choice
 * @param betweenGenerations the states from the Choice back to the Map (not run after the last generation)
 * @param exit               the states from the Choice's way out to the end
 * @param functions          each Task state's function, as the {@code ${…}} name its FunctionName substitutes
 * @param childFunctions     the functions each EXPRESS child execution invokes
 */
public record StateMachineShape(
        Path file,
        List<String> prefix,
        List<String> everyGeneration,
        List<String> betweenGenerations,
        List<String> exit,
        Map<String, String> functions,
        List<String> childFunctions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public StateMachineShape {
        prefix = List.copyOf(prefix);
        everyGeneration = List.copyOf(everyGeneration);
        betweenGenerations = List.copyOf(betweenGenerations);
        exit = List.copyOf(exit);
        functions = Map.copyOf(functions);
        childFunctions = List.copyOf(childFunctions);
    }

    /** Reads {@code file}; fails naming the file and the state when the shape is not the one a plan can count. */
    public static StateMachineShape read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the state machine " + file + ": " + e.getMessage(), e);
        }
        JsonNode states = root.path("States");
        String start = root.path("StartAt").asText("");
        List<String> prefix = new ArrayList<>();
        String at = start;
        while (!isDistributedMap(state(file, states, at))) {
            JsonNode s = state(file, states, at);
            // a Choice before the generations (walk forward?) is followed by its Default: an ordinary run's path;
            // a walk-forward parent costs what its folds, ordinary runs each, cost
            String next = s.path("Type").asText().equals("Choice")
                    ? s.path("Default").asText(null)
                    : s.path("Next").asText(null);
            if (next == null || prefix.size() > states.size()) {
                throw new IllegalArgumentException(file + ": no Distributed Map on the way from StartAt (" + start
                        + "): state '" + at + "' is a " + s.path("Type").asText() + " without a single Next"
                        + " (or a Choice without a Default)");
            }
            prefix.add(at);
            at = next;
        }
        String map = at;
        JsonNode mapState = states.get(map);
        String mode = mapState.path("ItemProcessor")
                .path("ProcessorConfig")
                .path("ExecutionType")
                .asText();
        if (!mode.equals("EXPRESS")) {
            throw new IllegalArgumentException(file + ": the Distributed Map '" + map + "' runs " + mode
                    + " children; a plan prices EXPRESS ones");
        }
        List<String> every = new ArrayList<>(List.of(map));
        String choice = null;
        at = mapState.path("Next").asText(null);
        while (choice == null) {
            JsonNode s = state(file, states, at);
            every.add(at);
            if (s.path("Type").asText().equals("Choice")) {
                choice = at;
            } else if (!s.has("Next") || every.size() > states.size()) {
                throw new IllegalArgumentException(file + ": the states after '" + map + "' end at '" + at
                        + "' without a Choice that loops back to it");
            }
            at = s.path("Next").asText(null);
        }
        List<String> ways = new ArrayList<>();
        states.get(choice).path("Choices").forEach(c -> ways.add(c.path("Next").asText()));
        ways.add(states.get(choice).path("Default").asText());
        List<String> between = null;
        String out = null;
        for (String way : ways) {
            List<String> path = pathTo(states, way, map);
            if (path != null && between == null) {
                between = path;
            } else if (path == null && out == null) {
                out = way;
            }
        }
        if (between == null || out == null) {
            throw new IllegalArgumentException(file + ": the Choice '" + choice + "' needs one way back to '" + map
                    + "' and one way out; it goes to " + ways);
        }
        List<String> exit = new ArrayList<>();
        for (at = out; at != null; ) {
            JsonNode s = state(file, states, at);
            exit.add(at);
            if (exit.size() > states.size()) {
                throw new IllegalArgumentException(file + ": the states after '" + choice + "' never end");
            }
            at = s.path("Next").asText(null);
        }
        Map<String, String> functions = new LinkedHashMap<>();
        states.fields().forEachRemaining(e -> function(e.getValue()).ifPresent(f -> functions.put(e.getKey(), f)));
        List<String> children = new ArrayList<>();
        mapState.path("ItemProcessor").path("States").forEach(s -> function(s).ifPresent(children::add));
        return new StateMachineShape(file, prefix, every, between, exit, functions, children);
    }

    /** STANDARD transitions of a run of {@code generations} that starts {@code children} EXPRESS children in all. */
    public long standardTransitions(int generations, long children) {
        return parentStates(generations) + children;
    }

    /** The states the parent execution enters in a run of {@code generations}. */
    public long parentStates(int generations) {
        return prefix.size()
                + (long) generations * everyGeneration.size()
                + (long) (generations - 1) * betweenGenerations.size()
                + exit.size();
    }

    /** How often a run invokes {@code function} (a substitution name), children included. */
    public long invocations(String function, int generations, long children) {
        long n = childFunctions.stream().filter(function::equals).count() * children;
        for (Map.Entry<String, String> e : functions.entrySet()) {
            if (e.getValue().equals(function)) {
                String state = e.getKey();
                n += prefix.contains(state) || exit.contains(state)
                        ? 1
                        : everyGeneration.contains(state)
                                ? generations
                                : betweenGenerations.contains(state) ? generations - 1 : 0;
            }
        }
        return n;
    }

    /** The per-run formula in words, for the plan's output: "4 × generations + 5". */
    public String formula() {
        long perGeneration = everyGeneration.size() + betweenGenerations.size();
        long fixed = prefix.size() + exit.size() - betweenGenerations.size();
        return perGeneration + " x generations + " + fixed;
    }

    private static JsonNode state(Path file, JsonNode states, String name) {
        JsonNode s = name == null ? null : states.get(name);
        if (s == null) {
            throw new IllegalArgumentException(file + ": no state named '" + name + "'");
        }
        return s;
    }

    private static boolean isDistributedMap(JsonNode state) {
        return state.path("Type").asText().equals("Map")
                && state.path("ItemProcessor")
                        .path("ProcessorConfig")
                        .path("Mode")
                        .asText()
                        .equals("DISTRIBUTED");
    }

    /** The states from {@code from} to just before {@code target}, following Next; null when it never gets there. */
    private static List<String> pathTo(JsonNode states, String from, String target) {
        List<String> path = new ArrayList<>();
        for (String at = from; at != null && path.size() <= states.size(); ) {
            if (at.equals(target)) {
                return path;
            }
            JsonNode s = states.get(at);
            if (s == null || s.path("Type").asText().equals("Choice")) {
                return null;
            }
            path.add(at);
            at = s.path("Next").asText(null);
        }
        return null;
    }

    /** {@code ${EvaluateFunctionArn}} in a Lambda task's FunctionName, without the {@code ${}}. */
    private static java.util.Optional<String> function(JsonNode state) {
        String name = state.path("Parameters").path("FunctionName").asText("");
        if (state.path("Type").asText().equals("Task") && name.startsWith("${") && name.endsWith("}")) {
            return java.util.Optional.of(name.substring(2, name.length() - 1));
        }
        return java.util.Optional.empty();
    }
}
