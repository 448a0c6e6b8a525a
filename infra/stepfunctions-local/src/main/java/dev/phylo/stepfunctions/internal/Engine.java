package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionListener;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.ExecutionResult;
import dev.phylo.stepfunctions.ExecutionStatus;
import dev.phylo.stepfunctions.HistoryEvent;
import dev.phylo.stepfunctions.TaskFailedException;
import dev.phylo.stepfunctions.TaskInvoker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one execution of a parsed state machine: the state loop, Pass/Choice/Wait/Fail/Task, Retry and Catch, and the
 * execution history. The states that fan out (Parallel, Map) are in {@link MapStates}. Thread-safe; one instance per
 * execution.
 */
public final class Engine {
  /** Step Functions' history quota for one execution (standard workflows). */
  public static final int HISTORY_EVENT_LIMIT = 25_000;
  /** EXPRESS child executions of a Distributed Map may run this long. */
  public static final Duration EXPRESS_DURATION_LIMIT = Duration.ofMinutes(5);
  /** Step Functions runs at most this many inline Map iterations at once. */
  public static final int INLINE_MAP_CONCURRENCY_LIMIT = 40;

  public static final String REGION = "local";
  public static final String ACCOUNT = "000000000000";
  private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/phylo-local-runner";

  private final Model.Machine machine;
  private final String smName;
  private final String smArn;
  private final String execName;
  private final String execArn;
  private final JsonNode input;
  private final TaskInvoker invoker;
  private final ExecutionListener listener;
  private final ExecutionOptions opts;

  private final CancelToken root = CancelToken.root();
  private final CompletableFuture<ExecutionResult> done = new CompletableFuture<>();
  private final Object lock = new Object();
  private final List<HistoryEvent> events = new ArrayList<>();
  private long lastEventId;
  private boolean closed;
  private volatile ExecutionStatus status = ExecutionStatus.RUNNING;

  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor timers;
  private final Run mainRun;
  private final MapStates mapStates;

