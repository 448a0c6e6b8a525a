package dev.phylo.postgres.internal;

import dev.phylo.postgres.EmbeddedDatabaseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A kept data directory's server left running by a process that died without stopping it (the CLI killed with
 * SIGKILL): the server keeps the directory's {@code postmaster.pid}, so a new one cannot start there. The process that
 * starts a server holds the directory's {@code epg-lock} file lock for as long as it lives, so a server whose lock can
 * be taken has no owner: it is stopped (fast shutdown, which rolls back its sessions' open transactions) before a new
 * one starts. A server whose lock is held belongs to a live process and is left alone.
 */
public final class OrphanedServer {

    static final String LOCK_FILE = "epg-lock";
    static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private OrphanedServer() {}

    /**
     * Stops the server running on {@code dataDir} if no live process owns it; refuses, naming the directory, when
     * one does. Returns the stopped server's process id, if there was one.
     */
    public static Optional<Long> stopIfOrphaned(Path dataDir) {
        Optional<Long> pid = runningServer(dataDir);
        if (pid.isEmpty()) {
            return Optional.empty();
        }
        Path lockFile = dataDir.resolve(LOCK_FILE);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new EmbeddedDatabaseException(
                        "the embedded PostgreSQL in " + dataDir + " (server process " + pid.get() + ") is in use by "
                                + "another running phylo command; wait for it, or give this one its own database "
                                + "(--database-url)");
            }
            try (lock) {
                stop(pid.get(), dataDir);
                return pid;
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("could not check the lock file " + lockFile, e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM already runs a server on the directory
        }
    }

    /** The process id in {@code postmaster.pid}, when that process is alive. */
    static Optional<Long> runningServer(Path dataDir) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDir.resolve(PID_FILE));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("could not read " + dataDir.resolve(PID_FILE), e);
        }
        if (lines.isEmpty() || !lines.get(0).strip().matches("[0-9]{1,10}")) {
            return Optional.empty(); // being written or rewritten: PostgreSQL itself decides when it starts
        }
        long pid = Long.parseLong(lines.get(0).strip());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
    }

    /**
     * SIGINT asks the postmaster for a fast shutdown (sessions end, open transactions roll back, a checkpoint is
     * written); SIGKILL only if it has not exited within a minute, which PostgreSQL recovers from by replaying its WAL.
     */
    private static void stop(long pid, Path dataDir) throws IOException {
        ProcessHandle server = ProcessHandle.of(pid).orElse(null);
        if (server == null) {
            return;
        }
        try {
            int rc = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
            if (rc == 0) {
                server.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (TimeoutException e) {
            server.destroyForcibly();
        } catch (ExecutionException e) {
            throw new EmbeddedDatabaseException("could not stop the orphaned server " + pid + " of " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException(
                    "interrupted stopping the orphaned server " + pid + " of " + dataDir, e);
        }
        if (server.isAlive()) {
            server.onExit().join();
        }
    }
}
