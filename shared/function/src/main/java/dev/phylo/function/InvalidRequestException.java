package dev.phylo.function;

/**
 * The request a function was given is wrong, so retrying it cannot help: the one exception type every Phylo function
 * throws for a bad request. Its message names the field or object, the value and what is allowed.
 *
 * <p>Lambda reports it with {@code errorType} {@value #ERROR_TYPE}, the name a Step Functions {@code Retry} or
 * {@code Catch} matches ({@code "ErrorEquals": ["dev.phylo.function.InvalidRequestException"]}). Anything else a
 * function throws is a failure of Phylo or of something it depends on (a bug, the database, S3), never of the request
 * (docs/architecture.md, "Errors").
 */
public final class InvalidRequestException extends RuntimeException {

    /** What Lambda reports as {@code errorType}: the class's name, in the JVM and the native runtime alike. */
    public static final String ERROR_TYPE = "dev.phylo.function.InvalidRequestException";

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(String message) {
        super(message);
    }

    public InvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
