package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.JsonPathException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.EnumSet;

/**
 * A JsonPath ({@code $...}) against the effective input or a context-object path ({@code $$...})
 * against the context object, evaluated with Jayway JsonPath over Jackson nodes. A path that
 * selects nothing reads as Java {@code null} (callers turn that into {@code States.Runtime}).
 */
public final class PathExpr {
    static final Configuration CONF = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER))
            .mappingProvider(new JacksonMappingProvider(Json.MAPPER))
            .options(EnumSet.noneOf(com.jayway.jsonpath.Option.class))
            .build();

    public static final PathExpr ROOT = new PathExpr("$", false, null);

    private final String text;
    private final boolean context;
    private final JsonPath compiled; // null for "$" and "$$"

    private PathExpr(String text, boolean context, JsonPath compiled) {
        this.text = text;
        this.context = context;
        this.compiled = compiled;
    }

    /**
     * Compiles {@code $...} or {@code $$...}.
     *
     * @throws IllegalArgumentException with a reason when the text is not a valid path
     */
    public static PathExpr compile(String text, boolean allowContext, boolean requireDefinite) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("'" + text + "' is not a JSONPath (it must start with $)");
        }
        boolean ctx = text.startsWith("$$");
        if (ctx && !allowContext) {
            throw new IllegalArgumentException("'" + text + "' may not refer to the context object ($$)");
        }
        String local = ctx ? text.substring(1) : text;
        if (local.equals("$")) {
            return new PathExpr(text, ctx, null);
        }
        if (local.length() > 1 && local.charAt(1) != '.' && local.charAt(1) != '[') {
            throw new IllegalArgumentException("'" + text + "' is not a valid JSONPath");
        }
        JsonPath p;
        try {
            p = JsonPath.compile(local);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid JSONPath: " + e.getMessage());
        }
        if (requireDefinite && !p.isDefinite()) {
            throw new IllegalArgumentException(
                    "'" + text + "' must be a reference path (a definite path selecting a single node)");
        }
        return new PathExpr(text, ctx, p);
    }

    public String text() {
        return text;
    }

    public boolean isContext() {
        return context;
    }

    public boolean isRoot() {
        return compiled == null && !context;
    }

    /** The selected node, or null when the path selects nothing. */
    public JsonNode read(JsonNode input, JsonNode contextObject) {
        JsonNode doc = context ? contextObject : input;
        if (compiled == null) {
            return doc;
        }
        if (doc == null) {
            return null;
        }
        Object r;
        try {
            r = compiled.read(doc, CONF);
        } catch (JsonPathException e) {
            return null;
        }
        if (r == null) {
            return Json.NODES.nullNode();
        }
        if (r instanceof JsonNode) {
            return (JsonNode) r;
        }
        return Json.MAPPER.valueToTree(r);
    }

    @Override
    public String toString() {
        return text;
    }
}
