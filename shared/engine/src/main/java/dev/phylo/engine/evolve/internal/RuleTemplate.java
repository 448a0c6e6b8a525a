package dev.phylo.engine.evolve.internal;

import dev.phylo.engine.strategy.Conditions;
import dev.phylo.engine.strategy.Direction;
import dev.phylo.engine.strategy.SideRules;

/**
 * Turns a rule family's parameter choices into entry/exit rules, written as condition text. Parameter {@code i} picks
 * one of {@link #choices(int, int[])} values; the count may depend on the earlier choices (a slow period limits the
 * fast ones).
 */
public interface RuleTemplate {

    /** Number of parameter genes. */
    int arity();

    /** Number of values parameter {@code param} chooses from, given the choices of parameters before it. */
    int choices(int param, int[] chosen);

    /** The rules for the given choices and direction. */
    Rules rules(int[] chosen, Direction direction);

    /** Rules of one decoded strategy, and a short label naming its family and parameters. */
    record Rules(String label, SideRules longRules, SideRules shortRules) {}

    /**
     * Rules whose short side mirrors the long side, each side present only if {@code direction} allows it. A null
     * exit means none.
     */
    static Rules sides(
            String label, Direction direction, String longEntry, String longExit, String shortEntry, String shortExit) {
        SideRules longRules = direction.allowsLong() ? side(longEntry, longExit) : null;
        SideRules shortRules = direction.allowsShort() ? side(shortEntry, shortExit) : null;
        return new Rules(label, longRules, shortRules);
    }

    private static SideRules side(String entry, String exit) {
        return new SideRules(Conditions.parse(entry), exit == null ? null : Conditions.parse(exit));
    }
}
