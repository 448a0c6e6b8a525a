package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.TaskFailedException;
import java.time.Duration;

/** The running functions, by the logical id the template gives them. */
interface FunctionHost extends AutoCloseable {

    /** Invokes the function and returns its JSON answer; a function or platform error becomes the exception. */
    JsonNode invoke(String logicalId, JsonNode payload, Duration timeout) throws TaskFailedException;

    /**
     * Invokes the function, retrying an invocation throttled by its reserved concurrency
     * ({@code Lambda.TooManyRequestsException}) after a growing pause, up to 20 times.
     */
    default JsonNode invokeRetryingThrottles(String logicalId, JsonNode payload, Duration timeout)
            throws TaskFailedException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return invoke(logicalId, payload, timeout);
            } catch (TaskFailedException e) {
                if (!"Lambda.TooManyRequestsException".equals(e.error()) || attempt == 20) {
                    throw e;
                }
                Thread.sleep(Math.min(5_000, 250L << Math.min(attempt, 5)));
            }
        }
    }

    /** How many functions run. */
    int count();

    @Override
    void close();
}
