package dev.phylo.functions.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar ticks (UTC) for a time axis in epoch milliseconds: the finest of hours, days, months or years that gives
 * at most {@code maxTicks} ticks, each labelled as precisely as its step needs.
 */
final class TimeTicks {

    record Tick(long millis, String label) {}

    private record Step(ChronoUnit unit, int count, double approxMillis, DateTimeFormatter format) {}

    private static final double HOUR = 3_600_000d;
    private static final double DAY = 24 * HOUR;
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter DAYS = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTHS = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter YEARS = DateTimeFormatter.ofPattern("yyyy");
    private static final List<Step> STEPS = List.of(
            new Step(ChronoUnit.HOURS, 1, HOUR, HOURS), new Step(ChronoUnit.HOURS, 3, 3 * HOUR, HOURS),
            new Step(ChronoUnit.HOURS, 6, 6 * HOUR, HOURS), new Step(ChronoUnit.HOURS, 12, 12 * HOUR, HOURS),
            new Step(ChronoUnit.DAYS, 1, DAY, DAYS), new Step(ChronoUnit.DAYS, 2, 2 * DAY, DAYS),
            new Step(ChronoUnit.DAYS, 7, 7 * DAY, DAYS), new Step(ChronoUnit.DAYS, 14, 14 * DAY, DAYS),
            new Step(ChronoUnit.MONTHS, 1, 30.44 * DAY, MONTHS), new Step(ChronoUnit.MONTHS, 2, 60.9 * DAY, MONTHS),
            new Step(ChronoUnit.MONTHS, 3, 91.3 * DAY, MONTHS), new Step(ChronoUnit.MONTHS, 6, 182.6 * DAY, MONTHS),
            new Step(ChronoUnit.YEARS, 1, 365.25 * DAY, YEARS), new Step(ChronoUnit.YEARS, 2, 730.5 * DAY, YEARS),
            new Step(ChronoUnit.YEARS, 5, 1826.25 * DAY, YEARS), new Step(ChronoUnit.YEARS, 10, 3652.5 * DAY, YEARS),
            new Step(ChronoUnit.YEARS, 25, 9131.25 * DAY, YEARS), new Step(ChronoUnit.YEARS, 100, 36525 * DAY, YEARS));

    private TimeTicks() {}

    static List<Tick> between(long from, long to, int maxTicks) {
        Step step = STEPS.get(STEPS.size() - 1);
        for (Step candidate : STEPS) {
            if ((to - from) / candidate.approxMillis() <= maxTicks - 1) {
                step = candidate;
                break;
            }
        }
        ZonedDateTime t = start(Instant.ofEpochMilli(from).atZone(ZoneOffset.UTC), step);
        List<Tick> ticks = new ArrayList<>();
        while (t.toInstant().toEpochMilli() <= to && ticks.size() < 100) {
            long millis = t.toInstant().toEpochMilli();
            if (millis >= from) {
                ticks.add(new Tick(millis, step.format().format(t)));
            }
            t = t.plus(step.count(), step.unit());
        }
        return ticks;
    }

    /** The first step boundary at or before {@code t}: hours and days from midnight, months and years from January. */
    private static ZonedDateTime start(ZonedDateTime t, Step step) {
        switch (step.unit()) {
            case HOURS:
                return t.truncatedTo(ChronoUnit.DAYS).plusHours(t.getHour() / step.count() * step.count());
            case DAYS:
                return t.truncatedTo(ChronoUnit.DAYS);
            case MONTHS:
                return t.truncatedTo(ChronoUnit.DAYS)
                        .withDayOfMonth(1)
                        .withMonth((t.getMonthValue() - 1) / step.count() * step.count() + 1);
            default:
                return t.truncatedTo(ChronoUnit.DAYS)
                        .withDayOfYear(1)
                        .withYear(t.getYear() / step.count() * step.count());
        }
    }
}
