package dev.phylo.cli.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shells the script tests run scripts/*.sh under: the {@code bash} on PATH, and, when the environment variable
 * {@value #OLD_BASH_ENV} names one, an old bash (3.2 is what macOS ships). Cases under the old bash are skipped, with
 * the reason, when it is not set. Also installs the stub CLIs from {@code src/test/resources/scripts}.
 */
final class Shells {

    static final String OLD_BASH_ENV = "PHYLO_TEST_OLD_BASH";
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private Shells() {}

    /** A shell to run a script with; {@code executable} is null for an old bash that was not configured. */
    record Shell(String label, String executable) {
        @Override
        public String toString() {
            return label;
        }

        /** Skips the calling test when this is the old bash and none is configured; checks that it is old. */
        String command() throws Exception {
            Assumptions.assumeTrue(
                    executable != null,
                    OLD_BASH_ENV + " is not set, so this case did not run under an old bash: set it to a bash 3.2"
                            + " binary (macOS /bin/bash, or one built from GNU bash 3.2 sources) to run it there too");
            if (!executable.equals("bash")) {
                String version = version(executable);
                assertThat(isBefore44(version))
                        .as(
                                "%s=%s is bash %s; the old-bash cases need one before 4.4 (empty arrays under set -u)",
                                OLD_BASH_ENV, executable, version)
                        .isTrue();
            }
            return executable;
        }
    }

    /** The bash on PATH, then the old bash (maybe unconfigured): the source of parameterized script tests. */
    static Stream<Shell> shells() {
        return Stream.of(new Shell("bash", "bash"), new Shell("old bash", System.getenv(OLD_BASH_ENV)));
    }

    record Run(int exit, String out) {}

    /**
     * Runs {@code shell script args} in {@code dir} with a clean environment (no NEON_*, AWS_*, PG*, PHYLO_STACK) plus
     * {@code env}; {@code path} replaces PATH when not null. stdin is closed (not a terminal).
     */
    static Run run(Shell shell, Path dir, Map<String, String> env, String path, String script, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(shell.command(), script));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("NEON_")
                        || k.startsWith("AWS_")
                        || k.startsWith("PG")
                        || k.startsWith("STUB_")
                        || k.equals("PHYLO_STACK"));
        if (path != null) {
            pb.environment().put("PATH", path);
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished: %s", out).isTrue();
        return new Run(p.exitValue(), out);
    }

    /** Copies src/test/resources/scripts/stub-NAME.sh to bin/NAME, executable. */
    static void installStubs(Path bin, String... names) throws IOException {
        Files.createDirectories(bin);
        for (String name : names) {
            try (InputStream in = Shells.class.getResourceAsStream("/scripts/stub-" + name + ".sh")) {
                assertThat(in).as("stub-%s.sh on the test classpath", name).isNotNull();
                Path target = bin.resolve(name);
                Files.write(target, in.readAllBytes());
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    /** PATH with bin first, then this JVM's PATH. */
    static String pathWith(Path bin) {
        return bin + ":" + System.getenv("PATH");
    }

    static String line(String out, String startsWith) {
        return out.lines()
                .filter(l -> l.startsWith(startsWith))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + startsWith + "' in:\n" + out));
    }

    static Path which(String tool) throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toRealPath();
            }
        }
        return null;
    }

    private static String version(String executable) throws Exception {
        Process p = new ProcessBuilder(executable, "-c", "echo $BASH_VERSION")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** "3.2.57(1)-release" and "4.3.48(1)-release" are before 4.4; "4.4.20(1)-release" and "5.2.15(1)-release" not. */
    static boolean isBefore44(String bashVersion) {
        String[] parts = bashVersion.split("[.(]");
        if (parts.length < 2 || !parts[0].matches("\\d+") || !parts[1].matches("\\d+")) {
            return false;
        }
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major < 4 || (major == 4 && minor < 4);
    }
}
