package dev.phylo.postgres;

/** The embedded PostgreSQL could not be prepared, started, queried or stopped. */
public final class EmbeddedDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public EmbeddedDatabaseException(String message) {
        super(message);
    }

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
