package dev.phylo.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The package's Jackson mapper (thread-safe once configured). */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
