package dev.phylo.engine.evolve.internal;

import dev.phylo.engine.strategy.Direction;
import dev.phylo.engine.strategy.SideRules;
import java.util.Objects;

/**
 * Finds the parameter choices of a {@link RuleTemplate} whose rules equal given ones, by walking every combination
 * in order. Encoding by search rather than by a hand-written inverse keeps encoding consistent with decoding by
 * construction; grids are small (the default space has at most a few hundred combinations per family).
 */
public final class ChoiceSearch {
    private ChoiceSearch() {}

    /** The first choices (in lexicographic order) giving exactly these rules, or null when none does. */
    public static int[] find(RuleTemplate template, Direction direction, SideRules longRules, SideRules shortRules) {
        int[] chosen = new int[template.arity()];
        return walk(template, direction, longRules, shortRules, chosen, 0) ? chosen : null;
    }

    private static boolean walk(
            RuleTemplate t, Direction d, SideRules longRules, SideRules shortRules, int[] chosen, int param) {
        if (param == chosen.length) {
            RuleTemplate.Rules r = t.rules(chosen, d);
            return Objects.equals(r.longRules(), longRules) && Objects.equals(r.shortRules(), shortRules);
        }
        int n = t.choices(param, chosen);
        for (int i = 0; i < n; i++) {
            chosen[param] = i;
            if (walk(t, d, longRules, shortRules, chosen, param + 1)) {
                return true;
            }
        }
        return false;
    }
}
