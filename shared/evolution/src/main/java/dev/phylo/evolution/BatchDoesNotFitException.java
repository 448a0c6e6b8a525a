package dev.phylo.evolution;

/**
 * A run whose batches cannot fit in evaluate's time budget ({@link BatchSizing}): the message says by how much and
 * what would fit. The seed function reports it as a bad request; {@code phylo cloud plan} prints it before anything
 * starts.
 */
public final class BatchDoesNotFitException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BatchDoesNotFitException(String message) {
        super(message);
    }
}
