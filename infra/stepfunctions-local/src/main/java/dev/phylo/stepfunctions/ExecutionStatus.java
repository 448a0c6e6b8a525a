package dev.phylo.stepfunctions;

/** The status of an execution, as Step Functions names it. */
public enum ExecutionStatus {
    RUNNING,
    SUCCEEDED,
    FAILED,
    /** The execution's {@code TimeoutSeconds} elapsed (error {@code States.Timeout}). */
    TIMED_OUT,
    ABORTED
}
