package dev.phylo.cli.plan;

import dev.phylo.engine.data.BarInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How many bars each symbol has in the run's range: given ({@code --bars}), or counted from a span, {@code --years}
 * or the run input's {@code from} and {@code to}, as a market that never closes (365.25 days of 24 hours a year).
 * Exchange hours give fewer bars: pass {@code --bars} for them.
 *
 * @param bars  bars per symbol, or null
 * @param years years of data, or null
 */
public record DataSize(Long bars, Double years) {

    /** 365.25 days of 24 hours. */
    static final double MILLIS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

    /** A bar count and where it comes from. */
    public record Bars(long count, String basis) {}

    public DataSize {
        if (bars != null && years != null) {
            throw new IllegalArgumentException(
                    "give --bars or --years, not both: --bars " + bars + ", --years " + years);
        }
        if (bars != null && bars < 2) {
            throw new IllegalArgumentException("--bars must be at least 2 (bars per symbol), got " + bars);
        }
        if (years != null && !(years > 0 && years <= 200)) {
            throw new IllegalArgumentException("--years must be more than 0 and at most 200, got " + years);
        }
    }

    /** The bars per symbol of a run over {@code interval}, from {@code from} to {@code to} (either may be null). */
    public Bars bars(BarInterval interval, String from, String to) {
        if (bars != null) {
            return new Bars(bars, "--bars");
        }
        if (years != null) {
            long count = (long) Math.floor(years * MILLIS_PER_YEAR / interval.millis());
            return new Bars(
                    count,
                    String.format(
                            Locale.ROOT,
                            "--years %s of %s bars, 24 h a day, 365.25 days a year",
                            trim(years),
                            interval));
        }
        if (from != null && to != null) {
            long span = instant("to", to) - instant("from", from);
            if (span <= 0) {
                throw new IllegalArgumentException("from " + from + " is not before to " + to);
            }
            return new Bars(span / interval.millis(), from + " .. " + to + " in " + interval + " bars, 24 h a day");
        }
        throw new IllegalArgumentException("a plan needs the data's size: --bars N (bars per symbol in the run's "
                + "range), or --years Y (with the interval), or both from and to in the run input");
    }

    private static long instant(String field, String text) {
        try {
            return text.length() == 10
                    ? LocalDate.parse(text)
                            .atStartOfDay(ZoneOffset.UTC)
                            .toInstant()
                            .toEpochMilli()
                    : Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    field + " '" + text + "' is not a date (2015-01-01) or an instant (2015-01-01T00:00:00Z)", e);
        }
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
