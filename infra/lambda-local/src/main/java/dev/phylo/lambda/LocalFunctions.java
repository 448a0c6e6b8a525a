package dev.phylo.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The functions of one local run, by name. Each gets a log file {@code <logDir>/<name>.log}; every output line is
 * also handed to {@code output} (for {@code --debug}; null to drop). {@link #close()} stops every process of every
 * function together: SIGTERM to all, a shared grace period, then SIGKILL; {@link #closeOnShutdown()} ties that to
 * JVM shutdown (Ctrl-C).
 */
public final class LocalFunctions implements AutoCloseable {

    private final Path logDir;
    private final RicClasspath ric;
    private final Consumer<String> output;
    private final Duration grace;
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private Thread shutdownHook;
    private boolean closed;

    /**
     * @param logDir where {@code <name>.log} files go (null: no files)
     * @param ric    the RIC classpath for JVM functions; null means {@link RicClasspath#detect()} on first need
     * @param output gets every process output line, tagged {@code [name#n]} (null: dropped)
     */
    public LocalFunctions(Path logDir, RicClasspath ric, Consumer<String> output) {
        this(logDir, ric, output, FunctionProcess.DEFAULT_GRACE);
    }

    public LocalFunctions(Path logDir, RicClasspath ric, Consumer<String> output, Duration grace) {
        this.logDir = logDir;
        this.ric = ric;
        this.output = output;
        this.grace = Objects.requireNonNull(grace, "grace");
    }

    /**
     * Registers {@code config} (processes start lazily; see {@link LocalFunction#prewarm}).
     *
     * @throws IllegalArgumentException if a function of that name exists
     */
    public synchronized LocalFunction start(FunctionConfig config) {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        if (functions.containsKey(config.name())) {
            throw new IllegalArgumentException("function already started: " + config.name());
        }
        RicClasspath classpath = config.artifact() instanceof FunctionArtifact.Jvm ? ric() : ric;
        FunctionLog log = FunctionLog.open(logDir == null ? null : logDir.resolve(config.name() + ".log"), output);
        LocalFunction function = new LocalFunction(config, classpath, log, true);
        functions.put(config.name(), function);
        return function;
    }

    public synchronized Optional<LocalFunction> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    /** @throws NoSuchElementException if there is no such function */
    public LocalFunction get(String name) {
        return find(name)
                .orElseThrow(
                        () -> new NoSuchElementException("no local function named " + name + "; known: " + names()));
    }

    public synchronized List<String> names() {
        return List.copyOf(functions.keySet());
    }

    public synchronized Collection<LocalFunction> functions() {
        return List.copyOf(functions.values());
    }

    /** Shorthand for {@code get(name).invoke(payload)} (the function's configured timeout). */
    public InvocationResult invoke(String name, String payload) {
        return get(name).invoke(payload);
    }

    /** The pids of every live function process. */
    public List<Long> processIds() {
        List<Long> pids = new ArrayList<>();
        functions().forEach(f -> pids.addAll(f.processIds()));
        return pids;
    }

    /** Stops every process of every function (SIGTERM, shared grace period, SIGKILL) and waits until all are gone. */
    @Override
    public void close() {
        List<LocalFunction> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(functions.values());
            if (shutdownHook != null && !Thread.currentThread().equals(shutdownHook)) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
        }
        List<FunctionProcess> processes = new ArrayList<>();
        for (LocalFunction f : all) {
            processes.addAll(f.beginClose());
        }
        FunctionProcess.stopAll(processes, grace);
        all.forEach(LocalFunction::finishClose);
    }

    /** Registers a JVM shutdown hook that calls {@link #close()} (Ctrl-C, SIGTERM). Idempotent. */
    public synchronized LocalFunctions closeOnShutdown() {
        if (shutdownHook == null && !closed) {
            shutdownHook = new Thread(this::close, "phylo-lambda-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    private RicClasspath ric() {
        return ric != null ? ric : RicClasspath.detect();
    }
}
