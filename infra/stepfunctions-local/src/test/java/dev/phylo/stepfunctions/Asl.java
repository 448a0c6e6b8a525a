package dev.phylo.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Test helpers: JSON, fake functions, a recording sleeper, a fixed clock. */
final class Asl {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:";

    private Asl() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Asl.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A function of the fake Lambda service. */
    interface Fn {
        JsonNode apply(JsonNode payload) throws TaskFailedException;
    }

    /** Fake Lambda: functions by name (the part after ":function:", or the FunctionName as given). */
    static final class Functions implements TaskInvoker {
        final Map<String, Fn> fns = new ConcurrentHashMap<>();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final List<JsonNode> payloads = Collections.synchronizedList(new ArrayList<>());
        final List<Duration> timeouts = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger count = new AtomicInteger();

        Functions on(String name, Fn fn) {
            fns.put(name, fn);
            return this;
        }

        @Override
        public JsonNode invoke(String functionArn, JsonNode payload, Duration timeout) throws TaskFailedException {
            String name = functionArn.contains(":function:")
                    ? functionArn.substring(functionArn.indexOf(":function:") + 10)
                    : functionArn;
            calls.add(functionArn);
            payloads.add(payload);
            timeouts.add(timeout);
            count.incrementAndGet();
            Fn fn = fns.get(name);
            if (fn == null) {
                throw new TaskFailedException("Lambda.ResourceNotFoundException", "Function not found: " + functionArn);
            }
            return fn.apply(payload);
        }
    }

    /** Records requested sleeps and returns at once. */
    static final class RecordingSleeper implements Sleeper {
        final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
        }

        List<Long> millis() {
            synchronized (sleeps) {
                return sleeps.stream().map(Duration::toMillis).collect(Collectors.toList());
            }
        }
    }

    static ExecutionOptions options(Sleeper sleeper) {
        return ExecutionOptions.defaults()
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withSleeper(sleeper);
    }

    static ExecutionOptions options() {
        return options(new RecordingSleeper());
    }

    static Execution start(String definition, String input, TaskInvoker invoker, ExecutionOptions options) {
        return StateMachine.parse(definition, Map.of()).start("test-run", json(input), invoker, null, options);
    }

    static ExecutionResult run(String definition, String input, TaskInvoker invoker, ExecutionOptions options) {
        Execution e = start(definition, input, invoker, options);
        return e.await(Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("execution did not finish"));
    }

    static ExecutionResult run(String definition, String input, TaskInvoker invoker) {
        return run(definition, input, invoker, options());
    }

    static ExecutionResult run(String definition, String input) {
        return run(definition, input, new Functions(), options());
    }

    static List<String> types(Execution e) {
        return e.history().stream().map(HistoryEvent::type).collect(Collectors.toList());
    }
}
