package dev.phylo.function;

import java.util.Map;
import java.util.Optional;

/**
 * On one machine ({@code phylo run}), a function process ends when the runner that started it ends, even when the
 * runner is killed with SIGKILL and cannot stop it: the runner names itself in {@code PHYLO_LOCAL_RUNNER_PID}, and a
 * watcher halts this process once that process is gone. Otherwise the orphan would keep polling a runtime API that no
 * longer exists while holding its database connections. On Lambda the variable is never set and nothing is watched.
 */
final class RunnerWatch {

    static final String RUNNER_PID = "PHYLO_LOCAL_RUNNER_PID";

    private RunnerWatch() {}

    /** Starts watching the runner named in {@code environment}; returns the runner, or empty when there is none. */
    static Optional<ProcessHandle> start(Map<String, String> environment, Runnable onRunnerGone) {
        String pid = environment.get(RUNNER_PID);
        if (pid == null || !pid.matches("[0-9]{1,10}")) {
            return Optional.empty();
        }
        Optional<ProcessHandle> runner = ProcessHandle.of(Long.parseLong(pid));
        if (runner.isEmpty() || !runner.get().isAlive()) {
            onRunnerGone.run();
            return runner;
        }
        runner.get().onExit().thenRun(onRunnerGone);
        return runner;
    }
}
