package dev.phylo.lambda.internal;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The module's Jackson mapper (thread-safe once configured; nothing reconfigures it). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}
}
