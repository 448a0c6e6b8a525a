package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionListener;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.ExecutionResult;
import dev.phylo.stepfunctions.ExecutionStatus;
import dev.phylo.stepfunctions.HistoryEvent;
import dev.phylo.stepfunctions.PayloadSize;
import dev.phylo.stepfunctions.StateMachine;
import dev.phylo.stepfunctions.TaskInvoker;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one execution of a parsed state machine: starts it on its own thread, ends it when its TimeoutSeconds pass or
 * it is aborted, and owns its thread pools. The states are run by {@link Interpreter}; the events and the result are
 * kept by {@link History}. Thread-safe; one instance per execution.
 */
public final class Engine {

    public static final String REGION = "local";
    public static final String ACCOUNT = "000000000000";
    static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/phylo-local-runner";

    private final Model.Machine machine;
    private final String smArn;
    private final String execName;
    private final String execArn;
    private final JsonNode input;

    private final CancelToken root = CancelToken.root();
    private final History history;
    private final ExecutorService workers;
    private final ScheduledThreadPoolExecutor timers;
    private final Run mainRun;
    private final Interpreter interpreter;

    public Engine(
            Model.Machine machine,
            String smName,
            String executionName,
            JsonNode input,
            TaskInvoker invoker,
            ExecutionListener listener,
            ExecutionOptions opts) {
        this.machine = machine;
        this.smArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + smName;
        this.execName = executionName;
        this.execArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + smName + ":" + executionName;
        this.input = input;
        this.history = new History(listener, opts.clock(), root);
        AtomicInteger n = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "asl-" + executionName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.workers = Executors.newCachedThreadPool(tf);
        this.timers = new ScheduledThreadPoolExecutor(1, tf);
        this.timers.setRemoveOnCancelPolicy(true);
        this.mainRun = new Run(execName, execArn, input, Events.iso(opts.clock().instant()), history::record);
        this.interpreter = new Interpreter(opts, smName, smArn, execName, invoker, workers, timers, (name, in) -> {
            StateMachine.checkExecutionName(name);
            Engine child = new Engine(machine, smName, name, in, invoker, ExecutionListener.NONE, opts);
            child.start();
            return child;
        });
    }

    public String executionArn() {
        return execArn;
    }

    public String stateMachineArn() {
        return smArn;
    }

    public ExecutionStatus status() {
        return history.status();
    }

    public CompletableFuture<ExecutionResult> result() {
        return history.result();
    }

    public List<HistoryEvent> history() {
        return history.events();
    }

    public PayloadSize largestPayload() {
        return interpreter.largestPayload();
    }

    /** Starts the execution on its own thread. */
    public void start() {
        Thread t = new Thread(this::run, "asl-" + execName);
        t.setDaemon(true);
        if (machine.timeoutSeconds() != null) {
            int secs = machine.timeoutSeconds();
            timers.schedule(
                    () -> {
                        String cause = "The execution ran longer than its TimeoutSeconds (" + secs + " s)";
                        if (history.finish(
                                ExecutionStatus.TIMED_OUT,
                                null,
                                "ExecutionTimedOut",
                                Events.errorDetails(StatesError.TIMEOUT, cause),
                                null,
                                StatesError.TIMEOUT,
                                cause)) {
                            root.cancel(CancelToken.Kind.TIMEOUT, cause);
                        }
                    },
                    secs,
                    TimeUnit.SECONDS);
        }
        t.start();
    }

    public void abort(String reason) {
        String cause = reason == null ? "" : reason;
        ObjectNode d = Json.NODES.objectNode();
        d.put("cause", cause);
        if (history.finish(ExecutionStatus.ABORTED, null, "ExecutionAborted", d, null, null, cause)) {
            root.cancel(CancelToken.Kind.ABORT, cause);
        }
    }

    private void run() {
        Frame f = new Frame(mainRun, root, new Cursor(0), "");
        root.enter();
        try {
            ObjectNode started = Events.data(Json.NODES.objectNode(), "input", input);
            started.put("roleArn", ROLE_ARN);
            f.record("ExecutionStarted", started);
            interpreter.checkSize(input, null, "execution input");
            JsonNode out = interpreter.runBranch(machine.root(), input, f);
            history.finish(
                    ExecutionStatus.SUCCEEDED,
                    f.cursor,
                    "ExecutionSucceeded",
                    Events.data(Json.NODES.objectNode(), "output", out),
                    out,
                    null,
                    null);
        } catch (StatesError e) {
            history.finish(
                    ExecutionStatus.FAILED,
                    f.cursor,
                    "ExecutionFailed",
                    Events.errorDetails(e.error(), e.cause()),
                    null,
                    e.error(),
                    e.cause());
        } catch (CancelToken.Cancelled c) {
            // whoever cancelled has already finished the execution; this is a fallback
            history.finish(
                    ExecutionStatus.ABORTED,
                    f.cursor,
                    "ExecutionAborted",
                    Events.errorDetails(null, c.reason.message),
                    null,
                    null,
                    c.reason.message);
        } catch (RuntimeException | Error t) {
            String cause = "internal error of the local runner: " + t;
            history.finish(
                    ExecutionStatus.FAILED,
                    f.cursor,
                    "ExecutionFailed",
                    Events.errorDetails(StatesError.RUNTIME, cause),
                    null,
                    StatesError.RUNTIME,
                    cause);
        } finally {
            root.leave();
            timers.shutdownNow();
            workers.shutdownNow();
        }
    }
}
