package dev.phylo.stepfunctions;

/**
 * The largest payload an execution's limit checks saw: state inputs and outputs (child executions included), task
 * inputs and results, collected Map and Parallel results, the execution's input. {@code what} names it as a
 * {@code States.DataLimitExceeded} cause would, e.g. {@code state "Seed first generation": the task result}.
 */
public record PayloadSize(int bytes, String what) {
    public static final PayloadSize NONE = new PayloadSize(0, "nothing");
}
