package dev.phylo.functions.health;

/** At least one readiness check is DOWN; the message lists each with its data. */
public final class HealthCheckFailedException extends RuntimeException {

    public HealthCheckFailedException(String message) {
        super(message);
    }
}
