package dev.phylo.testkit;

/** No moto server could be reached or started; the message says how to get one. */
public final class MotoUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public MotoUnavailableException(String message) {
        super(message);
    }

    public MotoUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
