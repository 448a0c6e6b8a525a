package dev.phylo.testkit;

/** The test database could not be set up, or a statement run through {@link TestDatabase} failed. */
public final class TestDatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TestDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
