package dev.phylo.engine.strategy;

import java.util.Objects;

/**
 * When to open and when to close one side (long or short). Without an exit rule the position closes only by a stop,
 * the bar limit, or the opposite side's entry (stop and reverse).
 *
 * @param entry        opens a position of this side when flat, and reverses an open opposite position
 * @param exit         closes a position of this side; null for none
 * @param reverseOnly  the entry only reverses an open opposite position and never opens from flat: a stop-and-reverse
 *                     system that starts on the other side's first signal
 */
public record SideRules(Rule entry, Rule exit, boolean reverseOnly) {
    public SideRules {
        Objects.requireNonNull(entry, "entry rule");
    }

    public SideRules(Rule entry, Rule exit) {
        this(entry, exit, false);
    }
}
