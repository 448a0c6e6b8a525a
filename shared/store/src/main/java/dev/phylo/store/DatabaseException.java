package dev.phylo.store;

/**
 * A database call failed for a reason a retry will not fix (a constraint, bad SQL, a bad value). The message names
 * the operation and the SQLSTATE; it never carries credentials.
 */
public class DatabaseException extends RuntimeException {

    private final String sqlState;

    public DatabaseException(String message, String sqlState, Throwable cause) {
        super(message, cause);
        this.sqlState = sqlState;
    }

    /** The PostgreSQL SQLSTATE, or null when the failure came from the connection rather than the server. */
    public String sqlState() {
        return sqlState;
    }
}
