package dev.phylo.store.internal;

import dev.phylo.store.DatabaseException;
import dev.phylo.store.TransientDatabaseException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Sorts failures into transient (retry) and permanent (report), by SQLSTATE or by the kind of I/O failure. */
public final class DatabaseErrors {

    /** SQLSTATEs worth a retry, beyond the whole class 08 (connection exceptions). */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "53300", // too_many_connections
            "57P01", // admin_shutdown
            "57P02", // crash_shutdown
            "57P03", // cannot_connect_now (Neon compute starting)
            "55P03" // lock_not_available
            );

    private DatabaseErrors() {}

    public static DatabaseException classify(String operation, Throwable failure) {
        if (failure instanceof DatabaseException) {
            return (DatabaseException) failure;
        }
        if (failure instanceof PgException) {
            PgException pg = (PgException) failure;
            String state = pg.getSqlState();
            String message = operation + " failed: " + pg.getErrorMessage() + " (SQLSTATE " + state
                    + (pg.getDetail() != null ? ", " + pg.getDetail() : "") + ")";
            if (state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state))) {
                return new TransientDatabaseException(message, state, failure);
            }
            return new DatabaseException(message, state, failure);
        }
        if (isConnectionFailure(failure)) {
            return new TransientDatabaseException(
                    operation + " failed: cannot reach the database: " + describe(failure), null, failure);
        }
        return new DatabaseException(operation + " failed: " + describe(failure), null, failure);
    }

    private static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ConnectException
                    || c instanceof IOException
                    || c instanceof TimeoutException
                    || c.getClass().getName().endsWith("ClosedConnectionException")
                    || c.getClass().getName().endsWith("ConnectTimeoutException")) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }
}
