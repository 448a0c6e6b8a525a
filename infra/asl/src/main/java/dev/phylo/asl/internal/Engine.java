package dev.phylo.asl.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.asl.ExecutionListener;
import dev.phylo.asl.ExecutionOptions;
import dev.phylo.asl.ExecutionResult;
import dev.phylo.asl.ExecutionStatus;
import dev.phylo.asl.HistoryEvent;
import dev.phylo.asl.TaskFailedException;
import dev.phylo.asl.TaskInvoker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Runs one execution of a parsed state machine. Thread-safe; one instance per execution. */
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

  private static final Sink DISCARD = (c, t, d) -> {};

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
        return withErrorHandling((Model.ActionState) s, raw, f, rc -> parallel((Model.ParallelState) s, raw, f, entered, rc));
      case "Map":
        return withErrorHandling((Model.ActionState) s, raw, f, rc -> map((Model.MapState) s, raw, f, entered, rc));
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

  private JsonNode context(Frame f, Model.State s, Instant entered, int retryCount) {
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

  private static JsonNode read(Model.State s, String field, PathExpr p, JsonNode in, JsonNode ctx) {
    JsonNode v = p.read(in, ctx);
    if (v == null) {
      throw pathMissing(s, field, p, in, ctx);
    }
    return v;
  }

  private static JsonNode inputPath(Model.State s, JsonNode raw, JsonNode ctx) {
    return s.inputPath == null ? Json.NODES.objectNode() : read(s, "InputPath", s.inputPath, raw, ctx);
  }

  private static JsonNode outputPath(Model.State s, JsonNode out, JsonNode ctx) {
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

  // ----------------------------------------------------------------- concurrent work

  private interface Work {
    JsonNode run(int index, CancelToken token);
  }

  private interface FailurePolicy {
    /** Records a failure; true when the whole group must stop. */
    boolean onFailure(int index, StatesError e);
  }

  private static final class Outcomes {
    final JsonNode[] outputs;
    final StatesError[] errors;
    final boolean[] aborted;
    StatesError firstError;

    Outcomes(int n) {
      outputs = new JsonNode[n];
      errors = new StatesError[n];
      aborted = new boolean[n];
    }
  }

  /**
   * Runs {@code count} pieces of work on at most {@code concurrency} pooled threads, each under its
   * own child token; results keep their index. Returns when all have finished or been stopped.
   */
  private Outcomes runConcurrent(Frame parent, int count, int concurrency, Work work, FailurePolicy policy) {
    Outcomes o = new Outcomes(count);
    if (count == 0) {
      return o;
    }
    CancelToken group = parent.token.child();
    int n = Math.max(1, Math.min(concurrency, count));
    AtomicInteger next = new AtomicInteger();
    CountDownLatch latch = new CountDownLatch(n);
    Runnable worker =
        () -> {
          try {
            while (!group.cancelled()) {
              int i = next.getAndIncrement();
              if (i >= count) {
                break;
              }
              CancelToken it = group.child();
              it.enter();
              try {
                o.outputs[i] = work.run(i, it);
              } catch (StatesError e) {
                synchronized (o) {
                  o.errors[i] = e;
                  if (o.firstError == null) {
                    o.firstError = e;
                  }
                }
                if (policy.onFailure(i, e)) {
                  group.cancel(CancelToken.Kind.SIBLING_FAILED, e.error());
                }
              } catch (CancelToken.Cancelled c) {
                o.aborted[i] = true;
              } catch (RuntimeException | Error t) {
                StatesError e = StatesError.runtime("internal error of the local runner: " + t);
                synchronized (o) {
                  o.errors[i] = e;
                  if (o.firstError == null) {
                    o.firstError = e;
                  }
                }
                group.cancel(CancelToken.Kind.SIBLING_FAILED, e.cause());
              } finally {
                it.leave();
                group.release(it);
              }
            }
          } finally {
            latch.countDown();
          }
        };
    for (int w = 0; w < n; w++) {
      try {
        workers.execute(worker);
      } catch (RejectedExecutionException e) {
        latch.countDown();
        group.cancel(CancelToken.Kind.ENDED, "the execution has ended");
      }
    }
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        if (parent.token.cancelled()) {
          parent.token.release(group);
          parent.token.check();
        }
      }
    }
    parent.token.release(group);
    parent.token.check();
    return o;
  }

  private int concurrency(Model.MapState s, JsonNode eff, JsonNode ctx) {
    int max = s.maxConcurrency;
    if (s.maxConcurrencyPath != null) {
      JsonNode v = read(s, "MaxConcurrencyPath", s.maxConcurrencyPath, eff, ctx);
      if (!v.isIntegralNumber() || v.longValue() < 0 || !v.canConvertToInt()) {
        throw StatesError.runtime(
            "state \"" + s.name + "\": field MaxConcurrencyPath: '" + s.maxConcurrencyPath.text()
                + "' must select a non-negative integer but selected " + v);
      }
      max = v.intValue();
    }
    int limit = s.distributed ? Integer.MAX_VALUE : INLINE_MAP_CONCURRENCY_LIMIT;
    int c = max == 0 ? limit : Math.min(max, limit);
    return Math.min(c, opts.maxParallelism());
  }

  // --------------------------------------------------------------------------- Parallel

  private JsonNode parallel(Model.ParallelState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
    JsonNode ctx = context(f, s, entered, retryCount);
    JsonNode eff = inputPath(s, raw, ctx);
    if (s.parameters != null) {
      eff = s.parameters.evaluate(eff, ctx, f);
    }
    final JsonNode branchInput = eff;
    f.record("ParallelStateStarted", Json.NODES.objectNode());
    long startId = f.cursor.last;
    long seq = f.seq.getAndIncrement();
    int n = s.branches.size();
    Outcomes o =
        runConcurrent(
            f,
            n,
            Math.min(n, opts.maxParallelism()),
            (i, tok) ->
                runBranch(
                    s.branches.get(i),
                    branchInput,
                    new Frame(f.run, tok, new Cursor(startId), f.scope + "/" + s.name + "@" + seq + "[" + i + "]")),
            (i, e) -> true);
    if (o.firstError != null) {
      f.record("ParallelStateFailed", Json.NODES.objectNode());
      throw o.firstError;
    }
    f.record("ParallelStateSucceeded", Json.NODES.objectNode());
    ArrayNode results = Json.NODES.arrayNode();
    for (JsonNode r : o.outputs) {
      results.add(r);
    }
    return finishAction(s, raw, results, ctx, f);
  }

  private static JsonNode finishAction(Model.ActionState s, JsonNode raw, JsonNode result, JsonNode ctx, Frame f) {
    JsonNode r = s.resultSelector != null ? s.resultSelector.evaluate(result, ctx, f) : result;
    JsonNode out = s.resultPath.apply(raw, r, s.name, "ResultPath");
    return outputPath(s, out, ctx);
  }

  // -------------------------------------------------------------------------------- Map

  private JsonNode map(Model.MapState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
    JsonNode ctx = context(f, s, entered, retryCount);
    JsonNode eff = inputPath(s, raw, ctx);
    JsonNode items = read(s, "ItemsPath", s.itemsPath, eff, ctx);
    if (!items.isArray()) {
      throw StatesError.runtime(
          "state \"" + s.name + "\": field ItemsPath: '" + s.itemsPath.text() + "' must select an array but selected "
              + Json.typeName(items) + " " + Json.abbreviate(items, 256));
    }
    int concurrency = concurrency(s, eff, ctx);
    long seq = f.seq.getAndIncrement();
    String scope = f.scope + "/" + s.name + "@" + seq;
    return s.distributed
        ? distributedMap(s, raw, f, ctx, eff, (ArrayNode) items, concurrency, scope)
        : inlineMap(s, raw, f, ctx, eff, (ArrayNode) items, concurrency, scope);
  }

  private JsonNode itemInput(Model.MapState s, JsonNode eff, JsonNode ctx, int index, JsonNode item, Frame env) {
    if (s.itemSelector == null) {
      return item;
    }
    ObjectNode c = ((ObjectNode) ctx).deepCopy();
    ObjectNode it = c.putObject("Map").putObject("Item");
    it.put("Index", index);
    it.set("Value", item);
    return s.itemSelector.evaluate(eff, c, env);
  }

  private JsonNode inlineMap(
      Model.MapState s, JsonNode raw, Frame f, JsonNode ctx, JsonNode eff, ArrayNode items, int concurrency,
      String scope) {
    ObjectNode started = Json.NODES.objectNode();
    started.put("length", items.size());
    f.record("MapStateStarted", started);
    long startId = f.cursor.last;
    Outcomes o =
        runConcurrent(
            f,
            items.size(),
            concurrency,
            (i, tok) -> {
              Frame itf = new Frame(f.run, tok, new Cursor(startId), scope + "#" + i);
              ObjectNode d = Json.NODES.objectNode();
              d.put("name", s.name);
              d.put("index", i);
              itf.record("MapIterationStarted", d);
              try {
                JsonNode out = runBranch(s.processor, itemInput(s, eff, ctx, i, items.get(i), itf), itf);
                itf.record("MapIterationSucceeded", d.deepCopy());
                return out;
              } catch (StatesError e) {
                ObjectNode fd = d.deepCopy();
                fd.put("error", e.error());
                fd.put("cause", e.cause());
                itf.record("MapIterationFailed", fd);
                throw e;
              } catch (CancelToken.Cancelled c) {
                itf.record("MapIterationAborted", d.deepCopy());
                throw c;
              }
            },
            (i, e) -> true);
    if (o.firstError != null) {
      f.record("MapStateFailed", Json.NODES.objectNode());
      throw o.firstError;
    }
    f.record("MapStateSucceeded", Json.NODES.objectNode());
    ArrayNode results = Json.NODES.arrayNode();
    for (JsonNode r : o.outputs) {
      results.add(r);
    }
    return finishAction(s, raw, results, ctx, f);
  }

  private long integerAt(Model.State s, String field, PathExpr p, JsonNode eff, JsonNode ctx, long min, long max) {
    JsonNode v = read(s, field, p, eff, ctx);
    if (!v.isIntegralNumber() || v.longValue() < min || v.longValue() > max) {
      throw StatesError.runtime(
          "state \"" + s.name + "\": field " + field + ": '" + p.text() + "' must select an integer between " + min
              + " and " + max + " but selected " + v);
    }
    return v.longValue();
  }

  private JsonNode distributedMap(
      Model.MapState s, JsonNode raw, Frame f, JsonNode ctx, JsonNode eff, ArrayNode items, int concurrency,
      String scope) {
    // item inputs, then batches
    List<JsonNode> selected = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Frame env = new Frame(f.run, f.token, new Cursor(0), scope + "#" + i);
      selected.add(itemInput(s, eff, ctx, i, items.get(i), env));
    }
    List<JsonNode> childInputs = new ArrayList<>();
    List<Integer> childSizes = new ArrayList<>();
    if (s.batcher == null) {
      childInputs.addAll(selected);
      selected.forEach(x -> childSizes.add(1));
    } else {
      batch(s, f, ctx, eff, selected, childInputs, childSizes, scope);
    }
    Double pct = s.toleratedFailurePercentage;
    if (s.toleratedFailurePercentagePath != null) {
      JsonNode v = read(s, "ToleratedFailurePercentagePath", s.toleratedFailurePercentagePath, eff, ctx);
      if (!v.isNumber() || v.doubleValue() < 0 || v.doubleValue() > 100) {
        throw StatesError.runtime(
            "state \"" + s.name + "\": field ToleratedFailurePercentagePath: '"
                + s.toleratedFailurePercentagePath.text() + "' must select a number between 0 and 100 but selected " + v);
      }
      pct = v.doubleValue();
    }
    Long count = s.toleratedFailureCount;
    if (s.toleratedFailureCountPath != null) {
      count = integerAt(s, "ToleratedFailureCountPath", s.toleratedFailureCountPath, eff, ctx, 0, Integer.MAX_VALUE);
    }
    final Double tolPct = pct;
    final Long tolCount = count;
    final int total = items.size();
    String mapRunArn =
        "arn:aws:states:" + REGION + ":" + ACCOUNT + ":mapRun:" + smName + "/" + (s.label != null ? s.label : s.name)
            + ":" + f.run.name + scope.replace('/', '.').replace('@', '-');
    ObjectNode started = Json.NODES.objectNode();
    started.put("mapRunArn", mapRunArn);
    f.record("MapRunStarted", started);

    int[] failedItems = new int[1];
    boolean[] exceeded = new boolean[1];
    FailurePolicy policy =
        (ci, e) -> {
          synchronized (failedItems) {
            failedItems[0] += childSizes.get(ci);
            if (exceedsTolerance(failedItems[0], total, tolPct, tolCount)) {
              exceeded[0] = true;
            }
            return exceeded[0];
          }
        };
    boolean express = "EXPRESS".equals(s.executionType);
    Outcomes o =
        runConcurrent(
            f,
            childInputs.size(),
            concurrency,
            (ci, tok) -> runChild(s, childInputs.get(ci), tok, scope + "#" + ci, express),
            policy);

    int failed = 0;
    int succeededItems = 0;
    int abortedItems = 0;
    int firstFailed = -1;
    for (int ci = 0; ci < childInputs.size(); ci++) {
      if (o.errors[ci] != null) {
        failed += childSizes.get(ci);
        if (firstFailed < 0) {
          firstFailed = ci;
        }
      } else if (o.aborted[ci] || o.outputs[ci] == null) {
        abortedItems += childSizes.get(ci);
      } else {
        succeededItems += childSizes.get(ci);
      }
    }
    ObjectNode counts = Json.NODES.objectNode();
    counts.put("total", total);
    counts.put("succeeded", succeededItems);
    counts.put("failed", failed);
    counts.put("aborted", abortedItems);
    counts.put("childExecutions", childInputs.size());
    if (exceeded[0]) {
      StatesError first = o.errors[firstFailed];
      int firstItem = 0;
      for (int ci = 0; ci < firstFailed; ci++) {
        firstItem += childSizes.get(ci);
      }
      String tolerance =
          (tolPct == null && tolCount == null)
              ? "no failures are tolerated"
              : "tolerated: " + (tolCount != null ? tolCount + " item(s)" : "")
                  + (tolCount != null && tolPct != null ? " or " : "") + (tolPct != null ? tolPct + "%" : "");
      String cause =
          "state \"" + s.name + "\": " + failed + " of " + total + " items failed (" + tolerance + ")"
              + (abortedItems > 0 ? ", " + abortedItems + " were not run or were stopped" : "")
              + "; the first failure, at item " + firstItem + (childSizes.get(firstFailed) > 1 ? " (batch " + firstFailed + ")" : "")
              + ", was " + first.error() + ": " + first.cause();
      ObjectNode d = errorDetails(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD, cause);
      d.set("itemCounts", counts);
      f.record("MapRunFailed", d);
      throw new StatesError(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD, cause);
    }
    ObjectNode d = Json.NODES.objectNode();
    d.put("mapRunArn", mapRunArn);
    d.set("itemCounts", counts);
    f.record("MapRunSucceeded", d);
    ArrayNode results = Json.NODES.arrayNode();
    for (int ci = 0; ci < childInputs.size(); ci++) {
      results.add(o.errors[ci] != null ? Json.errorOutput(o.errors[ci].error(), o.errors[ci].cause()) : o.outputs[ci]);
    }
    return finishAction(s, raw, results, ctx, f);
  }

  static boolean exceedsTolerance(int failed, int total, Double pct, Long count) {
    if (failed == 0) {
      return false;
    }
    if (pct == null && count == null) {
      return true;
    }
    if (count != null && failed > count) {
      return true;
    }
    return pct != null && failed * 100.0 / total > pct;
  }

  private void batch(
      Model.MapState s, Frame f, JsonNode ctx, JsonNode eff, List<JsonNode> selected, List<JsonNode> out,
      List<Integer> sizes, String scope) {
    Model.Batcher b = s.batcher;
    long maxItems = b.maxItems != null ? b.maxItems : Long.MAX_VALUE;
    if (b.maxItemsPath != null) {
      maxItems = integerAt(s, "ItemBatcher.MaxItemsPerBatchPath", b.maxItemsPath, eff, ctx, 1, Integer.MAX_VALUE);
    }
    long maxBytes = b.maxBytes != null ? b.maxBytes : Long.MAX_VALUE;
    if (b.maxBytesPath != null) {
      maxBytes = integerAt(s, "ItemBatcher.MaxInputBytesPerBatchPath", b.maxBytesPath, eff, ctx, 1, 262_144);
    }
    JsonNode batchInput =
        b.batchInput != null ? b.batchInput.evaluate(eff, ctx, new Frame(f.run, f.token, new Cursor(0), scope + "#batch")) : null;
    ArrayNode current = null;
    for (int i = 0; i < selected.size(); i++) {
      JsonNode item = selected.get(i);
      if (current != null) {
        boolean full = current.size() >= maxItems;
        if (!full && maxBytes != Long.MAX_VALUE) {
          ArrayNode trial = current.deepCopy();
          trial.add(item);
          full = Json.utf8Size(batchObject(trial, batchInput)) > maxBytes;
        }
        if (full) {
          out.add(batchObject(current, batchInput));
          sizes.add(current.size());
          current = null;
        }
      }
      if (current == null) {
        current = Json.NODES.arrayNode();
      }
      current.add(item);
      if (maxBytes != Long.MAX_VALUE && current.size() == 1 && Json.utf8Size(batchObject(current, batchInput)) > maxBytes) {
        throw StatesError.runtime(
            "state \"" + s.name + "\": field ItemBatcher: item " + i + " alone is larger than MaxInputBytesPerBatch ("
                + maxBytes + " bytes)");
      }
    }
    if (current != null) {
      out.add(batchObject(current, batchInput));
      sizes.add(current.size());
    }
  }

  private static JsonNode batchObject(ArrayNode items, JsonNode batchInput) {
    ObjectNode o = Json.NODES.objectNode();
    if (batchInput != null) {
      o.set("BatchInput", batchInput);
    }
    o.set("Items", items);
    return o;
  }

  /** One Distributed Map child execution; its events stay out of the parent's history. */
  private JsonNode runChild(Model.MapState s, JsonNode childInput, CancelToken tok, String scope, boolean express) {
    String childName = execName + scope.replace('/', '.').replace('@', '-').replace('#', '-');
    String kind = express ? "express" : "execution";
    String arn =
        "arn:aws:states:" + REGION + ":" + ACCOUNT + ":" + kind + ":" + smName + "/" + (s.label != null ? s.label : s.name)
            + ":" + childName;
    Run child = new Run(childName, arn, childInput, iso(opts.clock().instant()), DISCARD);
    Frame cf = new Frame(child, tok, new Cursor(0), "");
    ScheduledFuture<?> timer = null;
    if (express) {
      try {
        timer =
            timers.schedule(
                () -> tok.cancel(CancelToken.Kind.TIMEOUT, "EXPRESS child execution exceeded 5 minutes"),
                EXPRESS_DURATION_LIMIT.toMillis(),
                TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        tok.check();
      }
    }
    try {
      return runBranch(s.processor, childInput, cf);
    } catch (CancelToken.Cancelled c) {
      if (c.reason.origin == tok && c.reason.kind == CancelToken.Kind.TIMEOUT) {
        throw new StatesError(
            StatesError.TIMEOUT,
            "child execution " + childName + " of state \"" + s.name + "\" ran longer than the "
                + EXPRESS_DURATION_LIMIT.toMinutes() + " minutes an EXPRESS execution may run");
      }
      throw c;
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }
}
