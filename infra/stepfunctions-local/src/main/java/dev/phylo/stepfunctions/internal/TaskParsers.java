package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.Fields.err;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.util.Iterator;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses a Task state: its Resource (a Lambda function ARN, or lambda:invoke with FunctionName and Payload) and its
 * TimeoutSeconds(Path).
 */
final class TaskParsers {

    private static final Pattern LAMBDA_ARN = Pattern.compile(
            "arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?");
    private static final Pattern LAMBDA_INVOKE = Pattern.compile("arn:aws[a-z-]*:states:::lambda:invoke");
    private static final Pattern START_EXECUTION_SYNC =
            Pattern.compile("arn:aws[a-z-]*:states:::states:startExecution\\.sync:2");

    private TaskParsers() {}

    static Function<Model.Common, Model.State> task(String name, JsonNode node) {
        Model.Action action = ActionParsers.action(name, node, true);
        JsonNode res = node.get("Resource");
        if (res == null || !res.isTextual()) {
            throw err(name, "Resource", "is required and must be a string");
        }
        String resource = res.textValue();
        Model.ResourceKind kind = resourceKind(name, node, resource);
        Fields.exclusive(name, node, "TimeoutSeconds", "TimeoutSecondsPath");
        Integer timeoutSeconds = node.has("TimeoutSeconds")
                ? Fields.intField(name, "TimeoutSeconds", node.get("TimeoutSeconds"), 1, 99_999_999)
                : null;
        PathExpr timeoutSecondsPath = node.has("TimeoutSecondsPath")
                ? Fields.refPath(name, "TimeoutSecondsPath", node.get("TimeoutSecondsPath"))
                : null;
        return common -> new Model.TaskState(common, action, resource, kind, timeoutSeconds, timeoutSecondsPath);
    }

    private static Model.ResourceKind resourceKind(String name, JsonNode node, String resource) {
        if (LAMBDA_ARN.matcher(resource).matches()) {
            return Model.ResourceKind.LAMBDA_ARN;
        }
        if (START_EXECUTION_SYNC.matcher(resource).matches()) {
            return startExecution(name, node, resource);
        }
        if (!LAMBDA_INVOKE.matcher(resource).matches()) {
            throw new AslException(
                    "state \"" + name + "\": field Resource \"" + resource + "\" is not supported by the local runner"
                            + " (use a Lambda function ARN arn:aws:lambda:REGION:ACCOUNT:function:NAME or"
                            + " arn:aws:states:::lambda:invoke, or arn:aws:states:::states:startExecution.sync:2)");
        }
        JsonNode p = node.get("Parameters");
        if (p == null) {
            throw err(name, "Parameters", "is required for " + resource + " (FunctionName and Payload)");
        }
        boolean fn = false;
        Iterator<String> keys = p.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            String base = k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
            if (base.equals("FunctionName")) {
                fn = true;
            } else if (!base.equals("Payload")) {
                throw new AslException("state \"" + name + "\": field Parameters." + k
                        + " is not supported by the local runner (lambda:invoke takes FunctionName and Payload)");
            }
        }
        if (!fn) {
            throw err(name, "Parameters", "must name the function (FunctionName) for " + resource);
        }
        return Model.ResourceKind.LAMBDA_INVOKE;
    }

    private static Model.ResourceKind startExecution(String name, JsonNode node, String resource) {
        JsonNode p = node.get("Parameters");
        if (p == null) {
            throw err(name, "Parameters", "is required for " + resource + " (StateMachineArn, Input, Name)");
        }
        boolean arn = false;
        Iterator<String> keys = p.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            String base = k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
            if (base.equals("StateMachineArn")) {
                arn = true;
            } else if (!base.equals("Input") && !base.equals("Name")) {
                throw new AslException("state \"" + name + "\": field Parameters." + k
                        + " is not supported by the local runner (startExecution takes StateMachineArn, Input and"
                        + " Name)");
            }
        }
        if (!arn) {
            throw err(name, "Parameters", "must name the state machine (StateMachineArn) for " + resource);
        }
        return Model.ResourceKind.START_EXECUTION_SYNC;
    }
}
