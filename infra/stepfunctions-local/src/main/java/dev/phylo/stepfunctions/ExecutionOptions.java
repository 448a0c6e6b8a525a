package dev.phylo.stepfunctions;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of a local execution.
 *
 * @param maxPayloadBytes the Step Functions payload quota: a state input or output, a task input or
 *     a task result larger than this (serialized, UTF-8) fails with {@code States.DataLimitExceeded}
 * @param defaultTaskTimeout timeout passed to the invoker for a Task without TimeoutSeconds(Path)
 * @param maxParallelism cap on the threads one Map or Parallel state runs its iterations/branches on
 * @param clock source of timestamps (history, context object, Wait Timestamp)
 * @param sleeper how Wait states and Retry back-off wait
 */
public record ExecutionOptions(
        int maxPayloadBytes, Duration defaultTaskTimeout, int maxParallelism, Clock clock, Sleeper sleeper) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 262_144;
    /** Lambda's own maximum function timeout. */
    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(15);

    public static final int DEFAULT_MAX_PARALLELISM = 32;

    public ExecutionOptions {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive");
        }
        Objects.requireNonNull(defaultTaskTimeout, "defaultTaskTimeout");
        if (defaultTaskTimeout.isNegative() || defaultTaskTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTaskTimeout must be positive");
        }
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("maxParallelism must be positive");
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
    }

    /** 256 KiB payloads, 15 minute task timeout, 32 threads per Map/Parallel, UTC clock, real sleeps. */
    public static ExecutionOptions defaults() {
        return new ExecutionOptions(
                DEFAULT_MAX_PAYLOAD_BYTES,
                DEFAULT_TASK_TIMEOUT,
                DEFAULT_MAX_PARALLELISM,
                Clock.systemUTC(),
                Sleeper.system());
    }

    public ExecutionOptions withMaxPayloadBytes(int v) {
        return new ExecutionOptions(v, defaultTaskTimeout, maxParallelism, clock, sleeper);
    }

    public ExecutionOptions withDefaultTaskTimeout(Duration v) {
        return new ExecutionOptions(maxPayloadBytes, v, maxParallelism, clock, sleeper);
    }

    public ExecutionOptions withMaxParallelism(int v) {
        return new ExecutionOptions(maxPayloadBytes, defaultTaskTimeout, v, clock, sleeper);
    }

    public ExecutionOptions withClock(Clock v) {
        return new ExecutionOptions(maxPayloadBytes, defaultTaskTimeout, maxParallelism, v, sleeper);
    }

    public ExecutionOptions withSleeper(Sleeper v) {
        return new ExecutionOptions(maxPayloadBytes, defaultTaskTimeout, maxParallelism, clock, v);
    }
}
