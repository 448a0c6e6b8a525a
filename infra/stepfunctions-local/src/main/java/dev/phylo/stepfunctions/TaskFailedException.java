package dev.phylo.stepfunctions;

/**
 * Thrown by a {@link TaskInvoker} when a task fails. {@code error} is the Step Functions error
 * name that Retry and Catch match on (for a Lambda function, its {@code errorType}, or
 * {@code States.Timeout} when the invocation ran past its timeout); {@code cause} is free text
 * (for a Lambda function, usually the JSON error document).
 */
public class TaskFailedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final String errorCause;

    public TaskFailedException(String error, String cause) {
        super(error + (cause == null || cause.isEmpty() ? "" : ": " + cause));
        this.error = error == null || error.isEmpty() ? "States.TaskFailed" : error;
        this.errorCause = cause == null ? "" : cause;
    }

    public TaskFailedException(String error, String cause, Throwable throwable) {
        this(error, cause);
        initCause(throwable);
    }

    /** The error name, e.g. {@code States.Timeout} or {@code Lambda.Unknown}. */
    public String error() {
        return error;
    }

    /** The error cause (free text, may be empty). */
    public String cause() {
        return errorCause;
    }
}
