package dev.phylo.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.internal.Engine;
import dev.phylo.stepfunctions.internal.Json;
import dev.phylo.stepfunctions.internal.Model;
import dev.phylo.stepfunctions.internal.Parser;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed and validated Amazon States Language state machine that runs locally. Immutable and
 * thread-safe: start as many executions as you like.
 */
public final class StateMachine {
    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}]*)\\}");
    /** Characters Step Functions refuses in execution names (besides whitespace and controls). */
    private static final String BAD_NAME_CHARS = "<>{}[]?*\"#%\\^|~`$&,;:/";

    private final Model.Machine model;
    private final String name;

    private StateMachine(Model.Machine model, String name) {
        this.model = model;
        this.name = name;
    }

    /**
     * Replaces every {@code ${Name}} in the text by its value (as SAM's DefinitionSubstitutions do:
     * plain text replacement), then parses and validates the definition.
     *
     * @throws AslException when a {@code ${X}} has no substitution (the message names X), when the
     *     definition is not valid Amazon States Language, or when it uses a feature the local runner
     *     does not support (the message names the state and the field)
     */
    public static StateMachine parse(String definitionJson, Map<String, String> substitutions) {
        Objects.requireNonNull(definitionJson, "definitionJson");
        Map<String, String> subs = substitutions == null ? Map.of() : substitutions;
        Matcher m = SUBSTITUTION.matcher(definitionJson);
        StringBuilder out = new StringBuilder();
        Set<String> unknown = new LinkedHashSet<>();
        while (m.find()) {
            String key = m.group(1);
            String value = subs.get(key);
            if (value == null) {
                unknown.add(key);
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        if (!unknown.isEmpty()) {
            StringBuilder msg = new StringBuilder("definition: no substitution for ");
            int i = 0;
            for (String k : unknown) {
                msg.append(i++ == 0 ? "" : ", ").append("${").append(k).append('}');
            }
            msg.append(" (DefinitionSubstitutions has no ")
                    .append(String.join(", ", unknown))
                    .append(')');
            throw new AslException(msg.toString());
        }
        return new StateMachine(Parser.parse(out.toString()), "StateMachine");
    }

    /** The same machine under another name (used in ARNs and {@code $$.StateMachine.Name}). */
    public StateMachine withName(String stateMachineName) {
        if (stateMachineName == null || stateMachineName.isEmpty() || stateMachineName.length() > 80) {
            throw new IllegalArgumentException("a state machine name must be 1 to 80 characters long");
        }
        return new StateMachine(model, stateMachineName);
    }

    public String name() {
        return name;
    }

    /** The definition's Comment, or null. */
    public String comment() {
        return model.comment();
    }

    /** Starts an execution on a background thread and returns at once. */
    public Execution start(
            String executionName,
            JsonNode input,
            TaskInvoker invoker,
            ExecutionListener listener,
            ExecutionOptions options) {
        checkExecutionName(executionName);
        Objects.requireNonNull(invoker, "invoker");
        JsonNode in = input == null ? Json.NODES.objectNode() : input.deepCopy();
        Engine engine = new Engine(
                model,
                name,
                executionName,
                in,
                invoker,
                listener == null ? ExecutionListener.NONE : listener,
                options == null ? ExecutionOptions.defaults() : options);
        Execution e = new Execution(engine, executionName);
        engine.start();
        return e;
    }

    /**
     * Checks an execution name as Step Functions does: 1 to 80 characters, no whitespace, controls or
     * {@code <>{}[]?*"#%\\^|~`$&,;:/}.
     *
     * @throws IllegalArgumentException naming the character that is not allowed
     */
    public static void checkExecutionName(String n) {
        if (n == null || n.isEmpty() || n.length() > 80) {
            throw new IllegalArgumentException("an execution name must be 1 to 80 characters long");
        }
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || BAD_NAME_CHARS.indexOf(c) >= 0) {
                throw new IllegalArgumentException(
                        "execution name \"" + n + "\" contains '" + c + "', which Step Functions does not allow");
            }
        }
    }
}
