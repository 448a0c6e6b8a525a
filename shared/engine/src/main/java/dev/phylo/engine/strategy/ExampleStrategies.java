package dev.phylo.engine.strategy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The example strategies shipped with the engine (resources under {@code /phylo/strategies/}). */
public final class ExampleStrategies {
    private static final String DIR = "/phylo/strategies/";

    private ExampleStrategies() {}

    public static List<String> names() {
        return List.of(text("index.txt").strip().split("\\s+"));
    }

    /** The JSON text of example {@code name}. */
    public static String json(String name) {
        if (!names().contains(name)) {
            throw new IllegalArgumentException("no example strategy '%s'; examples: %s".formatted(name, names()));
        }
        return text(name + ".json");
    }

    public static StrategySpec get(String name) {
        return StrategySpecs.parse(json(name));
    }

    public static Map<String, StrategySpec> all() {
        Map<String, StrategySpec> out = new LinkedHashMap<>();
        names().forEach(n -> out.put(n, get(n)));
        return out;
    }

    private static String text(String file) {
        try (InputStream in = ExampleStrategies.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("engine resource missing: " + DIR + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
