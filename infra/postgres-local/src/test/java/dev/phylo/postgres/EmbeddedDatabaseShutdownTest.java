package dev.phylo.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM that exits with an embedded database still open stops it quietly, also when another shutdown hook closes it
 * (as the test kit's did): {@code close()} then runs while the JVM is shutting down, when hooks can no longer be
 * removed. This used to print {@code IllegalStateException: Shutdown in progress} in every test run.
 */
class EmbeddedDatabaseShutdownTest {

    @Test
    void closingFromAnotherShutdownHookPrintsNothing() throws IOException, InterruptedException {
        Process jvm = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ExitsWithTheDatabaseOpen.class.getName()))
                .redirectErrorStream(true)
                .start();
        boolean exited = jvm.waitFor(120, TimeUnit.SECONDS);
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as(output).isTrue();
        assertThat(jvm.exitValue()).as(output).isZero();
        assertThat(output).contains("started").doesNotContain("Exception").doesNotContain("Shutdown in progress");
    }

    /** The child JVM: starts a database, hands its closing to a shutdown hook of its own, and exits. */
    public static final class ExitsWithTheDatabaseOpen {
        public static void main(String[] args) {
            EmbeddedDatabase database = EmbeddedDatabase.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "closes-the-database"));
            System.out.println("started on port " + database.port());
        }
    }
}
