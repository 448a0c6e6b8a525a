package dev.phylo.store;

import java.util.Objects;

/** A strategy as stored: its id (hash of the canonical spec), its name and its canonical JSON. */
public record StrategyRow(String id, String name, String specJson) {

    public StrategyRow {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("strategy id must be 32 lower-case hex digits: " + id);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(specJson, "specJson");
    }
}
