package dev.phylo.cli.cloud;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Stack;

/** The outputs of a deployed stack (CloudFormation DescribeStacks). */
final class StackOutputs {

    private final String stack;
    private final Map<String, String> outputs;

    private StackOutputs(String stack, Map<String, String> outputs) {
        this.stack = stack;
        this.outputs = outputs;
    }

    static StackOutputs describe(CloudFormationClient cloudFormation, String stackName) {
        if (stackName == null || stackName.isBlank()) {
            throw new IllegalArgumentException("--stack is required: the name of the stack `sam deploy` created");
        }
        Stack stack;
        try {
            stack = cloudFormation.describeStacks(r -> r.stackName(stackName)).stacks().stream()
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("stack " + stackName + " not found"));
        } catch (CloudFormationException e) {
            String message = AwsErrors.message(e);
            if (message.contains("does not exist")) {
                throw new IllegalStateException(
                        "stack " + stackName + " does not exist in this account and region"
                                + " (check --region / --profile, or deploy it with scripts/deploy.sh)",
                        e);
            }
            throw new IllegalStateException("cannot describe stack " + stackName + ": " + message, e);
        } catch (SdkException e) {
            throw new IllegalStateException("cannot describe stack " + stackName + ": " + AwsErrors.message(e), e);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        for (Output output : stack.outputs()) {
            outputs.put(output.outputKey(), output.outputValue());
        }
        return new StackOutputs(stackName, outputs);
    }

    /** The output's value; a clear error naming the stack and the outputs it has when it is missing. */
    String require(String key) {
        String value = outputs.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("stack " + stack + " has no output " + key + " (it has "
                    + (outputs.isEmpty() ? "no outputs" : String.join(", ", outputs.keySet()))
                    + "); is it the Phylo stack from sam/template.yaml?");
        }
        return value;
    }

    String get(String key) {
        return outputs.get(key);
    }
}
