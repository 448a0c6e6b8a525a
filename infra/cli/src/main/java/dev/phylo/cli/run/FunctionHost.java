package dev.phylo.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.TaskFailedException;
import java.time.Duration;

/** The running functions, by the logical id the template gives them. */
interface FunctionHost extends AutoCloseable {

    /** Invokes the function and returns its JSON answer; a function or platform error becomes the exception. */
    JsonNode invoke(String logicalId, JsonNode payload, Duration timeout) throws TaskFailedException;

    /** How many functions run. */
    int count();

    @Override
    void close();
}
