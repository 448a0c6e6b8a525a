package dev.phylo.engine.evolve;

import dev.phylo.engine.evolve.internal.ChoiceSearch;
import dev.phylo.engine.evolve.internal.Genes;
import dev.phylo.engine.evolve.internal.Genomes;
import dev.phylo.engine.evolve.internal.RiskGenes;
import dev.phylo.engine.evolve.internal.RuleTemplate;
import dev.phylo.engine.evolve.internal.RuleTemplates;
import dev.phylo.engine.evolve.internal.TrendGenes;
import dev.phylo.engine.strategy.Direction;
import dev.phylo.engine.strategy.Sizing;
import dev.phylo.engine.strategy.StrategySpec;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.engine.Codec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Genome &lt;-&gt; {@link StrategySpec} over a {@link SearchSpace}. A genome is a fixed-length array of genes in
 * [0, 1) (in Jenetics terms one {@link DoubleChromosome}), laid out as
 * <pre>
 *   [0] family   [1] direction   [2 .. 2+P) family parameters   then stopLoss, takeProfit, trailingStop, maxBarsInTrade,
 *   trend filter, position size
 * </pre>
 * where P is the largest parameter count of the enabled families (a family ignores the parameter genes it does not
 * use). Each gene picks one of n choices by cutting [0, 1) into n equal buckets; a risk gene first spends its "off"
 * share on "none". So every genome decodes to a valid spec, and the decoded spec is an ordinary one, written as
 * condition text and named {@code "<family> <parameters> <direction>"}, followed by {@code ", trend sma(f)/sma(s)"}
 * when its entries are trend-filtered ({@link TrendSpace}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GenomeCodec {
    /** Index of the gene choosing the rule family. */
    public static final int FAMILY_GENE = 0;
    /** Index of the gene choosing the direction. */
    public static final int DIRECTION_GENE = 1;
    /** Index of the first family-parameter gene. */
    public static final int PARAMETER_GENES = 2;

    private static final int RISK_GENES = 4;
    /** The trend-filter gene and the position-size gene, after the risk genes. */
    private static final int OTHER_GENES = 2;
    /** Value written into genes an encoded spec does not use. */
    private static final double UNUSED = 0.5;

    private final SearchSpace space;
    private final List<RuleTemplate> templates;
    /** The templates with each trend filter on their entries, built once: {@code [trend + 1][family]}, 0 = none. */
    private final List<List<RuleTemplate>> byTrend;

    private final int parameters;

    private GenomeCodec(SearchSpace space) {
        this.space = Objects.requireNonNull(space, "space");
        this.templates =
                space.families().stream().map(f -> RuleTemplates.of(f, space)).toList();
        this.parameters = templates.stream().mapToInt(RuleTemplate::arity).max().orElseThrow();
        List<List<RuleTemplate>> trends = new ArrayList<>();
        for (int trend = Genes.OFF; trend < space.trend().choices(); trend++) {
            int t = trend;
            trends.add(templates.stream()
                    .map(template -> TrendGenes.filtered(template, space.trend(), t))
                    .toList());
        }
        this.byTrend = List.copyOf(trends);
    }

    public static GenomeCodec of(SearchSpace space) {
        return new GenomeCodec(space);
    }

    public SearchSpace space() {
        return space;
    }

    /** Genes per genome. */
    public int length() {
        return PARAMETER_GENES + parameters + RISK_GENES + OTHER_GENES;
    }

    /**
     * The niche of a genome: its rule family and direction as one number, {@code family × directions + direction}
     * (see {@link Niches}).
     */
    public int niche(double[] genes) {
        return Genes.choice(genes[FAMILY_GENE], templates.size())
                        * space.directions().size()
                + Genes.choice(genes[DIRECTION_GENE], space.directions().size());
    }

    /** The strategy a genome stands for; fails only if {@code genes} has the wrong length or a gene outside [0, 1). */
    public StrategySpec decode(double[] genes) {
        Genes.check(genes, length());
        int risk = PARAMETER_GENES + parameters;
        int trend = TrendGenes.choice(genes[risk + RISK_GENES], space.trend());
        RuleTemplate template = byTrend.get(trend + 1).get(Genes.choice(genes[FAMILY_GENE], templates.size()));
        Direction direction = space.directions()
                .get(Genes.choice(genes[DIRECTION_GENE], space.directions().size()));
        int[] chosen = new int[template.arity()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = Genes.choice(genes[PARAMETER_GENES + i], template.choices(i, chosen));
        }
        RuleTemplate.Rules rules = template.rules(chosen, direction);
        RiskSpace r = space.risk();
        List<Double> sizes = space.sizingFractions();
        Sizing sizing = Sizing.fraction(sizes.get(Genes.choice(genes[risk + RISK_GENES + 1], sizes.size())));
        return new StrategySpec(
                StrategySpec.VERSION,
                rules.label() + " " + direction.name().toLowerCase(Locale.ROOT)
                        + TrendGenes.label(space.trend(), trend),
                direction,
                rules.longRules(),
                rules.shortRules(),
                RiskGenes.stop(genes[risk], r.stopLoss()),
                RiskGenes.stop(genes[risk + 1], r.takeProfit()),
                RiskGenes.stop(genes[risk + 2], r.trailingStop()),
                RiskGenes.maxBars(genes[risk + 3], r.maxBarsInTrade()),
                sizing);
    }

    /**
     * A genome that decodes to {@code spec}, e.g. to seed a run with a known strategy. The name is not encoded: the
     * decoded spec equals {@code spec} except that it carries the generated name. Unused genes are 0.5.
     *
     * @throws NotInSearchSpaceException when no genome decodes to the spec; the message says which part is outside
     */
    public double[] encode(StrategySpec spec) {
        double[] genes = new double[length()];
        Arrays.fill(genes, UNUSED);
        int direction = space.directions().indexOf(spec.direction());
        if (direction < 0) {
            throw new NotInSearchSpaceException(
                    "direction %s is not in the search space %s".formatted(spec.direction(), space.directions()));
        }
        genes[DIRECTION_GENE] = Genes.center(direction, space.directions().size());
        int size = spec.sizing().units() > 0
                ? -1
                : space.sizingFractions().indexOf(spec.sizing().fractionOfEquity());
        if (size < 0) {
            throw new NotInSearchSpaceException("sizing %s is not one of the search space's fractions of equity %s"
                    .formatted(spec.sizing(), space.sizingFractions()));
        }
        int risk = PARAMETER_GENES + parameters;
        genes[risk + RISK_GENES + 1] =
                Genes.center(size, space.sizingFractions().size());
        RiskSpace r = space.risk();
        genes[risk] = RiskGenes.encodeStop(spec.stopLoss(), r.stopLoss(), "stopLoss");
        genes[risk + 1] = RiskGenes.encodeStop(spec.takeProfit(), r.takeProfit(), "takeProfit");
        genes[risk + 2] = RiskGenes.encodeStop(spec.trailingStop(), r.trailingStop(), "trailingStop");
        genes[risk + 3] = RiskGenes.encodeMaxBars(spec.maxBarsInTrade(), r.maxBarsInTrade());
        for (int trend : TrendGenes.possible(space.trend())) {
            for (int f = 0; f < templates.size(); f++) {
                RuleTemplate template = byTrend.get(trend + 1).get(f);
                int[] chosen = ChoiceSearch.find(template, spec.direction(), spec.longRules(), spec.shortRules());
                if (chosen != null) {
                    genes[FAMILY_GENE] = Genes.center(f, templates.size());
                    for (int i = 0; i < chosen.length; i++) {
                        genes[PARAMETER_GENES + i] = Genes.center(chosen[i], template.choices(i, chosen));
                    }
                    genes[risk + RISK_GENES] = TrendGenes.encode(trend, space.trend());
                    return genes;
                }
            }
        }
        throw new NotInSearchSpaceException(
                "the rules of '%s' (long %s, short %s) are not those of any enabled family %s on its grid, with or"
                                .formatted(spec.name(), spec.longRules(), spec.shortRules(), space.families())
                        + " without a trend filter " + space.trend());
    }

    /** The genome as a Jenetics genotype: one {@link DoubleChromosome} of {@link #length()} genes in [0, 1). */
    public Genotype<DoubleGene> toGenotype(double[] genes) {
        Genes.check(genes, length());
        return Genomes.toGenotype(genes);
    }

    public double[] fromGenotype(Genotype<DoubleGene> genotype) {
        double[] genes = Genomes.fromGenotype(genotype);
        Genes.check(genes, length());
        return genes;
    }

    /** This codec as a Jenetics {@link Codec}, whose factory draws genes from {@code RandomRegistry.random()}. */
    public Codec<StrategySpec, DoubleGene> jeneticsCodec() {
        return Codec.of(Genotype.of(DoubleChromosome.of(0, 1, length())), gt -> decode(fromGenotype(gt)));
    }
}
