package dev.phylo.stepfunctions.internal;

/**
 * A runtime error of the state machine, named as Step Functions names it. Terminal errors
 * ({@code States.Runtime}, {@code States.DataLimitExceeded}) are never retried or caught.
 */
public final class StatesError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final String ALL = "States.ALL";
    public static final String TASK_FAILED = "States.TaskFailed";
    public static final String TIMEOUT = "States.Timeout";
    public static final String RUNTIME = "States.Runtime";
    public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
    public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
    public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
    public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
    public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
    public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
    public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";

    private final String error;
    private final String errorCause;

    public StatesError(String error, String cause) {
        super(error + ": " + cause, null, false, false);
        this.error = error;
        this.errorCause = cause == null ? "" : cause;
    }

    public static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    public static StatesError intrinsic(String cause) {
        return new StatesError(INTRINSIC_FAILURE, cause);
    }

    public String error() {
        return error;
    }

    public String cause() {
        return errorCause;
    }

    public boolean terminal() {
        return RUNTIME.equals(error) || DATA_LIMIT_EXCEEDED.equals(error);
    }

    /** Whether a Retrier's or Catcher's ErrorEquals entry matches this error. */
    public boolean matches(String name) {
        if (terminal()) {
            return false;
        }
        if (ALL.equals(name)) {
            return true;
        }
        if (TASK_FAILED.equals(name)) {
            return !TIMEOUT.equals(error);
        }
        return name.equals(error);
    }
}
