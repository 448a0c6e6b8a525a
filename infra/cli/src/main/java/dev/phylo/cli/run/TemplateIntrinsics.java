package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A property's value as a stack deployed with every parameter at its {@code Default} would see it, for the intrinsic
 * functions the local runner evaluates:
 * <ul>
 *   <li>{@code Ref} to a parameter (its Default), or to {@code AWS::NoValue} (the property is left out: empty);</li>
 *   <li>{@code Fn::If [condition, a, b]} on a condition of the template's {@code Conditions};</li>
 *   <li>in conditions: {@code Fn::Equals} over literals and {@code Ref}s to parameters (compared as text, as
 *       CloudFormation compares them), {@code Fn::Not}, {@code Fn::And}, {@code Fn::Or} and {@code Condition}.</li>
 * </ul>
 * Anything else fails, naming the file, the property and the construct. Reads the long form that
 * {@link CloudFormationYaml} makes of the short-form tags.
 */
final class TemplateIntrinsics {

    private static final String SUPPORTED = "the local runner evaluates Ref to a parameter (its Default) or to "
            + "AWS::NoValue, Fn::If, and conditions made of Fn::Equals, Fn::Not, Fn::And, Fn::Or and Condition over "
            + "literals and parameters";

    private final Path file;
    private final JsonNode parameters;
    private final JsonNode conditions;

    /** @param template the whole template, in the long form */
    TemplateIntrinsics(Path file, JsonNode template) {
        this.file = file;
        this.parameters = template.path("Parameters");
        this.conditions = template.path("Conditions");
    }

    /**
     * The value of {@code node}: a literal as it is, or an intrinsic function evaluated; empty for
     * {@code AWS::NoValue}.
     *
     * @param where the resource and property, for messages ({@code "EvaluateFunction ReservedConcurrentExecutions"})
     * @throws IllegalArgumentException for a construct it does not evaluate, naming it
     */
    Optional<JsonNode> value(String where, JsonNode node) {
        String function = function(node);
        if (function == null) {
            return Optional.of(node);
        }
        JsonNode argument = node.get(function);
        return switch (function) {
            case "Ref" -> ref(where, argument);
            case "Fn::If" -> {
                if (!argument.isArray()
                        || argument.size() != 3
                        || !argument.get(0).isTextual()) {
                    throw fail(where, "Fn::If takes [condition name, value if true, value if false], not " + argument);
                }
                String condition = argument.get(0).asText();
                yield value(where, condition(where, condition, new ArrayDeque<>()) ? argument.get(1) : argument.get(2));
            }
            default -> throw fail(where, "uses " + function + ", which " + SUPPORTED);
        };
    }

    private Optional<JsonNode> ref(String where, JsonNode argument) {
        if (!argument.isTextual()) {
            throw fail(where, "Ref takes a name, not " + argument);
        }
        String name = argument.asText();
        if (name.equals("AWS::NoValue")) {
            return Optional.empty();
        }
        JsonNode parameter = parameters.get(name);
        if (parameter == null) {
            throw fail(where, "Ref " + name + " is not a parameter of the template, and " + SUPPORTED);
        }
        JsonNode fallback = parameter.get("Default");
        if (fallback == null || fallback.isNull()) {
            throw fail(
                    where,
                    "parameter " + name + " has no Default; the local runner takes every parameter at its "
                            + "Default");
        }
        return Optional.of(fallback);
    }

    private boolean condition(String where, String name, Deque<String> evaluating) {
        JsonNode definition = conditions.get(name);
        if (definition == null) {
            throw fail(where, "condition " + name + " is not in the template's Conditions");
        }
        if (evaluating.contains(name)) {
            throw fail(where, "condition " + name + " depends on itself (through " + evaluating + ")");
        }
        evaluating.push(name);
        try {
            return test(where + ", condition " + name, definition, evaluating);
        } finally {
            evaluating.pop();
        }
    }

    private boolean test(String where, JsonNode node, Deque<String> evaluating) {
        String function = function(node);
        if (function == null) {
            throw fail(where, node + " is not a condition function");
        }
        JsonNode argument = node.get(function);
        return switch (function) {
            case "Fn::Equals" -> {
                arguments(where, function, argument, 2, 2);
                yield scalar(where, argument.get(0)).equals(scalar(where, argument.get(1)));
            }
            case "Fn::Not" -> {
                arguments(where, function, argument, 1, 1);
                yield !test(where, argument.get(0), evaluating);
            }
            case "Fn::And", "Fn::Or" -> {
                arguments(where, function, argument, 2, 10);
                boolean and = function.equals("Fn::And");
                for (JsonNode operand : argument) {
                    if (test(where, operand, evaluating) != and) {
                        yield !and;
                    }
                }
                yield and;
            }
            case "Condition" -> condition(where, argument.asText(), evaluating);
            default -> throw fail(where, "uses " + function + ", which " + SUPPORTED);
        };
    }

    /** An operand of Fn::Equals as text: a literal, or a parameter's Default. */
    private String scalar(String where, JsonNode node) {
        String function = function(node);
        if (function != null && !function.equals("Ref")) {
            throw fail(where, "Fn::Equals compares " + function + ", which " + SUPPORTED);
        }
        JsonNode value = function == null ? node : ref(where, node.get("Ref")).orElse(null);
        if (value == null || !value.isValueNode()) {
            throw fail(where, "Fn::Equals compares " + node + ", which is not a single value");
        }
        return value.asText();
    }

    private void arguments(String where, String function, JsonNode argument, int min, int max) {
        if (!argument.isArray() || argument.size() < min || argument.size() > max) {
            throw fail(
                    where,
                    function + " takes a list of " + (min == max ? min : min + " to " + max) + ", not " + argument);
        }
    }

    /** The intrinsic function {@code node} calls ({@code Ref}, {@code Condition}, {@code Fn::…}), or null. */
    private static String function(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return null;
        }
        String name = node.fieldNames().next();
        return name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::") ? name : null;
    }

    private IllegalArgumentException fail(String where, String detail) {
        return new IllegalArgumentException(file + ": " + where + ": " + detail);
    }
}
