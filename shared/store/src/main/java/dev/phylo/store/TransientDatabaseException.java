package dev.phylo.store;

/**
 * A failure a retry may fix: the connection could not be made or was lost, Neon was waking from scale-to-zero
 * ({@code 57P03}), too many connections, a serialization failure or a deadlock. {@link Database} retries these with
 * exponential backoff and jitter.
 */
public final class TransientDatabaseException extends DatabaseException {

    public TransientDatabaseException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
