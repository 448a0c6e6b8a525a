package dev.phylo.lambda;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * Where a function's processes write their output: one file per function (every process appends, each line tagged
 * {@code [name#n]} with the process's instance number) and, for {@code --debug}, a {@code Consumer<String>} that gets
 * the same tagged lines. Thread-safe; lines are flushed as they come so the file can be tailed.
 */
public final class FunctionLog implements AutoCloseable {

    private final Path file;
    private final BufferedWriter writer;
    private final Consumer<String> forward;
    private boolean writeFailed;

    private FunctionLog(Path file, Consumer<String> forward) throws IOException {
        this.file = file;
        this.forward = forward == null ? line -> {} : forward;
        if (file != null) {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.writer = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } else {
            this.writer = null;
        }
    }

    /** Appends to {@code file} (created with its directories) and forwards to {@code forward} (may be null). */
    public static FunctionLog open(Path file, Consumer<String> forward) {
        try {
            return new FunctionLog(file, forward);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open function log " + file, e);
        }
    }

    /** No file; lines only go to {@code forward} (may be null: dropped). */
    public static FunctionLog forwardingOnly(Consumer<String> forward) {
        return open(null, forward);
    }

    /** The log file, or null. */
    public Path file() {
        return file;
    }

    /** One output line of process {@code source} (e.g. {@code evaluate#2}). */
    public void line(String source, String text) {
        String tagged = "[" + source + "] " + text;
        synchronized (this) {
            if (writer != null && !writeFailed) {
                try {
                    writer.write(tagged);
                    writer.newLine();
                    writer.flush();
                } catch (IOException e) {
                    writeFailed = true; // keep the process running; the forwarder and the in-memory tail still work
                }
            }
        }
        try {
            forward.accept(tagged);
        } catch (RuntimeException e) {
            // a broken console must not kill the pump
        }
    }

    @Override
    public synchronized void close() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
