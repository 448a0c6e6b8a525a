package dev.phylo.postgres.internal;

import dev.phylo.postgres.EmbeddedDatabaseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the JDK's own {@code keytool}: no third-party crypto library is needed to make test certificates. */
final class Keytool {

    /** keytool is a short-lived JVM; C1 only and the serial collector make each call start faster. */
    private static final List<String> FAST_JVM = List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC");

    private final Path executable;
    private final Path workDir;

    Keytool(Path workDir) {
        this.executable = Path.of(System.getProperty("java.home"), "bin", "keytool");
        this.workDir = workDir;
    }

    /** Runs {@code keytool args...} in the working directory; fails with keytool's output if it exits non-zero. */
    void run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(List.of(args));
        command.addAll(FAST_JVM);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            int exitCode = process.waitFor();
            if (exitCode != 0) {
                throw new EmbeddedDatabaseException("keytool " + args[0] + " failed with exit code " + exitCode + ": "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("cannot run " + executable + " " + args[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("interrupted while running keytool " + args[0], e);
        }
    }
}
