package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the parts of a SAM template the local runner needs. CloudFormation short-form tags ({@code !Ref},
 * {@code !GetAtt X.Arn}) are read as their scalar; {@code !GetAtt Fn.Arn} in DefinitionSubstitutions names the
 * function {@code Fn}. A {@code MemorySize} or {@code Timeout} that is {@code !Ref Param} takes the parameter's
 * {@code Default}, as {@code sam local} does without overrides; so does an environment variable, and one that
 * references a resource (a bucket) is left unset, since nothing local stands for it.
 * {@code ReservedConcurrentExecutions} is read with its tags kept ({@link CloudFormationYaml}) and evaluated with
 * every parameter at its Default ({@link TemplateIntrinsics}): a literal, {@code !Ref Param}, or
 * {@code !If [Condition, a, !Ref AWS::NoValue]} on a simple condition; absent or {@code AWS::NoValue} is unreserved.
 * Anything the runner cannot map fails with the resource and property named.
 */
public final class SamTemplates {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SamTemplates() {}

    public static SamTemplate read(Path file) {
        JsonNode root;
        JsonNode longForm;
        try {
            String text = Files.readString(file);
            root = YAML.readTree(text);
            longForm = CloudFormationYaml.read(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.has("Resources")) {
            throw new IllegalArgumentException(file + " has no Resources");
        }
        Path dir = file.toAbsolutePath().getParent();
        JsonNode globals = root.path("Globals").path("Function");
        JsonNode parameters = root.path("Parameters");
        TemplateIntrinsics intrinsics = new TemplateIntrinsics(file, longForm);
        Map<String, SamTemplate.Function> functions = new LinkedHashMap<>();
        Path definition = null;
        Map<String, String> substitutions = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            String id = resource.getKey();
            String type = resource.getValue().path("Type").asText();
            JsonNode props = resource.getValue().path("Properties");
            if (type.equals("AWS::Serverless::Function")) {
                OptionalInt reserved = reservedConcurrency(
                        file,
                        id,
                        longForm.path("Resources").path(id).path("Properties"),
                        longForm.path("Globals").path("Function"),
                        intrinsics);
                functions.put(id, function(file, dir, id, props, globals, parameters, root.get("Resources"), reserved));
            } else if (type.equals("AWS::Serverless::StateMachine")) {
                if (definition != null) {
                    throw new IllegalArgumentException(
                            file + ": more than one state machine; the local runner " + "runs one");
                }
                String uri = required(file, id, props, "DefinitionUri");
                definition = dir.resolve(uri).normalize();
                for (Iterator<Map.Entry<String, JsonNode>> subs =
                                props.path("DefinitionSubstitutions").fields();
                        subs.hasNext(); ) {
                    Map.Entry<String, JsonNode> sub = subs.next();
                    String value = sub.getValue().asText();
                    if (!value.endsWith(".Arn")) {
                        throw new IllegalArgumentException(file + ": " + id + " DefinitionSubstitutions." + sub.getKey()
                                + " is '" + value + "': the local runner maps !GetAtt <Function>.Arn");
                    }
                    substitutions.put(sub.getKey(), value.substring(0, value.length() - ".Arn".length()));
                }
            }
        }
        if (definition == null) {
            throw new IllegalArgumentException(file + " has no AWS::Serverless::StateMachine");
        }
        for (Map.Entry<String, String> sub : substitutions.entrySet()) {
            if (!functions.containsKey(sub.getValue())) {
                throw new IllegalArgumentException(file + ": DefinitionSubstitutions." + sub.getKey() + " names "
                        + sub.getValue() + ", which is not a function in the template");
            }
        }
        return new SamTemplate(file, functions, definition, substitutions);
    }

