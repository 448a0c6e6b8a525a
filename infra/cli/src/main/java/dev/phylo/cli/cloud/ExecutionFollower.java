package dev.phylo.cli.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.StateExitedEventDetails;

/**
 * Polls DescribeExecution and GetExecutionHistory, printing one line per finished "Persist generation" state
 * (generation k/N, the best fitness from the state output's {@code persisted.bestFitness}, elapsed time) until the
 * execution ends.
 */
final class ExecutionFollower {

    static final String PERSIST_STATE = "Persist generation";

    private final SfnClient sfn;
    private final PrintWriter out;
    private final Integer generations;
    private final long pollMillis;
    private final RunProgress database;
    private long lastEventId;
    private int persisted;
    private Integer lastDatabaseGeneration;
    private boolean databaseFailed;

    /** @param database progress from the run row instead of the history's Persist events; null for the history */
    ExecutionFollower(SfnClient sfn, PrintWriter out, Integer generations, double pollSeconds, RunProgress database) {
        this.sfn = sfn;
        this.database = database;
        this.out = out;
        this.generations = generations;
        this.pollMillis = Math.max(100, Math.round(pollSeconds * 1000));
    }

    /** Follows the execution to its end; true when it SUCCEEDED. */
    boolean follow(String executionArn, String runId) throws InterruptedException {
        Instant started = Instant.now();
        while (true) {
            DescribeExecutionResponse execution = describe(sfn, executionArn);
            Instant start = execution.startDate() != null ? execution.startDate() : started;
            if (!readDatabase(runId, start)) {
                readHistory(executionArn, start);
            }
            if (execution.status() != ExecutionStatus.RUNNING
                    && execution.status() != ExecutionStatus.PENDING_REDRIVE) {
                return finish(execution, runId, start);
            }
            Thread.sleep(pollMillis);
        }
    }

    static DescribeExecutionResponse describe(SfnClient sfn, String executionArn) {
        try {
            return sfn.describeExecution(r -> r.executionArn(executionArn));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "cannot describe execution " + executionArn + ": " + AwsErrors.message(e), e);
        }
    }

    /** Prints a line per newly persisted generation from the run row; false when the history must be used. */
    private boolean readDatabase(String runId, Instant start) {
        if (database == null || databaseFailed) {
            return false;
        }
        RunProgress.Row row;
        try {
            row = database.read(runId);
        } catch (Exception e) {
            databaseFailed = true;
            out.printf(
                    "cannot read progress from %s (%s); following the execution history instead%n",
                    database,
                    e.getMessage() == null
                            ? e.getClass().getSimpleName()
                            : e.getMessage().lines().findFirst().orElse(""));
            out.flush();
            return false;
        }
        if (row != null && row.generation() != null && !row.generation().equals(lastDatabaseGeneration)) {
            lastDatabaseGeneration = row.generation();
            out.println(String.format(
                    Locale.ROOT,
                    "generation %3d/%-3d best %s  evaluated %,d  elapsed %s",
                    row.generation() + 1,
                    row.planned(),
                    row.bestFitness() != null ? String.format(Locale.ROOT, "%8.4f", row.bestFitness()) : "       ?",
                    row.evaluated(),
                    elapsed(Duration.between(start, Instant.now()))));
            out.flush();
        }
        return true;
    }

    private void readHistory(String executionArn, Instant start) {
        String token = null;
        do {
            String page = token;
            GetExecutionHistoryResponse history;
            try {
                history = sfn.getExecutionHistory(r -> r.executionArn(executionArn)
                        .maxResults(1000)
                        .nextToken(page)
                        .includeExecutionData(true));
            } catch (SdkException e) {
                throw new IllegalStateException(
                        "cannot read the history of " + executionArn + ": " + AwsErrors.message(e), e);
            }
            for (HistoryEvent event : history.events()) {
                if (event.id() != null && event.id() > lastEventId) {
                    lastEventId = event.id();
                    onEvent(event, start);
                }
            }
            token = history.nextToken();
        } while (token != null && !token.isBlank());
    }

    private void onEvent(HistoryEvent event, Instant start) {
        StateExitedEventDetails exited = event.stateExitedEventDetails();
        if (exited == null || !PERSIST_STATE.equals(exited.name())) {
            return; // TaskStateExited in AWS; PassStateExited when a test stands a Pass state in for the task
        }
        persisted++;
        JsonNode output = CloudRunCommand.parse(exited.output());
        JsonNode best = output.path("persisted").path("bestFitness");
        JsonNode total = generations != null ? null : output.path("run").path("generations");
        String of = generations != null
                ? String.valueOf(generations)
                : total != null && total.isNumber() ? total.asText() : "?";
        Instant at = event.timestamp() != null ? event.timestamp() : Instant.now();
        out.println(String.format(
                Locale.ROOT,
                "generation %3d/%-3s best %s  elapsed %s",
                persisted,
                of,
                best.isNumber() ? String.format(Locale.ROOT, "%8.4f", best.asDouble()) : "       ?",
                elapsed(Duration.between(start, at))));
        out.flush();
    }

    private boolean finish(DescribeExecutionResponse execution, String runId, Instant start) {
        Instant stop = execution.stopDate() != null ? execution.stopDate() : Instant.now();
        out.printf("run %s %s after %s%n", runId, execution.statusAsString(), elapsed(Duration.between(start, stop)));
        if (execution.error() != null || execution.cause() != null) {
            out.printf("  error %s%n  cause %s%n", execution.error(), execution.cause());
        }
        if (execution.status() == ExecutionStatus.SUCCEEDED) {
            JsonNode uri =
                    CloudRunCommand.parse(execution.output()).path("report").path("htmlUri");
            if (uri.isTextual() && !uri.asText().isBlank()) {
                out.printf("  report %s (aws s3 cp %s .)%n", uri.asText(), uri.asText());
            } else {
                out.printf("  report runs/%s/report.html on the stack's EFS (access point root /phylo)%n", runId);
            }
        }
        out.flush();
        return execution.status() == ExecutionStatus.SUCCEEDED;
    }

    static String elapsed(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
