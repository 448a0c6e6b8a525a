package dev.phylo.schema;

/** The schema could not be migrated: no connection, a failed or modified migration, or a failed check afterwards. */
public final class MigrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
