package dev.phylo.engine.data;

/**
 * A cell value that failed to parse; the caller adds file, line and field. Carries no stack trace,
 * because lenient reads raise one per dropped row.
 */
final class BadValue extends Exception {
    BadValue(String reason) {
        super(reason, null, false, false);
    }
}
