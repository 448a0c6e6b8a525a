package dev.phylo.engine.strategy;

/** Which positions a strategy may take. */
public enum Direction {
    LONG, SHORT, BOTH;

    public boolean allowsLong() {
        return this != SHORT;
    }

    public boolean allowsShort() {
        return this != LONG;
    }
}
