package dev.phylo.engine.data;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses CSV timestamps to epoch milliseconds (UTC) with a hand-written scan, so that a million rows
 * cost no formatter objects. One instance per read; not thread-safe.
 *
 * <p>Accepted: {@code yyyy-MM-dd} (also with {@code /} or {@code .} as separator, one- or two-digit
 * month and day), optionally followed by {@code T} or a space and {@code H:mm[:ss[.fraction]]},
 * optionally followed by {@code Z} or an offset {@code ±HH[:mm]}. Numbers are epoch seconds (9-10
 * digits), epoch milliseconds (12-13), epoch microseconds (16) or {@code yyyyMMdd} (8). Times without
 * an offset are read in the given zone.
 */
final class TimestampParser {
    private static final String DATE_FORMS = "yyyy-MM-dd or yyyy/MM/dd";
    private static final String TIME_FORMS = "HH:mm[:ss[.SSS]] with an optional Z or ±HH:mm";
    private static final String ALL_FORMS = DATE_FORMS + ", optionally followed by T or a space and " + TIME_FORMS
            + "; or epoch seconds (10 digits), milliseconds (13) or microseconds (16)";
    private static final long DAY_MS = 86_400_000L;

    private final ZoneId zone;
    private final boolean fixedZone;
    private final long zoneOffsetMs;

    private String text;
    private int pos;
    private int end;

    TimestampParser(ZoneId zone) {
        this.zone = zone;
        this.fixedZone = zone.getRules().isFixedOffset();
        this.zoneOffsetMs = fixedZone ? zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() * 1000L : 0;
    }

    /** A timestamp held in one column. */
    long parse(String cell) throws BadValue {
        begin(cell);
        if (allDigits()) {
            return numeric();
        }
        long epochDay = date(ALL_FORMS);
        if (pos == end) {
            return toUtc(epochDay * DAY_MS, false, 0);
        }
        char sep = text.charAt(pos);
        if (sep != 'T' && sep != 't' && sep != ' ') {
            throw unparseable("expected " + ALL_FORMS);
        }
        pos++;
        while (sep == ' ' && pos < end && text.charAt(pos) == ' ') pos++;
        return timeOfDay(epochDay, ALL_FORMS);
    }

    /** The date part of a timestamp split over a date column and a time column: the epoch day. */
    long parseDate(String cell) throws BadValue {
        begin(cell);
        if (allDigits() && end - pos == 8) {
            return compactDate();
        }
        long epochDay = date(DATE_FORMS);
        if (pos != end) {
            throw unparseable("expected a date alone, " + DATE_FORMS);
        }
        return epochDay;
    }

    /** The time-of-day part of a split timestamp, combined with the epoch day from {@link #parseDate}. */
    long parseTimeOfDay(long epochDay, String cell) throws BadValue {
        begin(cell);
        return timeOfDay(epochDay, TIME_FORMS);
    }

    private void begin(String cell) {
        text = cell;
        pos = 0;
        end = cell.length();
        while (pos < end && cell.charAt(pos) <= ' ') pos++;
        while (end > pos && cell.charAt(end - 1) <= ' ') end--;
    }

    private boolean allDigits() {
        if (pos == end) return false;
        for (int i = pos; i < end; i++) {
            if (!isDigit(text.charAt(i))) return false;
        }
        return true;
    }

    private long numeric() throws BadValue {
        int length = end - pos;
        if (length == 8) {
            return toUtc(compactDate() * DAY_MS, false, 0);
        }
        if (length > 16) {
            throw unparseable("a numeric time has 10 digits (epoch seconds), 13 (milliseconds) or 16 (microseconds)");
        }
        long value = Long.parseLong(text, pos, end, 10);
        return switch (length) {
            case 9, 10 -> value * 1000;
            case 12, 13 -> value;
            case 16 -> value / 1000;
            default ->
                throw unparseable("a numeric time has 10 digits (epoch seconds), 13 (milliseconds), "
                        + "16 (microseconds) or 8 (yyyyMMdd), not " + length);
        };
    }

    private long compactDate() throws BadValue {
        int year = number(4, 4, DATE_FORMS);
        int month = number(2, 2, DATE_FORMS);
        int day = number(2, 2, DATE_FORMS);
        return epochDay(year, month, day);
    }

