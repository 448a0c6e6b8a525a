package dev.phylo.functions.ingest;

/**
 * An object cannot be ingested: missing, too large, an unknown format, a bad symbol or interval, bytes that are not
 * UTF-8 or not gzip, or (strict mode) a bad row. The message says which object, where and why. Nothing of the object
 * has been written when this is thrown.
 */
public final class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
