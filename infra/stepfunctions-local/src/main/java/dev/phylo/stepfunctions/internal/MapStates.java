package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.Engine.ACCOUNT;
import static dev.phylo.stepfunctions.internal.Engine.EXPRESS_DURATION_LIMIT;
import static dev.phylo.stepfunctions.internal.Engine.INLINE_MAP_CONCURRENCY_LIMIT;
import static dev.phylo.stepfunctions.internal.Engine.REGION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ExecutionOptions;
import dev.phylo.stepfunctions.internal.Engine.Cursor;
import dev.phylo.stepfunctions.internal.Engine.Frame;
import dev.phylo.stepfunctions.internal.Engine.Run;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The states that fan out, for one {@link Engine}: Parallel, inline Map and Distributed Map (item selection,
 * batching, failure tolerance, child executions with their EXPRESS time limit), on the execution's worker pool. Every
 * piece of work runs under its own child {@link CancelToken}; results keep their index.
 */
final class MapStates {

  private final Engine engine;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor timers;
  private final ExecutionOptions opts;
  private final String smName;
  private final String execName;

  MapStates(Engine engine, ExecutorService workers, ScheduledThreadPoolExecutor timers, ExecutionOptions opts,
      String smName, String execName) {
    this.engine = engine;
    this.workers = workers;
    this.timers = timers;
    this.opts = opts;
    this.smName = smName;
    this.execName = execName;
  }

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
      JsonNode v = Engine.read(s, "MaxConcurrencyPath", s.maxConcurrencyPath, eff, ctx);
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

  JsonNode parallel(Model.ParallelState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
    JsonNode ctx = engine.context(f, s, entered, retryCount);
    JsonNode eff = Engine.inputPath(s, raw, ctx);
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
                engine.runBranch(
                    s.branches.get(i),
                    branchInput,
                    new Frame(f.run, tok, new Cursor(startId), f.scope + "/" + s.name + "@" + seq + "[" + i + "]")),
            (i, e) -> true);
    return finishGroup("Parallel", o, s, raw, ctx, f);
  }

  /**
   * Ends a Parallel or inline Map state: {@code <kind>StateFailed} and the first error, or {@code
   * <kind>StateSucceeded} and the outputs in index order through ResultSelector, ResultPath and OutputPath.
   */
  private static JsonNode finishGroup(
      String kind, Outcomes o, Model.ActionState s, JsonNode raw, JsonNode ctx, Frame f) {
    if (o.firstError != null) {
      f.record(kind + "StateFailed", Json.NODES.objectNode());
      throw o.firstError;
    }
    f.record(kind + "StateSucceeded", Json.NODES.objectNode());
    ArrayNode results = Json.NODES.arrayNode();
    for (JsonNode r : o.outputs) {
      results.add(r);
    }
    return finishAction(s, raw, results, ctx, f);
  }

  private static JsonNode finishAction(Model.ActionState s, JsonNode raw, JsonNode result, JsonNode ctx, Frame f) {
    JsonNode r = s.resultSelector != null ? s.resultSelector.evaluate(result, ctx, f) : result;
    JsonNode out = s.resultPath.apply(raw, r, s.name, "ResultPath");
    return Engine.outputPath(s, out, ctx);
  }

  // -------------------------------------------------------------------------------- Map

  JsonNode map(Model.MapState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
    JsonNode ctx = engine.context(f, s, entered, retryCount);
    JsonNode eff = Engine.inputPath(s, raw, ctx);
    JsonNode items = Engine.read(s, "ItemsPath", s.itemsPath, eff, ctx);
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
                JsonNode out = engine.runBranch(s.processor, itemInput(s, eff, ctx, i, items.get(i), itf), itf);
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
    return finishGroup("Map", o, s, raw, ctx, f);
  }

  private long integerAt(Model.State s, String field, PathExpr p, JsonNode eff, JsonNode ctx, long min, long max) {
    JsonNode v = Engine.read(s, field, p, eff, ctx);
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
      JsonNode v = Engine.read(s, "ToleratedFailurePercentagePath", s.toleratedFailurePercentagePath, eff, ctx);
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
      ObjectNode d = Engine.errorDetails(StatesError.EXCEED_TOLERATED_FAILURE_THRESHOLD, cause);
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
    Run child = new Run(childName, arn, childInput, Engine.iso(opts.clock().instant()), Engine.DISCARD);
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
      return engine.runBranch(s.processor, childInput, cf);
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
