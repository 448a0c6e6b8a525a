package dev.phylo.testkit.internal;

import dev.phylo.testkit.MotoServer;
import dev.phylo.testkit.MotoUnavailableException;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A {@code moto_server} child process on a free loopback port, stopped when the JVM exits. */
public final class MotoProcess {

    private static final String EXECUTABLE = "moto_server";
    private static final String HOST = "127.0.0.1";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final String url;

    private MotoProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    public String url() {
        return url;
    }

    /** Starts {@code moto_server -H 127.0.0.1 -p <free port>} and waits until it answers HTTP. */
    public static MotoProcess start() {
        Path executable = findOnPath()
                .orElseThrow(() -> new MotoUnavailableException(EXECUTABLE
                        + " is not on the PATH and " + MotoServer.URL_ENV + " is not set. Install moto with "
                        + "'pip install \"moto[server]\"' or start one ('moto_server -H 127.0.0.1 -p 5000') and set "
                        + MotoServer.URL_ENV + "=http://127.0.0.1:5000"));
        int port = freePort();
        Path log = createLog();
        Process process;
        try {
            process = new ProcessBuilder(executable.toString(), "-H", HOST, "-p", Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new MotoUnavailableException("cannot start " + executable, e);
        }
        MotoProcess moto = new MotoProcess(process, "http://" + HOST + ":" + port);
        Runtime.getRuntime().addShutdownHook(new Thread(moto::stop, "moto-server-stop"));
        moto.awaitReady(log);
        return moto;
    }

    private void awaitReady(Path log) {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url + "/moto-api/"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        IOException lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new MotoUnavailableException(EXECUTABLE + " exited with code " + process.exitValue()
                        + " before answering on " + url + "; its output:\n" + read(log));
            }
            try {
                client.send(probe, HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                lastFailure = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new MotoUnavailableException("interrupted while waiting for " + EXECUTABLE, e);
            }
            sleep(100);
        }
        stop();
        throw new MotoUnavailableException(
                EXECUTABLE + " did not answer on " + url + " within " + STARTUP_TIMEOUT.toSeconds()
                        + " s; its output:\n" + read(log),
                lastFailure);
    }

    private void stop() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                children.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Optional<Path> findOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, EXECUTABLE);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new MotoUnavailableException("cannot find a free port for " + EXECUTABLE, e);
        }
    }

    private static Path createLog() {
        try {
            Path log = Files.createTempFile("moto-server-", ".log");
            log.toFile().deleteOnExit();
            return log;
        } catch (IOException e) {
            throw new MotoUnavailableException("cannot create a log file for " + EXECUTABLE, e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoUnavailableException("interrupted while waiting for " + EXECUTABLE, e);
        }
    }
}
