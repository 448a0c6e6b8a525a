package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Runs one attempt of a Map state: selects the items (from ItemsPath, or a Distributed Map's {@link ItemReaders}) and
 * the concurrency, then runs an inline Map here (its iteration
 * events go into the execution history; the first failing iteration stops the others and fails the state) or hands
 * a distributed one to {@link DistributedMap}.
 */
final class MapStates {

    /**
     * Step Functions runs at most this many inline Map iterations at once
     * (https://docs.aws.amazon.com/step-functions/latest/dg/state-map-inline.html).
     */
    static final int INLINE_CONCURRENCY_LIMIT = 40;

    private final Interpreter interpreter;
    private final FanOut fanOut;
    private final DistributedMap distributedMap;

    MapStates(Interpreter interpreter, FanOut fanOut, DistributedMap distributedMap) {
        this.interpreter = interpreter;
        this.fanOut = fanOut;
        this.distributedMap = distributedMap;
    }

    JsonNode run(Model.MapState s, JsonNode raw, Frame f, Instant entered, int retryCount) {
        JsonNode ctx = interpreter.context(f, s, entered, retryCount);
        JsonNode eff = DataFlowSteps.inputPath(s, raw, ctx);
        long seq = f.seq.getAndIncrement();
        String scope = f.scope + "/" + s.name() + "@" + seq;
        JsonNode items = s.itemReader() != null
                ? ItemReaders.read(
                        s,
                        eff,
                        ctx,
                        new Frame(f.run, f.token, new Cursor(0), scope + "#reader"),
                        interpreter.options().objectStore())
                : DataFlowSteps.read(s, "ItemsPath", s.itemsPath(), eff, ctx);
        if (!items.isArray()) {
            throw StatesError.runtime("state \"" + s.name() + "\": field ItemsPath: '"
                    + s.itemsPath().text()
                    + "' must select an array but selected " + Json.typeName(items) + " "
                    + Json.abbreviate(items, 256));
        }
        int concurrency = concurrency(s, eff, ctx);
        return s.distributed()
                ? distributedMap.run(s, raw, f, ctx, eff, (ArrayNode) items, concurrency, scope)
                : inline(s, raw, f, ctx, eff, (ArrayNode) items, concurrency, scope);
    }

    /** MaxConcurrency(Path), 0 meaning no limit, capped by Step Functions' limit and the execution's parallelism. */
    private int concurrency(Model.MapState s, JsonNode eff, JsonNode ctx) {
        int max = s.maxConcurrency();
        if (s.maxConcurrencyPath() != null) {
            JsonNode v = DataFlowSteps.read(s, "MaxConcurrencyPath", s.maxConcurrencyPath(), eff, ctx);
            if (!v.isIntegralNumber() || v.longValue() < 0 || !v.canConvertToInt()) {
                throw StatesError.runtime("state \"" + s.name() + "\": field MaxConcurrencyPath: '"
                        + s.maxConcurrencyPath().text() + "' must select a non-negative integer but selected " + v);
            }
            max = v.intValue();
        }
        int limit = s.distributed() ? Integer.MAX_VALUE : INLINE_CONCURRENCY_LIMIT;
        int c = max == 0 ? limit : Math.min(max, limit);
        return Math.min(c, interpreter.options().maxParallelism());
    }

    /** The input of one item: the item itself, or the ItemSelector evaluated with {@code $$.Map.Item}. */
    static JsonNode itemInput(Model.MapState s, JsonNode eff, JsonNode ctx, int index, JsonNode item, Frame env) {
        if (s.itemSelector() == null) {
            return item;
        }
        ObjectNode c = ((ObjectNode) ctx).deepCopy();
        ObjectNode it = c.putObject("Map").putObject("Item");
        it.put("Index", index);
        it.set("Value", item);
        return s.itemSelector().evaluate(eff, c, env);
    }

    private JsonNode inline(
            Model.MapState s,
            JsonNode raw,
            Frame f,
            JsonNode ctx,
            JsonNode eff,
            ArrayNode items,
            int concurrency,
            String scope) {
        ObjectNode started = Json.NODES.objectNode();
        started.put("length", items.size());
        f.record("MapStateStarted", started);
        long startId = f.cursor.last;
        FanOut.Outcomes o = fanOut.run(
                f,
                items.size(),
                concurrency,
                (i, tok) -> {
                    Frame itf = new Frame(f.run, tok, new Cursor(startId), scope + "#" + i);
                    return iteration(s, ctx, eff, i, items.get(i), itf);
                },
                (i, e) -> true);
        return FanOut.finishGroup("Map", o, s, raw, ctx, f, interpreter);
    }

    /** One inline iteration with its MapIteration events. */
    private JsonNode iteration(Model.MapState s, JsonNode ctx, JsonNode eff, int i, JsonNode item, Frame itf) {
        ObjectNode d = Json.NODES.objectNode();
        d.put("name", s.name());
        d.put("index", i);
        itf.record("MapIterationStarted", d);
        try {
            JsonNode out = interpreter.runBranch(s.processor(), itemInput(s, eff, ctx, i, item, itf), itf);
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
    }
}
