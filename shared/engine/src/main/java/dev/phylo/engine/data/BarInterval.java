package dev.phylo.engine.data;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bar interval such as {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d} or {@code 1w}.
 *
 * <p>The label is canonical: a positive count followed by one of {@code s m h d w}.
 */
public record BarInterval(long count, char unit) {
    /** The largest count a label carries. */
    public static final long MAX_COUNT = 999_999;

    private static final Pattern LABEL = Pattern.compile("(\\d{1,6})([smhdw])");

    public static final BarInterval ONE_MINUTE = new BarInterval(1, 'm');
    public static final BarInterval ONE_HOUR = new BarInterval(1, 'h');
    public static final BarInterval ONE_DAY = new BarInterval(1, 'd');

    public BarInterval {
        if (count <= 0 || count > MAX_COUNT) {
            // at most what a label carries (six digits), so that every interval prints to a label that parses back
            throw new IllegalArgumentException("interval count must be 1.." + MAX_COUNT + ": " + count);
        }
        if ("smhdw".indexOf(unit) < 0) {
            throw new IllegalArgumentException("interval unit must be one of s m h d w: '" + unit + "'");
        }
    }

    /** Parses a label such as {@code 5m} or {@code 1d}. */
    public static BarInterval parse(String label) {
        Matcher m = LABEL.matcher(label == null ? "" : label.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("bad bar interval '" + label
                    + "': expected a count and a unit, one of s m h d w (e.g. 1m, 5m, 1h, 1d)");
        }
        return new BarInterval(Long.parseLong(m.group(1)), m.group(2).charAt(0));
    }

    /** The interval closest to a bar spacing in milliseconds, expressed in the largest whole unit. */
    public static BarInterval ofMillis(long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("bar spacing must be positive: " + millis + " ms");
        }
        long seconds = Math.max(1, Math.round(millis / 1000.0));
        if (seconds % 604_800 == 0) return new BarInterval(seconds / 604_800, 'w');
        if (seconds % 86_400 == 0) return new BarInterval(seconds / 86_400, 'd');
        if (seconds % 3_600 == 0) return new BarInterval(seconds / 3_600, 'h');
        if (seconds % 60 == 0) return new BarInterval(seconds / 60, 'm');
        return new BarInterval(seconds, 's');
    }

    public Duration duration() {
        return switch (unit) {
            case 's' -> Duration.ofSeconds(count);
            case 'm' -> Duration.ofMinutes(count);
            case 'h' -> Duration.ofHours(count);
            case 'd' -> Duration.ofDays(count);
            default -> Duration.ofDays(7 * count);
        };
    }

    public long millis() {
        return duration().toMillis();
    }

    @Override
    public String toString() {
        return count + String.valueOf(unit);
    }
}