  public Engine(
      Model.Machine machine,
      String smName,
      String executionName,
      JsonNode input,
      TaskInvoker invoker,
      ExecutionListener listener,
      ExecutionOptions opts) {
    this.machine = machine;
    this.smName = smName;
    this.smArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":stateMachine:" + smName;
    this.execName = executionName;
    this.execArn = "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + smName + ":" + executionName;
    this.input = input;
    this.invoker = invoker;
    this.listener = listener;
    this.opts = opts;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory tf =
        r -> {
          Thread t = new Thread(r, "asl-" + executionName + "-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.workers = Executors.newCachedThreadPool(tf);
    this.timers = new ScheduledThreadPoolExecutor(1, tf);
    this.timers.setRemoveOnCancelPolicy(true);
    this.mainRun = new Run(execName, execArn, input, iso(opts.clock().instant()), this::record);
    this.mapStates = new MapStates(this, workers, timers, opts, smName, execName);
  }

  public String executionArn() {
    return execArn;
  }

  public String stateMachineArn() {
    return smArn;
  }

  public ExecutionStatus status() {
    return status;
  }

  public CompletableFuture<ExecutionResult> result() {
    return done;
  }

  public List<HistoryEvent> history() {
    synchronized (lock) {
      return List.copyOf(events);
    }
  }

  /** Starts the execution on its own thread. */
  public void start() {
    Thread t = new Thread(this::run, "asl-" + execName);
    t.setDaemon(true);
    if (machine.timeoutSeconds != null) {
      int secs = machine.timeoutSeconds;
      timers.schedule(
          () -> {
            String cause = "The execution ran longer than its TimeoutSeconds (" + secs + " s)";
            if (finish(ExecutionStatus.TIMED_OUT, null, "ExecutionTimedOut",
                errorDetails(StatesError.TIMEOUT, cause), null, StatesError.TIMEOUT, cause)) {
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
    if (finish(ExecutionStatus.ABORTED, null, "ExecutionAborted", d, null, null, cause)) {
      root.cancel(CancelToken.Kind.ABORT, cause);
    }
  }

  // ------------------------------------------------------------------------------ history

  /** Per-branch pointer to the last event, for previousEventId. */
  static final class Cursor {
    long last;

    Cursor(long last) {
      this.last = last;
    }
  }

  /** Where a run's events go: the execution history, or nowhere (child executions). */
  interface Sink {
    void record(Cursor cursor, String type, ObjectNode details);
  }

  static final Sink DISCARD = (c, t, d) -> {};

  private void record(Cursor cursor, String type, ObjectNode details) {
    boolean overflow = false;
    synchronized (lock) {
      if (closed) {
        return;
      }
      if (events.size() >= HISTORY_EVENT_LIMIT - 1) {
        overflow = true;
      } else {
        append(cursor, type, details);
      }
    }
    if (overflow) {
      String cause =
          "The execution reached the maximum number of history events (" + HISTORY_EVENT_LIMIT
              + "); use a Distributed Map for large fan-outs";
      if (finish(ExecutionStatus.FAILED, null, "ExecutionFailed", errorDetails(StatesError.RUNTIME, cause), null,
          StatesError.RUNTIME, cause)) {
        root.cancel(CancelToken.Kind.ENDED, cause);
      }
    }
  }

  /** Caller holds the lock. */
  private void append(Cursor cursor, String type, ObjectNode details) {
    long id = ++lastEventId;
    long prev = cursor == null ? id - 1 : cursor.last;
    HistoryEvent e = new HistoryEvent(id, prev, opts.clock().instant(), type, details);
    events.add(e);
    if (cursor != null) {
      cursor.last = id;
    }
    try {
      listener.onEvent(e);
    } catch (RuntimeException ignored) {
      // a listener must not break the execution
    }
  }

  private boolean finish(
      ExecutionStatus st, Cursor cursor, String type, ObjectNode details, JsonNode output, String error, String cause) {
    synchronized (lock) {
      if (closed) {
        return false;
      }
      append(cursor, type, details);
      closed = true;
      status = st;
    }
    done.complete(new ExecutionResult(st, output, error, cause));
    return true;
  }

  static ObjectNode errorDetails(String error, String cause) {
    ObjectNode d = Json.NODES.objectNode();
    if (error != null) {
      d.put("error", error);
    }
    d.put("cause", cause == null ? "" : cause);
    return d;
  }

  static ObjectNode data(ObjectNode d, String field, JsonNode value) {
    String text = Json.write(value);
    boolean truncated = text.length() > HistoryEvent.MAX_DATA_CHARS;
    d.put(field, truncated ? text.substring(0, HistoryEvent.MAX_DATA_CHARS) : text);
    d.putObject(field + "Details").put("truncated", truncated);
    return d;
  }

  static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
  }

  // ---------------------------------------------------------------------------- execution

  /** The identity of an execution (the main one, or a Distributed Map child). */
  static final class Run {
    final String name;
    final String arn;
    final JsonNode input;
    final String startTime;
    final Sink sink;

    Run(String name, String arn, JsonNode input, String startTime, Sink sink) {
      this.name = name;
      this.arn = arn;
      this.input = input;
      this.startTime = startTime;
      this.sink = sink;
    }
  }

  /** A branch being run on one thread: its run, token, event cursor and replay scope. */
  static final class Frame implements Intrinsics.Env {
    final Run run;
    final CancelToken token;
    final Cursor cursor;
    final String scope;
    final AtomicLong seq = new AtomicLong();

    Frame(Run run, CancelToken token, Cursor cursor, String scope) {
      this.run = run;
      this.token = token;
      this.cursor = cursor;
      this.scope = scope;
    }

    @Override
    public byte[] nextDigest() {
      return Intrinsics.digest(run.name + "|" + scope + "|" + seq.getAndIncrement());
    }

    void record(String type, ObjectNode details) {
      run.sink.record(cursor, type, details);
    }
  }

  private void run() {
    Frame f = new Frame(mainRun, root, new Cursor(0), "");
    root.enter();
    try {
      ObjectNode started = data(Json.NODES.objectNode(), "input", input);
      started.put("roleArn", ROLE_ARN);
      f.record("ExecutionStarted", started);
      checkSize(input, null, "execution input");
      JsonNode out = runBranch(machine.root, input, f);
      finish(ExecutionStatus.SUCCEEDED, f.cursor, "ExecutionSucceeded", data(Json.NODES.objectNode(), "output", out),
          out, null, null);
    } catch (StatesError e) {
      finish(ExecutionStatus.FAILED, f.cursor, "ExecutionFailed", errorDetails(e.error(), e.cause()), null, e.error(),
          e.cause());
    } catch (CancelToken.Cancelled c) {
      // whoever cancelled has already finished the execution; this is a fallback
      finish(ExecutionStatus.ABORTED, f.cursor, "ExecutionAborted", errorDetails(null, c.reason.message), null, null,
          c.reason.message);
    } catch (RuntimeException | Error t) {
      String cause = "internal error of the local runner: " + t;
      finish(ExecutionStatus.FAILED, f.cursor, "ExecutionFailed", errorDetails(StatesError.RUNTIME, cause), null,
          StatesError.RUNTIME, cause);
    } finally {
      root.leave();
      timers.shutdownNow();
      workers.shutdownNow();
    }
  }

  /** Next state (null at the end of the branch) and the state's output. */
  private static final class Transition {
    final String next;
    final JsonNode output;

    Transition(String next, JsonNode output) {
      this.next = next;
      this.output = output;
    }
  }

  JsonNode runBranch(Model.Branch b, JsonNode in, Frame f) {
    String name = b.startAt;
    JsonNode data = in;
    while (true) {
      f.token.check();
      Model.State s = b.states.get(name);
      Transition t = runState(s, data, f);
      if (t.next == null) {
        return t.output;
      }
      name = t.next;
      data = t.output;
    }
  }

  private Transition runState(Model.State s, JsonNode raw, Frame f) {
    Instant entered = opts.clock().instant();
    ObjectNode d = Json.NODES.objectNode();
    d.put("name", s.name);
    f.record(s.type + "StateEntered", data(d, "input", raw));
    checkSize(raw, s.name, "state input");
    switch (s.type) {
      case "Pass":
        return pass((Model.PassState) s, raw, f, entered);
      case "Task":
        return task((Model.TaskState) s, raw, f, entered);
      case "Choice":
        return choice((Model.ChoiceState) s, raw, f, entered);
      case "Wait":
        return waitState((Model.WaitState) s, raw, f, entered);
      case "Succeed":
        {
          JsonNode ctx = context(f, s, entered, 0);
          return exit(s, outputPath(s, inputPath(s, raw, ctx), ctx), f);
        }
      case "Fail":
        throw fail((Model.FailState) s, raw, f, entered);
      case "Parallel":
        return withErrorHandling((Model.ActionState) s, raw, f,
            rc -> mapStates.parallel((Model.ParallelState) s, raw, f, entered, rc));
      case "Map":
        return withErrorHandling((Model.ActionState) s, raw, f,
            rc -> mapStates.map((Model.MapState) s, raw, f, entered, rc));
      default:
        throw new IllegalStateException("unknown state type " + s.type);
    }
  }

  private Transition exit(Model.State s, JsonNode out, Frame f) {
    checkSize(out, s.name, "state output");
    ObjectNode d = Json.NODES.objectNode();
    d.put("name", s.name);
    f.record(s.type + "StateExited", data(d, "output", out));
    return new Transition(s.end ? null : s.next, out);
  }

  private void checkSize(JsonNode node, String stateName, String what) {
    int size = Json.utf8Size(node);
    if (size > opts.maxPayloadBytes()) {
      throw new StatesError(
          StatesError.DATA_LIMIT_EXCEEDED,
          (stateName == null ? "" : "state \"" + stateName + "\": ") + "the " + what + " is " + size
              + " bytes, more than the maximum payload size of " + opts.maxPayloadBytes() + " bytes");
    }
  }

  JsonNode context(Frame f, Model.State s, Instant entered, int retryCount) {
    ObjectNode c = Json.NODES.objectNode();
    ObjectNode ex = c.putObject("Execution");
    ex.put("Id", f.run.arn);
    ex.set("Input", f.run.input);
    ex.put("Name", f.run.name);
    ex.put("RoleArn", ROLE_ARN);
    ex.put("StartTime", f.run.startTime);
    ObjectNode st = c.putObject("State");
    st.put("EnteredTime", iso(entered));
    st.put("Name", s.name);
    st.put("RetryCount", retryCount);
    ObjectNode sm = c.putObject("StateMachine");
    sm.put("Id", smArn);
    sm.put("Name", smName);
    return c;
  }

  private static StatesError pathMissing(Model.State s, String field, PathExpr p, JsonNode input, JsonNode ctx) {
    return StatesError.runtime(
        "state \"" + s.name + "\": field " + field + ": the JSONPath '" + p.text() + "' could not be found in the "
            + (p.isContext() ? "context object " + Json.abbreviate(ctx, 1024) : "input " + Json.abbreviate(input, 1024)));
  }

  static JsonNode read(Model.State s, String field, PathExpr p, JsonNode in, JsonNode ctx) {
    JsonNode v = p.read(in, ctx);
    if (v == null) {
      throw pathMissing(s, field, p, in, ctx);
    }
    return v;
  }

  static JsonNode inputPath(Model.State s, JsonNode raw, JsonNode ctx) {
    return s.inputPath == null ? Json.NODES.objectNode() : read(s, "InputPath", s.inputPath, raw, ctx);
  }

  static JsonNode outputPath(Model.State s, JsonNode out, JsonNode ctx) {
    return s.outputPath == null ? Json.NODES.objectNode() : read(s, "OutputPath", s.outputPath, out, ctx);
  }

  // -------------------------------------------------------------------- simple states

  private Transition pass(Model.PassState s, JsonNode raw, Frame f, Instant entered) {
    JsonNode ctx = context(f, s, entered, 0);
    JsonNode eff = inputPath(s, raw, ctx);
    if (s.parameters != null) {
      eff = s.parameters.evaluate(eff, ctx, f);
    }
    JsonNode result = s.result != null ? s.result : eff;
    JsonNode out = s.resultPath.apply(raw, result, s.name, "ResultPath");
    return exit(s, outputPath(s, out, ctx), f);
  }

  private Transition choice(Model.ChoiceState s, JsonNode raw, Frame f, Instant entered) {
    JsonNode ctx = context(f, s, entered, 0);
    JsonNode eff = inputPath(s, raw, ctx);
    String next = null;
    for (Choice.Rule r : s.choices) {
      if (r.cond.test(eff, ctx)) {
        next = r.next;
        break;
      }
    }
    if (next == null) {
      next = s.defaultNext;
    }
    if (next == null) {
      throw new StatesError(
          StatesError.NO_CHOICE_MATCHED,
          "state \"" + s.name + "\": no choice rule matched the input " + Json.abbreviate(eff, 1024)
              + " and there is no Default");
    }
    JsonNode out = outputPath(s, eff, ctx);
    checkSize(out, s.name, "state output");
    ObjectNode d = Json.NODES.objectNode();
    d.put("name", s.name);
    f.record("ChoiceStateExited", data(d, "output", out));
    return new Transition(next, out);
  }

  private Transition waitState(Model.WaitState s, JsonNode raw, Frame f, Instant entered) {
    JsonNode ctx = context(f, s, entered, 0);
    JsonNode eff = inputPath(s, raw, ctx);
    Duration wait;
    if (s.seconds != null) {
      wait = Duration.ofSeconds(s.seconds);
    } else if (s.secondsPath != null) {
      JsonNode v = read(s, "SecondsPath", s.secondsPath, eff, ctx);
      if (!v.isIntegralNumber() || v.longValue() < 0) {
        throw StatesError.runtime(
            "state \"" + s.name + "\": field SecondsPath: '" + s.secondsPath.text()
                + "' must select a non-negative integer but selected " + v);
      }
      wait = Duration.ofSeconds(v.longValue());
    } else {
      Instant until = s.timestamp;
      if (until == null) {
        JsonNode v = read(s, "TimestampPath", s.timestampPath, eff, ctx);
        until = v.isTextual() ? Choice.timestamp(v.textValue()) : null;
        if (until == null) {
          throw StatesError.runtime(
              "state \"" + s.name + "\": field TimestampPath: '" + s.timestampPath.text()
                  + "' must select an RFC 3339 timestamp but selected " + v);
        }
      }
      wait = Duration.between(opts.clock().instant(), until);
      if (wait.isNegative()) {
        wait = Duration.ZERO;
      }
    }
    sleep(f, wait);
    return exit(s, outputPath(s, eff, ctx), f);
  }

  private StatesError fail(Model.FailState s, JsonNode raw, Frame f, Instant entered) {
    JsonNode ctx = context(f, s, entered, 0);
    String error = s.error;
    String cause = s.cause;
    if (s.errorPath != null) {
      error = failText(s, "ErrorPath", s.errorPath.evaluate(raw, ctx, f));
    }
    if (s.causePath != null) {
      cause = failText(s, "CausePath", s.causePath.evaluate(raw, ctx, f));
    }
    return new StatesError(error, cause == null ? "" : cause);
  }

  private static String failText(Model.State s, String field, JsonNode v) {
    if (!v.isTextual()) {
      throw StatesError.runtime("state \"" + s.name + "\": field " + field + " must select a string but selected " + v);
    }
    return v.textValue();
  }

  private void sleep(Frame f, Duration d) {
    f.token.check();
    try {
      opts.sleeper().sleep(d);
    } catch (InterruptedException e) {
      f.token.check();
    }
    f.token.check();
  }

  // ------------------------------------------------------------------- retry and catch

  private interface Attempt {
    JsonNode run(int retryCount);
  }

  private Transition withErrorHandling(Model.ActionState s, JsonNode raw, Frame f, Attempt attempt) {
    int[] used = new int[s.retriers.size()];
    int retryCount = 0;
    while (true) {
      f.token.check();
      try {
        return exit(s, attempt.run(retryCount), f);
      } catch (StatesError e) {
        if (e.terminal()) {
          throw e;
        }
        int ri = matching(s.retriers, e);
        if (ri >= 0 && used[ri] < s.retriers.get(ri).maxAttempts) {
          Duration delay = backoff(s.retriers.get(ri), used[ri], f);
          used[ri]++;
          retryCount++;
          sleep(f, delay);
          continue;
        }
        for (Model.Catcher c : s.catchers) {
          if (matches(c.errorEquals, e)) {
            JsonNode out =
                c.resultPath.apply(raw, Json.errorOutput(e.error(), e.cause()), s.name, "Catch ResultPath");
            checkSize(out, s.name, "state output");
            ObjectNode d = Json.NODES.objectNode();
            d.put("name", s.name);
            f.record(s.type + "StateExited", data(d, "output", out));
            return new Transition(c.next, out);
          }
        }
        throw e;
      }
    }
  }

  private static boolean matches(List<String> names, StatesError e) {
    for (String n : names) {
      if (e.matches(n)) {
        return true;
      }
    }
    return false;
  }

  private static int matching(List<Model.Retrier> retriers, StatesError e) {
    for (int i = 0; i < retriers.size(); i++) {
      if (matches(retriers.get(i).errorEquals, e)) {
        return i;
      }
    }
    return -1;
  }

  /** IntervalSeconds * BackoffRate^attempt, capped by MaxDelaySeconds, then FULL jitter. */
  static Duration backoff(Model.Retrier r, int attempt, Intrinsics.Env env) {
    double delay = r.intervalSeconds * Math.pow(r.backoffRate, attempt);
    if (r.maxDelaySeconds != null) {
      delay = Math.min(delay, r.maxDelaySeconds);
    }
    if (r.fullJitter) {
      delay = new Random(ByteBuffer.wrap(env.nextDigest()).getLong()).nextDouble() * delay;
    }
    return Duration.ofMillis(Math.round(delay * 1000));
  }

  // ------------------------------------------------------------------------------ Task

  private Transition task(Model.TaskState s, JsonNode raw, Frame f, Instant entered) {
    return withErrorHandling(s, raw, f, rc -> taskAttempt(s, raw, f, entered, rc));
  }

  private JsonNode taskAttempt(Model.TaskState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
    JsonNode ctx = context(f, s, entered, retryCount);
    JsonNode afterInputPath = inputPath(s, raw, ctx);
    JsonNode eff = s.parameters != null ? s.parameters.evaluate(afterInputPath, ctx, f) : afterInputPath;
    String function;
    JsonNode payload;
    String resource;
    if (s.kind == Model.ResourceKind.LAMBDA_ARN) {
      function = s.resource;
      payload = eff;
      resource = s.resource;
    } else {
      JsonNode fn = eff.get("FunctionName");
      if (fn == null || !fn.isTextual() || fn.textValue().isEmpty()) {
        throw StatesError.runtime(
            "state \"" + s.name + "\": field Parameters: FunctionName must be a non-empty string but is " + fn);
      }
      function = fn.textValue();
      payload = eff.has("Payload") ? eff.get("Payload") : Json.NODES.objectNode();
      resource = "invoke";
    }
    checkSize(payload, s.name, "task input");
    Duration timeout = opts.defaultTaskTimeout();
    if (s.timeoutSeconds != null) {
      timeout = Duration.ofSeconds(s.timeoutSeconds);
    } else if (s.timeoutSecondsPath != null) {
      JsonNode v = read(s, "TimeoutSecondsPath", s.timeoutSecondsPath, afterInputPath, ctx);
      if (!v.isIntegralNumber() || v.longValue() <= 0) {
        throw StatesError.runtime(
            "state \"" + s.name + "\": field TimeoutSecondsPath: '" + s.timeoutSecondsPath.text()
                + "' must select a positive integer but selected " + v);
      }
      timeout = Duration.ofSeconds(v.longValue());
    }
    ObjectNode scheduled = Json.NODES.objectNode();
    scheduled.put("resourceType", "lambda");
    scheduled.put("resource", resource);
    scheduled.put("region", regionOf(function));
    ObjectNode params = Json.NODES.objectNode();
    params.put("FunctionName", function);
    params.set("Payload", payload);
    String paramText = Json.write(params);
    scheduled.put(
        "parameters",
        paramText.length() > HistoryEvent.MAX_DATA_CHARS ? paramText.substring(0, HistoryEvent.MAX_DATA_CHARS) : paramText);
    scheduled.put("timeoutInSeconds", timeout.toSeconds());
    f.record("TaskScheduled", scheduled);
    ObjectNode startedDetails = Json.NODES.objectNode();
    startedDetails.put("resourceType", "lambda");
    startedDetails.put("resource", resource);
    f.record("TaskStarted", startedDetails);
    f.token.check();
    JsonNode result;
    try {
      // copies both ways: an invoker may keep or modify what it is given or returns
      result = invoker.invoke(function, payload.deepCopy(), timeout);
      result = result == null ? null : result.deepCopy();
    } catch (TaskFailedException e) {
      f.token.check();
      taskFailed(f, resource, StatesError.TIMEOUT.equals(e.error()) ? "TaskTimedOut" : "TaskFailed", e.error(), e.cause());
      throw new StatesError(e.error(), e.cause());
    } catch (RuntimeException e) {
      f.token.check();
      String cause = "the task invoker failed: " + e;
      taskFailed(f, resource, "TaskFailed", StatesError.TASK_FAILED, cause);
      throw new StatesError(StatesError.TASK_FAILED, cause);
    }
    f.token.check();
    if (result == null) {
      result = Json.NODES.nullNode();
    }
    if (s.kind == Model.ResourceKind.LAMBDA_INVOKE) {
      ObjectNode wrapped = Json.NODES.objectNode();
      wrapped.put("ExecutedVersion", "$LATEST");
      wrapped.set("Payload", result);
      wrapped.put("StatusCode", 200);
      result = wrapped;
    }
    try {
      checkSize(result, s.name, "task result");
    } catch (StatesError e) {
      taskFailed(f, resource, "TaskFailed", e.error(), e.cause());
      throw e;
    }
    ObjectNode succeeded = Json.NODES.objectNode();
    succeeded.put("resourceType", "lambda");
    succeeded.put("resource", resource);
    f.record("TaskSucceeded", data(succeeded, "output", result));
    if (s.resultSelector != null) {
      result = s.resultSelector.evaluate(result, ctx, f);
    }
    JsonNode out = s.resultPath.apply(raw, result, s.name, "ResultPath");
    return outputPath(s, out, ctx);
  }

  private static void taskFailed(Frame f, String resource, String type, String error, String cause) {
    ObjectNode d = Json.NODES.objectNode();
    d.put("resourceType", "lambda");
    d.put("resource", resource);
    d.put("error", error);
    d.put("cause", cause);
    f.record(type, d);
  }

  private static String regionOf(String function) {
    String[] parts = function.split(":");
    return parts.length > 4 && parts[0].equals("arn") ? parts[3] : REGION;
  }
}