    private static SamTemplate.Function function(
            Path file,
            Path dir,
            String id,
            JsonNode props,
            JsonNode globals,
            JsonNode parameters,
            JsonNode resources,
            OptionalInt reservedConcurrency) {
        String codeUri = required(file, id, props, "CodeUri");
        // ../functions/<module>/target/function.zip -> the module folder
        Path code = dir.resolve(codeUri).normalize();
        Path module = code.getFileName().toString().endsWith(".zip")
                ? code.getParent().getParent()
                : code;
        Map<String, String> env = new LinkedHashMap<>();
        globals.path("Environment")
                .path("Variables")
                .fields()
                .forEachRemaining(e -> environment(env, e.getKey(), e.getValue(), parameters, resources));
        props.path("Environment")
                .path("Variables")
                .fields()
                .forEachRemaining(e -> environment(env, e.getKey(), e.getValue(), parameters, resources));
        return new SamTemplate.Function(
                id,
                module,
                text(props, globals, "Handler"),
                text(props, globals, "Runtime"),
                number(file, id, props, globals, parameters, "MemorySize", 128),
                number(file, id, props, globals, parameters, "Timeout", 3),
                reservedConcurrency,
                env);
    }

    /**
     * One environment variable as a local process gets it: {@code !Ref Param} (read as "Param") is the parameter's
     * Default; {@code !Ref Resource} names something that exists only in AWS (a bucket, a queue), so the variable is
     * left unset, as if the stack had none; a literal stays as it is.
     */
    private static void environment(
            Map<String, String> env, String name, JsonNode value, JsonNode parameters, JsonNode resources) {
        String text = value.asText();
        if (value.isTextual() && parameters.has(text)) {
            env.put(name, parameters.path(text).path("Default").asText(""));
        } else if (value.isTextual() && resources.has(text)) {
            env.remove(name);
        } else {
            env.put(name, text);
        }
    }

    private static String required(Path file, String id, JsonNode props, String name) {
        JsonNode v = props.get(name);
        if (v == null || v.asText().isBlank()) {
            throw new IllegalArgumentException(file + ": " + id + " has no " + name);
        }
        return v.asText();
    }

    private static String text(JsonNode props, JsonNode globals, String name) {
        return props.has(name) ? props.get(name).asText() : globals.path(name).asText(null);
    }

    /**
     * ReservedConcurrentExecutions (the function's, else Globals'), from the long form: empty when absent or
     * {@code AWS::NoValue} (unreserved), else a whole number >= 0.
     */
    private static OptionalInt reservedConcurrency(
            Path file, String id, JsonNode props, JsonNode globals, TemplateIntrinsics intrinsics) {
        String name = "ReservedConcurrentExecutions";
        JsonNode v = props.has(name) ? props.get(name) : globals.get(name);
        if (v == null) {
            return OptionalInt.empty();
        }
        Optional<JsonNode> value = intrinsics.value(id + " " + name, v);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        String text = value.get().asText().trim();
        if (!value.get().isValueNode() || !text.matches("\\d{1,9}")) {
            throw new IllegalArgumentException(file + ": " + id + " " + name + " is " + value.get()
                    + ": expected a whole number >= 0 (Lambda's range)");
        }
        return OptionalInt.of(Integer.parseInt(text));
    }

    /** A literal number, or {@code !Ref P} (read as "P") resolved to parameter P's Default; absent: Lambda's default. */
    private static int number(
            Path file, String id, JsonNode props, JsonNode globals, JsonNode parameters, String name, int fallback) {
        JsonNode v = props.has(name) ? props.get(name) : globals.get(name);
        if (v == null) {
            return fallback;
        }
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        String text = v.asText().trim();
        if (text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        JsonNode parameter = parameters.path(text);
        String fallbackText = parameter.path("Default").asText("");
        if (!v.isTextual() || parameter.isMissingNode() || !fallbackText.trim().matches("\\d{1,9}")) {
            throw new IllegalArgumentException(file + ": " + id + " " + name + " is " + v + ": the local runner takes "
                    + "a number or !Ref to a parameter with a numeric Default");
        }
        return Integer.parseInt(fallbackText.trim());
    }
}
