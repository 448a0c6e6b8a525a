package dev.phylo.schema.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Removes a secret from exception messages. When a message anywhere in a cause chain contains the secret, the
 * chain is copied with the secret masked (stack traces kept), so that logging the exception cannot leak it.
 */
public final class SecretScrubber {

    /** What stands in for the secret: the mask DatabaseUrl prints for a password. */
    static final String MASK = "***";

    private final String secret;
    private final String encodedSecret;

    public SecretScrubber(String secret) {
        this.secret = secret == null ? "" : secret;
        this.encodedSecret = URLEncoder.encode(this.secret, StandardCharsets.UTF_8);
    }

    public String scrub(String message) {
        if (message == null || secret.isEmpty()) {
            return message;
        }
        return message.replace(secret, MASK).replace(encodedSecret, MASK);
    }

    /** The same throwable if no message in its chain holds the secret, else a masked copy of the chain. */
    public Throwable scrub(Throwable throwable) {
        if (throwable == null || !leaks(throwable)) {
            return throwable;
        }
        ScrubbedException copy = new ScrubbedException(
                throwable.getClass().getName() + ": " + scrub(throwable.getMessage()), scrub(throwable.getCause()));
        copy.setStackTrace(throwable.getStackTrace());
        return copy;
    }

    private boolean leaks(Throwable throwable) {
        for (Throwable t = throwable; t != null && !secret.isEmpty(); t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains(secret) || message.contains(encodedSecret))) {
                return true;
            }
        }
        return false;
    }

    /** Stands in for an exception whose message held a secret; its message starts with the original class name. */
    static final class ScrubbedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScrubbedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
