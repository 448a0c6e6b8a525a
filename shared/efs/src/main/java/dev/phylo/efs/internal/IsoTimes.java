package dev.phylo.efs.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Epoch milliseconds to and from ISO-8601 UTC ({@code 2024-01-02T09:30:00Z}, milliseconds shown only when non-zero). */
public final class IsoTimes {
    private IsoTimes() {}

    public static String format(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    public static long parse(String field, String iso) {
        if (iso == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("%s is not an ISO-8601 UTC instant: \"%s\"".formatted(field, iso), e);
        }
    }
}
