package dev.phylo.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/** {@code phylo cloud status EXECUTION_ARN}: one execution's status, times, run id and error. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show a state machine execution: status, start/stop times, run id, error.")
public final class CloudStatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(index = "0", paramLabel = "EXECUTION_ARN", description = "arn:aws:states:…:execution:…")
    String executionArn;

    @Override
    public Integer call() {
        if (!executionArn.startsWith("arn:") || !executionArn.contains(":execution:")) {
            throw new IllegalArgumentException("'" + executionArn + "' is not an execution ARN "
                    + "(arn:aws:states:REGION:ACCOUNT:execution:STATE_MACHINE:NAME)");
        }
        PrintWriter out = spec.commandLine().getOut();
        DescribeExecutionResponse execution;
        try (SfnClient sfn = aws.sfn()) {
            execution = ExecutionFollower.describe(sfn, executionArn);
        }
        JsonNode input = CloudRunCommand.parse(execution.input());
        String runId = input.path("runId").isTextual() ? input.path("runId").asText() : execution.name();
        out.printf("execution %s%n", execution.executionArn());
        out.printf("  status  %s%n", execution.statusAsString());
        out.printf("  run id  %s%n", runId);
        out.printf("  started %s%n", execution.startDate());
        if (execution.stopDate() != null) {
            out.printf("  stopped %s%n", execution.stopDate());
        }
        if (execution.error() != null) {
            out.printf("  error   %s%n", execution.error());
        }
        if (execution.cause() != null) {
            out.printf("  cause   %s%n", execution.cause());
        }
        JsonNode report =
                CloudRunCommand.parse(execution.output()).path("report").path("htmlUri");
        if (report.isTextual() && !report.asText().isBlank()) {
            out.printf("  report  %s%n", report.asText());
        }
        out.flush();
        return 0;
    }
}