    private long date(String forms) throws BadValue {
        int year = number(4, 4, forms);
        char sep = pos < end ? text.charAt(pos) : 0;
        if (sep != '-' && sep != '/' && sep != '.') {
            throw unparseable("expected " + forms);
        }
        pos++;
        int month = number(1, 2, forms);
        expect(sep, forms);
        int day = number(1, 2, forms);
        return epochDay(year, month, day);
    }

    private long timeOfDay(long epochDay, String forms) throws BadValue {
        int hour = number(1, 2, forms);
        expect(':', forms);
        int minute = number(2, 2, forms);
        int second = 0;
        int millis = 0;
        if (pos < end && text.charAt(pos) == ':') {
            pos++;
            second = number(2, 2, forms);
            if (pos < end && (text.charAt(pos) == '.' || text.charAt(pos) == ',')) {
                pos++;
                millis = fractionMillis();
            }
        }
        if (hour > 23) throw unparseable("hour " + hour + " is not in 0-23");
        if (minute > 59) throw unparseable("minute " + minute + " is not in 0-59");
        if (second > 59) throw unparseable("second " + second + " is not in 0-59");
        long local = epochDay * DAY_MS + ((hour * 60L + minute) * 60 + second) * 1000 + millis;
        while (pos < end && text.charAt(pos) == ' ') pos++;
        if (pos == end) {
            return toUtc(local, false, 0);
        }
        int offsetSeconds = offset(forms);
        if (pos != end) {
            throw unparseable("expected " + forms);
        }
        return toUtc(local, true, offsetSeconds);
    }

    private int fractionMillis() throws BadValue {
        int start = pos;
        int millis = 0;
        while (pos < end && isDigit(text.charAt(pos))) {
            if (pos - start < 3) millis = millis * 10 + (text.charAt(pos) - '0');
            pos++;
        }
        int digits = pos - start;
        if (digits == 0 || digits > 9) throw unparseable("a fraction of a second has 1 to 9 digits, not " + digits);
        for (int d = digits; d < 3; d++) millis *= 10;
        return millis;
    }

    private int offset(String forms) throws BadValue {
        char sign = text.charAt(pos++);
        if (sign == 'Z' || sign == 'z') return 0;
        if (sign != '+' && sign != '-') throw unparseable("expected " + forms);
        int hours = number(2, 2, forms);
        int minutes = 0;
        if (pos < end) {
            if (text.charAt(pos) == ':') pos++;
            minutes = number(2, 2, forms);
        }
        if (hours > 18 || minutes > 59 || hours == 18 && minutes > 0) {
            throw unparseable("offset %c%02d:%02d is beyond ±18:00".formatted(sign, hours, minutes));
        }
        int total = hours * 3600 + minutes * 60;
        return sign == '-' ? -total : total;
    }

    private long toUtc(long localMillis, boolean explicitOffset, int offsetSeconds) {
        if (explicitOffset) return localMillis - offsetSeconds * 1000L;
        if (fixedZone) return localMillis - zoneOffsetMs;
        LocalDateTime local = LocalDateTime.ofEpochSecond(
                Math.floorDiv(localMillis, 1000L), (int) Math.floorMod(localMillis, 1000L) * 1_000_000, ZoneOffset.UTC);
        return local.atZone(zone).toInstant().toEpochMilli();
    }

    private int number(int minDigits, int maxDigits, String forms) throws BadValue {
        int start = pos;
        int value = 0;
        while (pos < end && pos - start < maxDigits && isDigit(text.charAt(pos))) {
            value = value * 10 + (text.charAt(pos++) - '0');
        }
        if (pos - start < minDigits) throw unparseable("expected " + forms);
        return value;
    }

    private void expect(char c, String forms) throws BadValue {
        if (pos >= end || text.charAt(pos) != c) throw unparseable("expected " + forms);
        pos++;
    }

    private long epochDay(int year, int month, int day) throws BadValue {
        if (month < 1 || month > 12) throw unparseable("month " + month + " is not in 1-12");
        int length = lengthOfMonth(year, month);
        if (day < 1 || day > length) {
            throw unparseable("day %d is not in 1-%d for %04d-%02d".formatted(day, length, year, month));
        }
        return daysFromCivil(year, month, day);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil). */
    static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private BadValue unparseable(String detail) {
        return new BadValue("unparseable '%s': %s".formatted(text.strip(), detail));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
