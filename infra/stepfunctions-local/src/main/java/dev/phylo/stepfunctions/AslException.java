package dev.phylo.stepfunctions;

/**
 * A state machine definition the local runner cannot run: invalid Amazon States Language, or a
 * feature the runner does not support. The message names the state and the field, for example
 * {@code state "Evaluate generation": field ResultWriter.WriterConfig is not supported by the local runner}.
 */
public final class AslException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AslException(String message) {
        super(message);
    }

    public AslException(String message, Throwable cause) {
        super(message, cause);
    }
}
