package dev.phylo.postgres;

/**
 * An embedded PostgreSQL 17 as a server process of its own, for tests that reach their database through a URL, as
 * they would reach Neon: {@code .ci/run} starts one and hands its URL to {@code mvn verify} as
 * {@code PHYLO_TEST_DATABASE_URL}, so that every database test runs through that path. Prints the URL (password
 * included: the cluster is throw-away) as its first line, then serves until the process is stopped; the cluster is
 * deleted on exit.
 */
public final class LocalServer {

    private LocalServer() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0) {
            System.err.println("usage: java dev.phylo.postgres.LocalServer (no arguments)");
            System.exit(2);
        }
        EmbeddedDatabase database = EmbeddedDatabase.start(null); // stopped by its own shutdown hook
        System.out.println(database.url().toConnectionUri());
        System.out.flush();
        Thread.currentThread().join();
    }
}
