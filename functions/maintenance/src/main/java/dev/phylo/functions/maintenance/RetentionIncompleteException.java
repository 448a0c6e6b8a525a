package dev.phylo.functions.maintenance;

import java.util.List;

/**
 * Retention finished its pass but could not remove some run folders; the message says what was done and, for each
 * folder left, why. The rest of the pass was done: a retry repeats only what is left.
 */
public final class RetentionIncompleteException extends RuntimeException {

    public RetentionIncompleteException(RetentionReport report, List<String> failures) {
        super("retention left " + failures.size() + " run folder(s) it should have removed: "
                + String.join("; ", failures) + " (done: " + report + ")");
    }
}
