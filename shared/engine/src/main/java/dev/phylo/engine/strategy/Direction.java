package dev.phylo.engine.strategy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which positions a strategy may take. In JSON: {@code "long"}, {@code "short"} or {@code "both"}. */
public enum Direction {
    LONG,
    SHORT,
    BOTH;

    public boolean allowsLong() {
        return this != SHORT;
    }

    public boolean allowsShort() {
        return this != LONG;
    }

    /** The JSON name, lower case. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a JSON name, case-insensitively. */
    @JsonCreator
    public static Direction of(String text) {
        for (Direction d : values()) {
            if (d.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return d;
            }
        }
        throw new IllegalArgumentException("direction must be \"long\", \"short\" or \"both\", not \"" + text + "\"");
    }
}
