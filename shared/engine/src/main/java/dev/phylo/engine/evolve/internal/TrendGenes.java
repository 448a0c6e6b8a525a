package dev.phylo.engine.evolve.internal;

import dev.phylo.engine.evolve.TrendSpace;
import dev.phylo.engine.strategy.Conditions;
import dev.phylo.engine.strategy.Direction;
import dev.phylo.engine.strategy.Rule;
import dev.phylo.engine.strategy.SideRules;
import java.util.List;

/**
 * The trend-filter gene (see {@link TrendSpace}): a filtered strategy's entries are {@code all} of the family's entry
 * and the trend condition, so a long entry needs {@code sma(fast) > sma(slow)} and a short one the opposite. Exits are
 * left alone: a filter decides when to get in, not when to get out.
 */
public final class TrendGenes {
    private TrendGenes() {}

    /** The pair a gene picks, or {@link Genes#OFF}. */
    public static int choice(double gene, TrendSpace space) {
        return Genes.choiceOrOff(gene, space.off(), space.choices());
    }

    /** A gene picking {@code choice} ({@link Genes#OFF} for none). */
    public static double encode(int choice, TrendSpace space) {
        return Genes.encodeChoiceOrOff(choice, space.off(), space.choices());
    }

    /** The choices a genome may make: OFF when the space allows no filter, then every pair. */
    public static int[] possible(TrendSpace space) {
        int n = space.off() < 1 ? space.choices() : 0;
        boolean off = space.off() > 0;
        int[] out = new int[n + (off ? 1 : 0)];
        int k = 0;
        if (off) {
            out[k++] = Genes.OFF;
        }
        for (int i = 0; i < n; i++) {
            out[k++] = i;
        }
        return out;
    }

    /** How a strategy's name says which filter it has: empty for none. */
    public static String label(TrendSpace space, int choice) {
        return choice == Genes.OFF
                ? ""
                : ", trend sma(" + space.fast().get(choice) + ")/sma("
                        + space.slow().get(choice) + ")";
    }

    /** The template with pair {@code choice}'s filter on its entries; the template itself for {@link Genes#OFF}. */
    public static RuleTemplate filtered(RuleTemplate template, TrendSpace space, int choice) {
        if (choice == Genes.OFF) {
            return template;
        }
        int fast = space.fast().get(choice);
        int slow = space.slow().get(choice);
        Rule up = Conditions.parse("sma(" + fast + ") > sma(" + slow + ")");
        Rule down = Conditions.parse("sma(" + fast + ") < sma(" + slow + ")");
        return new RuleTemplate() {
            @Override
            public int arity() {
                return template.arity();
            }

            @Override
            public int choices(int param, int[] chosen) {
                return template.choices(param, chosen);
            }

            @Override
            public Rules rules(int[] chosen, Direction direction) {
                Rules r = template.rules(chosen, direction);
                return new Rules(r.label(), filter(r.longRules(), up), filter(r.shortRules(), down));
            }
        };
    }

    private static SideRules filter(SideRules side, Rule trend) {
        if (side == null) {
            return null;
        }
        return new SideRules(new Rule.All(List.of(side.entry(), trend)), side.exit(), side.reverseOnly());
    }
}
