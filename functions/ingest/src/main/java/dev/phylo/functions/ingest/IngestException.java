package dev.phylo.functions.ingest;

/**
 * An object could not be read for a reason that is not the request's fault: S3 refused or could not be reached, or
 * an I/O error occurred. A retry may succeed. Nothing of the object has been written when this is thrown. (A request
 * that is wrong in itself, such as a missing object, a bad row or an unknown format, is an
 * {@link dev.phylo.function.InvalidRequestException}.)
 */
public final class IngestException extends RuntimeException {

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
