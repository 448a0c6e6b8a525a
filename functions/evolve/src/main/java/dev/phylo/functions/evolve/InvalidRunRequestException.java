package dev.phylo.functions.evolve;

/** The run input is wrong: the message names the field, the value and what is allowed. */
public final class InvalidRunRequestException extends RuntimeException {

    public InvalidRunRequestException(String message) {
        super(message);
    }
}
