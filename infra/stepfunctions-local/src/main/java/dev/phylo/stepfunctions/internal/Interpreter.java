package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.PayloadSize;
import dev.phylo.stepfunctions.TaskInvoker;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.BiFunction;

/**
 * The state loop of one execution: runs a branch state by state, records each state's entered and exited events,
 * enforces the payload limit, builds the context object and sleeps. Each state type is run by {@link SimpleStates},
 * {@link TaskStates}, {@link ParallelStates} or {@link MapStates}; Task, Parallel and Map under {@link ErrorHandler}.
 */
final class Interpreter {

    private final ExecutionOptions opts;
    private final String smName;
    private final String smArn;
    private final SimpleStates simpleStates;
    private final TaskStates taskStates;
    private final ErrorHandler errorHandler;
    private final ParallelStates parallelStates;
    private final MapStates mapStates;
    private volatile PayloadSize largest = PayloadSize.NONE;

    Interpreter(
            ExecutionOptions opts,
            String smName,
            String smArn,
            String execName,
            TaskInvoker invoker,
            ExecutorService workers,
            ScheduledThreadPoolExecutor timers,
            BiFunction<String, JsonNode, Engine> startChild) {
        this.opts = opts;
        this.smName = smName;
        this.smArn = smArn;
        this.simpleStates = new SimpleStates(this);
        this.taskStates = new TaskStates(this, invoker, new ChildExecutions(this, smArn, startChild));
        this.errorHandler = new ErrorHandler(this);
        FanOut fanOut = new FanOut(workers);
        this.parallelStates = new ParallelStates(this, fanOut);
        this.mapStates = new MapStates(this, fanOut, new DistributedMap(this, fanOut, timers, smName, execName));
    }

    ExecutionOptions options() {
        return opts;
    }

    /** Runs a branch from its StartAt to its end; returns the last state's output. */
    JsonNode runBranch(Model.Branch b, JsonNode in, Frame f) {
        String name = b.startAt();
        JsonNode data = in;
        while (true) {
            f.token.check();
            Model.State s = b.states().get(name);
            Transition t = runState(s, data, f);
            if (t.next() == null) {
                return t.output();
            }
            name = t.next();
            data = t.output();
        }
    }

    private Transition runState(Model.State s, JsonNode raw, Frame f) {
        Instant entered = opts.clock().instant();
        ObjectNode d = Json.NODES.objectNode();
        d.put("name", s.name());
        f.record(s.type() + "StateEntered", Events.data(d, "input", raw));
        checkSize(raw, s.name(), "state input");
        return switch (s.type()) {
            case "Pass" -> simpleStates.pass((Model.PassState) s, raw, f, entered);
            case "Task" ->
                errorHandler.run(
                        (Model.TaskState) s,
                        raw,
                        f,
                        rc -> taskStates.attempt((Model.TaskState) s, raw, f, entered, rc));
            case "Choice" -> simpleStates.choice((Model.ChoiceState) s, raw, f, entered);
            case "Wait" -> simpleStates.waitState((Model.WaitState) s, raw, f, entered);
            case "Succeed" -> simpleStates.succeed(s, raw, f, entered);
            case "Fail" -> throw simpleStates.fail((Model.FailState) s, raw, f, entered);
            case "Parallel" ->
                errorHandler.run(
                        (Model.ActionState) s,
                        raw,
                        f,
                        rc -> parallelStates.run((Model.ParallelState) s, raw, f, entered, rc));
            case "Map" ->
                errorHandler.run(
                        (Model.ActionState) s, raw, f, rc -> mapStates.run((Model.MapState) s, raw, f, entered, rc));
            default -> throw new IllegalStateException("unknown state type " + s.type());
        };
    }

    /** Ends a state: checks the size of its output and records its exited event. */
    Transition exit(Model.State s, JsonNode out, Frame f) {
        checkSize(out, s.name(), "state output");
        ObjectNode d = Json.NODES.objectNode();
        d.put("name", s.name());
        f.record(s.type() + "StateExited", Events.data(d, "output", out));
        return new Transition(s.end() ? null : s.next(), out);
    }

    /**
     * Fails with {@code States.DataLimitExceeded} when {@code node} is larger than the payload limit: 256 KiB on AWS,
     * "Maximum input or output size for a task, state, or execution"
     * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html).
     */
    void checkSize(JsonNode node, String stateName, String what) {
        checkSize(node, stateName, what, "");
    }

    /**
     * Fails with {@code States.DataLimitExceeded} when the results a Map or Parallel state collected are larger than
     * the payload limit. Without a ResultWriter, Step Functions gathers the outputs of the iterations, branches or
     * child executions into one array (the COMPACT transformation,
     * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html), which is held to the
     * payload quota before ResultSelector and ResultPath apply: {@code "ResultPath": null} does not save a state whose
     * children return too much.
     */
    void checkCollectedResults(JsonNode results, String stateName, String hint) {
        checkSize(results, stateName, "array of the " + results.size() + " collected results", hint);
    }

    private void checkSize(JsonNode node, String stateName, String what, String hint) {
        int size = Json.utf8Size(node);
        if (size > largest.bytes()) {
            synchronized (this) {
                if (size > largest.bytes()) {
                    largest = new PayloadSize(
                            size, (stateName == null ? "" : "state \"" + stateName + "\": ") + "the " + what);
                }
            }
        }
        if (size > opts.maxPayloadBytes()) {
            throw new StatesError(
                    StatesError.DATA_LIMIT_EXCEEDED,
                    (stateName == null ? "" : "state \"" + stateName + "\": ") + "the " + what + " is " + size
                            + " bytes, more than the maximum payload size of " + opts.maxPayloadBytes() + " bytes"
                            + hint);
        }
    }

    /** The largest payload checked so far. */
    PayloadSize largestPayload() {
        return largest;
    }

    /** The context object ({@code $$}) of a state of the frame's run. */
    JsonNode context(Frame f, Model.State s, Instant entered, int retryCount) {
        ObjectNode c = Json.NODES.objectNode();
        ObjectNode ex = c.putObject("Execution");
        ex.put("Id", f.run.arn());
        ex.set("Input", f.run.input());
        ex.put("Name", f.run.name());
        ex.put("RoleArn", Engine.ROLE_ARN);
        ex.put("StartTime", f.run.startTime());
        ObjectNode st = c.putObject("State");
        st.put("EnteredTime", Events.iso(entered));
        st.put("Name", s.name());
        st.put("RetryCount", retryCount);
        ObjectNode sm = c.putObject("StateMachine");
        sm.put("Id", smArn);
        sm.put("Name", smName);
        return c;
    }

    /** Sleeps through the execution's sleeper; cancelling the frame's token ends the sleep. */
    void sleep(Frame f, Duration d) {
        f.token.check();
        try {
            opts.sleeper().sleep(d);
        } catch (InterruptedException e) {
            f.token.check();
        }
        f.token.check();
    }
}
