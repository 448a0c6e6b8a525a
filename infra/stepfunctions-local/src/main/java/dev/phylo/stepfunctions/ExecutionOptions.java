package dev.phylo.stepfunctions;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Knobs of a local execution.
 *
 * @param maxPayloadBytes the Step Functions payload quota: a state input or output, a task input or a task result,
 *     the execution input, or the collected results of a Map or Parallel state larger than this (serialized, UTF-8)
 *     fails with {@code States.DataLimitExceeded}
 * @param defaultTaskTimeout timeout passed to the invoker for a Task without TimeoutSeconds(Path)
 * @param maxParallelism cap on the threads one Map or Parallel state runs its iterations/branches on
 * @param clock source of timestamps (history, context object, Wait Timestamp)
 * @param sleeper how Wait states and Retry back-off wait
 * @param objectStore the stand-in for Amazon S3 that a Distributed Map's ItemReader reads and its ResultWriter writes;
 *     {@link ObjectStore#none()} (the default) fails every call
 * @param expressDurationLimit how long an EXPRESS child execution of a Distributed Map may run before it fails with
 *     {@code States.Timeout}
 */
public record ExecutionOptions(
        int maxPayloadBytes,
        Duration defaultTaskTimeout,
        int maxParallelism,
        Clock clock,
        Sleeper sleeper,
        ObjectStore objectStore,
        Duration expressDurationLimit) {

    /**
     * 256 KiB: "Maximum input or output size for a task, state, or execution", as a UTF-8 encoded string
     * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
     */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 262_144;

    /**
     * 15 minutes, Lambda's own maximum function timeout
     * (https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html).
     */
    public static final Duration DEFAULT_TASK_TIMEOUT = Duration.ofMinutes(15);

    public static final int DEFAULT_MAX_PARALLELISM = 32;

    /**
     * 5 minutes, the maximum duration of an Express workflow execution
     * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html and
     * https://docs.aws.amazon.com/step-functions/latest/dg/choosing-workflow-type.html).
     */
    public static final Duration DEFAULT_EXPRESS_DURATION_LIMIT = Duration.ofMinutes(5);

    public ExecutionOptions {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive but is " + maxPayloadBytes);
        }
        Objects.requireNonNull(defaultTaskTimeout, "defaultTaskTimeout");
        if (defaultTaskTimeout.isNegative() || defaultTaskTimeout.isZero()) {
            throw new IllegalArgumentException("defaultTaskTimeout must be positive but is " + defaultTaskTimeout);
        }
        if (maxParallelism <= 0) {
            throw new IllegalArgumentException("maxParallelism must be positive but is " + maxParallelism);
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(objectStore, "objectStore (ObjectStore.none() for no store)");
        Objects.requireNonNull(expressDurationLimit, "expressDurationLimit");
        if (expressDurationLimit.isNegative() || expressDurationLimit.isZero()) {
            throw new IllegalArgumentException("expressDurationLimit must be positive but is " + expressDurationLimit);
        }
    }

    /** The options of before the object store and the EXPRESS limit were knobs: those two take their defaults. */
    public ExecutionOptions(
            int maxPayloadBytes, Duration defaultTaskTimeout, int maxParallelism, Clock clock, Sleeper sleeper) {
        this(
                maxPayloadBytes,
                defaultTaskTimeout,
                maxParallelism,
                clock,
                sleeper,
                ObjectStore.none(),
                DEFAULT_EXPRESS_DURATION_LIMIT);
    }

    /**
     * 256 KiB payloads, 15 minute task timeout, 32 threads per Map/Parallel, UTC clock, real sleeps, no object store,
     * 5 minute EXPRESS child executions.
     */
    public static ExecutionOptions defaults() {
        return new ExecutionOptions(
                DEFAULT_MAX_PAYLOAD_BYTES,
                DEFAULT_TASK_TIMEOUT,
                DEFAULT_MAX_PARALLELISM,
                Clock.systemUTC(),
                Sleeper.system(),
                ObjectStore.none(),
                DEFAULT_EXPRESS_DURATION_LIMIT);
    }

    public ExecutionOptions withMaxPayloadBytes(int v) {
        return new ExecutionOptions(
                v, defaultTaskTimeout, maxParallelism, clock, sleeper, objectStore, expressDurationLimit);
    }

    public ExecutionOptions withDefaultTaskTimeout(Duration v) {
        return new ExecutionOptions(
                maxPayloadBytes, v, maxParallelism, clock, sleeper, objectStore, expressDurationLimit);
    }

    public ExecutionOptions withMaxParallelism(int v) {
        return new ExecutionOptions(
                maxPayloadBytes, defaultTaskTimeout, v, clock, sleeper, objectStore, expressDurationLimit);
    }

    public ExecutionOptions withClock(Clock v) {
        return new ExecutionOptions(
                maxPayloadBytes, defaultTaskTimeout, maxParallelism, v, sleeper, objectStore, expressDurationLimit);
    }

    public ExecutionOptions withSleeper(Sleeper v) {
        return new ExecutionOptions(
                maxPayloadBytes, defaultTaskTimeout, maxParallelism, clock, v, objectStore, expressDurationLimit);
    }

    public ExecutionOptions withObjectStore(ObjectStore v) {
        return new ExecutionOptions(
                maxPayloadBytes, defaultTaskTimeout, maxParallelism, clock, sleeper, v, expressDurationLimit);
    }

    public ExecutionOptions withExpressDurationLimit(Duration v) {
        return new ExecutionOptions(
                maxPayloadBytes, defaultTaskTimeout, maxParallelism, clock, sleeper, objectStore, v);
    }
}
