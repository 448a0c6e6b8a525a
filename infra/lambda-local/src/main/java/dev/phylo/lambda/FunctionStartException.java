package dev.phylo.lambda;

/**
 * A function process did not reach its first {@code /invocation/next}: it reported an init error, exited, or took
 * longer than its start-up timeout. The message names the cause and ends with the process's last output lines.
 */
public final class FunctionStartException extends RuntimeException {

    private final String errorType;

    public FunctionStartException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    /**
     * What an invocation that needed this process fails with: the init error's type (for the Java runtime the
     * exception class), {@value InvocationResult#RUNTIME_EXIT_ERROR} or {@value InvocationResult#SANDBOX_TIMEDOUT}.
     */
    public String errorType() {
        return errorType;
    }

    public InvocationResult.Failure toFailure() {
        return new InvocationResult.Failure(null, errorType, getMessage(), java.util.List.of());
    }
}
