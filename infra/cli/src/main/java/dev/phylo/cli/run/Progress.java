package dev.phylo.cli.run;

import java.sql.SQLException;

/** What {@code phylo run} prints while a run executes, read from the database. */
interface Progress {

    /** Prints whatever was persisted since the last call. */
    void poll() throws SQLException;

    /** Strategy evaluations seen so far (distinct per generation). */
    long evaluatedStrategies();
}
