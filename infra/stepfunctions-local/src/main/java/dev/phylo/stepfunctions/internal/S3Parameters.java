package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the evaluated Parameters of an ItemReader or ResultWriter (Bucket, Key, Prefix). */
final class S3Parameters {

    private S3Parameters() {}

    /** The non-empty string {@code field}; else fails with {@code error} naming the state and the field. */
    static String text(Model.State s, String where, JsonNode params, String field, String error) {
        JsonNode v = params.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            throw new StatesError(
                    error,
                    "state \"" + s.name() + "\": field " + where + ".Parameters: " + field
                            + " must be a non-empty string but is "
                            + (v == null ? "missing" : Json.abbreviate(v, 256)));
        }
        return v.textValue();
    }

    /** The string {@code field}, or "" when it is absent; else fails like {@link #text}. */
    static String optionalText(Model.State s, String where, JsonNode params, String field, String error) {
        JsonNode v = params.get(field);
        if (v == null) {
            return "";
        }
        if (!v.isTextual()) {
            throw new StatesError(
                    error,
                    "state \"" + s.name() + "\": field " + where + ".Parameters: " + field + " must be a string but is "
                            + Json.abbreviate(v, 256));
        }
        return v.textValue();
    }
}
