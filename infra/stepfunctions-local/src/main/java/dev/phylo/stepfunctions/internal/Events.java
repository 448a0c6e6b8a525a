package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.HistoryEvent;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Builders for the details of history events, and the timestamp format of the history and context object. */
final class Events {

    private Events() {}

    /** {"error": error, "cause": cause}; no error field when {@code error} is null. */
    static ObjectNode errorDetails(String error, String cause) {
        ObjectNode d = Json.NODES.objectNode();
        if (error != null) {
            d.put("error", error);
        }
        d.put("cause", cause == null ? "" : cause);
        return d;
    }

    /** Adds {@code value} as JSON text under {@code field}, cut to the history's limit, and {@code fieldDetails}. */
    static ObjectNode data(ObjectNode d, String field, JsonNode value) {
        String text = Json.write(value);
        boolean truncated = text.length() > HistoryEvent.MAX_DATA_CHARS;
        d.put(field, truncated ? text.substring(0, HistoryEvent.MAX_DATA_CHARS) : text);
        d.putObject(field + "Details").put("truncated", truncated);
        return d;
    }

    /** ISO-8601 in UTC with milliseconds. */
    static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
