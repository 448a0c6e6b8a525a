package dev.phylo.engine.evolve;

/** A strategy spec that no genome of the search space decodes to, so it cannot be encoded (e.g. to seed a run). */
public class NotInSearchSpaceException extends IllegalArgumentException {
    public NotInSearchSpaceException(String message) {
        super(message);
    }
}
