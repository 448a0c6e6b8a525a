package dev.phylo.lambda.internal;

import dev.phylo.lambda.FunctionLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Drains a function process's output (stdout and stderr merged) on a daemon thread: each line goes to the
 * {@link FunctionLog} and to a bounded in-memory tail that error messages quote.
 */
final class OutputCapture {

    private static final int TAIL_KEPT = 200;
    private static final int TAIL_IN_MESSAGES = 25;
    private static final int LINE_IN_MESSAGES = 500;

    private final Process process;
    private final String instanceName;
    private final FunctionLog log;
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread pump;

    private OutputCapture(Process process, String instanceName, FunctionLog log) {
        this.process = process;
        this.instanceName = instanceName;
        this.log = log;
        this.pump = new Thread(this::pumpOutput, "lambda-output-" + instanceName);
        pump.setDaemon(true);
    }

    /** Starts draining {@code process}; lines are logged tagged {@code instanceName}. */
    static OutputCapture start(Process process, String instanceName, FunctionLog log) {
        OutputCapture capture = new OutputCapture(process, instanceName, log);
        capture.pump.start();
        return capture;
    }

    /** The last output lines (at most 200), oldest first. */
    List<String> lines() {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** Waits up to {@code millis} for the output to be drained (the process has closed its end). */
    void awaitDrained(long millis) throws InterruptedException {
        pump.join(millis);
    }

    /** The last 25 lines (each cut at 500 characters) as a paragraph to append to an error message. */
    String excerpt() {
        List<String> lines = lines();
        if (lines.isEmpty()) {
            return "\n(no output from " + instanceName + ")";
        }
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_IN_MESSAGES), lines.size());
        StringBuilder sb = new StringBuilder("\nLast output of ")
                .append(instanceName)
                .append(" (pid ")
                .append(process.pid())
                .append("):");
        for (String line : last) {
            sb.append("\n  ")
                    .append(line.length() > LINE_IN_MESSAGES ? line.substring(0, LINE_IN_MESSAGES) + "…" : line);
        }
        return sb.toString();
    }

    private void pumpOutput() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                synchronized (tail) {
                    if (tail.size() == TAIL_KEPT) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
                log.line(instanceName, line);
            }
        } catch (IOException e) {
            // The JDK may close the pipe under a blocked read as the process exits ("Stream closed"): like
            // end-of-stream, this means the output is over, which the exit handling waits for.
        }
    }
}
