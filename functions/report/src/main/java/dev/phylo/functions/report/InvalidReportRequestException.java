package dev.phylo.functions.report;

/** The function input is wrong: the message names the field, the value and what is expected. */
public final class InvalidReportRequestException extends RuntimeException {

    public InvalidReportRequestException(String message) {
        super(message);
    }
}
