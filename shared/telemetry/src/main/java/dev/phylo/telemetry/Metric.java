package dev.phylo.telemetry;

import java.util.Objects;
import java.util.Set;

/** One EMF metric value with its CloudWatch unit. */
public record Metric(String name, Unit unit, double value) {

    /** The CloudWatch units Phylo uses. */
    public enum Unit {
        Count,
        Milliseconds,
        Seconds,
        Bytes,
        Percent,
        None,
        CountPerSecond;

        /** The unit's CloudWatch name ({@code Count/Second} for {@link #CountPerSecond}). */
        public String cloudWatchName() {
            return this == CountPerSecond ? "Count/Second" : name();
        }
    }

    private static final Set<String> RESERVED = Set.of("_aws");

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank() || name.length() > 255 || RESERVED.contains(name)) {
            throw new IllegalArgumentException("bad EMF metric name: '" + name + "'");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + " is not finite: " + value);
        }
    }

    public static Metric count(String name, double value) {
        return new Metric(name, Unit.Count, value);
    }

    public static Metric millis(String name, double value) {
        return new Metric(name, Unit.Milliseconds, value);
    }

    public static Metric perSecond(String name, double value) {
        return new Metric(name, Unit.CountPerSecond, value);
    }

    public static Metric bytes(String name, double value) {
        return new Metric(name, Unit.Bytes, value);
    }

    /** A state as a number with no unit, such as 1 for healthy and 0 for not. */
    public static Metric flag(String name, boolean value) {
        return new Metric(name, Unit.None, value ? 1 : 0);
    }
}
