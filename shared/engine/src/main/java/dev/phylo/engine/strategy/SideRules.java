package dev.phylo.engine.strategy;

import java.util.Objects;

/**
 * When to open and when to close one side (long or short). Without an exit rule the position closes only by a stop,
 * the bar limit, or the opposite side's entry (stop and reverse).
 */
public record SideRules(Rule entry, Rule exit) {
    public SideRules {
        Objects.requireNonNull(entry, "entry rule");
    }
}
