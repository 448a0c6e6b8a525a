package dev.phylo.store;

/** The database connection is configured wrongly (bad URL, unreadable secret). Never carries a password. */
public final class DatabaseConfigException extends RuntimeException {

    public DatabaseConfigException(String message) {
        super(message);
    }

    public DatabaseConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
