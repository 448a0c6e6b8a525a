package dev.phylo.postgres;

/** One embedded server per test JVM; each test class makes its own databases on it. */
final class SharedServer {

    private SharedServer() {}

    static EmbeddedDatabase get() {
        return Holder.SERVER;
    }

    private static final class Holder {
        static final EmbeddedDatabase SERVER = start();

        private static EmbeddedDatabase start() {
            EmbeddedDatabase server = EmbeddedDatabase.start(null);
            System.out.println("EmbeddedDatabase.start (temporary) took "
                    + server.startupTime().toMillis() + " ms");
            return server;
        }
    }
}
