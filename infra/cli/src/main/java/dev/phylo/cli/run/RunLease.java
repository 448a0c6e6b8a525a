package dev.phylo.cli.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * The mark a local runner leaves while it drives a run: {@code .phylo/leases/<run id>}, holding the runner's process
 * id and start time (so a recycled process id is not mistaken for it). The runner removes it when the run ends, also on
 * Ctrl-C; a runner killed with SIGKILL cannot, so a lease whose process is gone marks its run interrupted, which
 * {@code phylo runs} shows and {@code phylo run --resume} continues. Only this machine's runs have leases: a run
 * driven by Step Functions or another machine shows the status its row has.
 */
final class RunLease implements AutoCloseable {

    private final Path file;
    private final String holder;

    private RunLease(Path file, String holder) {
        this.file = file;
        this.holder = holder;
    }

    /** Takes run {@code runId}'s lease for this process; refuses when a live process holds it. */
    static RunLease take(Path leases, String runId) {
        Path file = leases.resolve(runId);
        Optional<String> current = read(file);
        if (current.isPresent() && alive(current.get()) && !current.get().equals(self())) {
            throw new IllegalStateException("run " + runId + " is being run by another phylo process (" + current.get()
                    + ", lease " + file + "); wait for it or stop it first");
        }
        String holder = self();
        try {
            Files.createDirectories(leases);
            Path temp = Files.createTempFile(leases, "." + runId, ".tmp");
            Files.writeString(temp, holder + "\n");
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the lease " + file, e);
        }
        return new RunLease(file, holder);
    }

    /** Whether run {@code runId} was left by a runner that is gone (its lease remains, its process does not). */
    static boolean interrupted(Path leases, String runId) {
        return read(leases.resolve(runId)).filter(h -> !alive(h)).isPresent();
    }

    /** The live process holding run {@code runId}'s lease, if any ({@code pid N started T}). */
    static Optional<String> liveHolder(Path leases, String runId) {
        return read(leases.resolve(runId)).filter(RunLease::alive);
    }

    /** Whether this machine's runner ever held run {@code runId}'s lease and has not released it. */
    static boolean exists(Path leases, String runId) {
        return Files.exists(leases.resolve(runId));
    }

    /** Releases the lease if it is still this process's. */
    @Override
    public void close() {
        if (read(file).filter(holder::equals).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not remove the lease " + file, e);
            }
        }
    }

    private static String self() {
        return describe(ProcessHandle.current());
    }

    private static String describe(ProcessHandle process) {
        return "pid " + process.pid() + " started "
                + process.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static boolean alive(String holder) {
        String[] parts = holder.split(" ");
        if (parts.length != 4 || !parts[1].matches("[0-9]{1,10}")) {
            return false;
        }
        return ProcessHandle.of(Long.parseLong(parts[1]))
                .filter(ProcessHandle::isAlive)
                .map(RunLease::describe)
                .filter(holder::equals)
                .isPresent();
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the lease " + file, e);
        }
    }
}
