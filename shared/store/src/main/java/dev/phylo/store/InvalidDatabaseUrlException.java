package dev.phylo.store;

/**
 * A database URL that cannot be parsed. The message shows the URL with its password masked, never the password.
 */
public final class InvalidDatabaseUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidDatabaseUrlException(String message) {
        super(message);
    }
}
