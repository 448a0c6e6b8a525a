package dev.phylo.engine.evolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.indicator.IndicatorKind;
import dev.phylo.engine.strategy.Conditions;
import dev.phylo.engine.strategy.Direction;
import dev.phylo.engine.strategy.ExampleStrategies;
import dev.phylo.engine.strategy.Operand;
import dev.phylo.engine.strategy.Rule;
import dev.phylo.engine.strategy.Sizing;
import dev.phylo.engine.strategy.Stop;
import dev.phylo.engine.strategy.StrategySpec;
import dev.phylo.engine.strategy.StrategySpecs;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.util.RandomRegistry;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GenomeCodecTest {
    private static final GenomeCodec CODEC = GenomeCodec.of(SearchSpace.defaults());

    @Test
    void genomeHoldsFamilyDirectionLargestFamilyArityFourRiskGenesATrendAndASize() {
        // stochReversion has the most parameters: period, smoothing, entry level, exit level
        assertThat(CODEC.length()).isEqualTo(2 + 4 + 4 + 2);
        assertThat(GenomeCodec.of(SearchSpace.defaults().withFamilies(RuleFamily.DONCHIAN_BREAKOUT))
                        .length())
                .isEqualTo(2 + 2 + 4 + 2);
    }

    @Test
    void randomGenomesAlwaysDecodeToValidCanonicalSpecs() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 20_000; n++) {
            double[] genes = random.doubles(CODEC.length()).toArray();

            StrategySpec spec = CODEC.decode(genes);

            assertThat(StrategySpecs.parse(StrategySpecs.toJson(spec)))
                    .as("genome %s", Arrays.toString(genes))
                    .isEqualTo(spec);
        }
    }

    @Test
    void extremeGenomesDecode() {
        double[] low = new double[CODEC.length()];
        double[] high = new double[CODEC.length()];
        Arrays.fill(high, Math.nextDown(1.0));

        assertThat(CODEC.decode(low).name()).isEqualTo("maCross sma(5)/sma(8) long");
        assertThat(CODEC.decode(high).name())
                .isEqualTo("zscoreReversion zscore(50) -1/0.5 both, trend sma(50)/sma(200)");
        assertThat(CODEC.decode(low).sizing()).isEqualTo(Sizing.fraction(0.25));
        assertThat(CODEC.decode(high).sizing()).isEqualTo(Sizing.ALL_IN);
    }

    @Test
    void everyFamilyAndDirectionIsReachable() {
        SplittableRandom random = new SplittableRandom(12);
        Set<String> families = new java.util.HashSet<>();
        Set<Direction> directions = EnumSet.noneOf(Direction.class);
        for (int n = 0; n < 2_000; n++) {
            StrategySpec spec = CODEC.decode(random.doubles(CODEC.length()).toArray());
            families.add(spec.name().substring(0, spec.name().indexOf(' ')));
            directions.add(spec.direction());
        }
        assertThat(families).containsExactlyInAnyOrderElementsOf(RuleFamily.ids());
        assertThat(directions).containsExactlyInAnyOrder(Direction.values());
    }

    @Test
    void decodedSpecsSurviveEncodeAndDecode() {
        SplittableRandom random = new SplittableRandom(13);
        for (int n = 0; n < 1_000; n++) {
            StrategySpec spec = CODEC.decode(random.doubles(CODEC.length()).toArray());

            double[] genes = CODEC.encode(spec);

            GenomeAssertions.assertGenome(genes, CODEC.length());
            assertThat(CODEC.decode(genes)).isEqualTo(spec);
        }
    }

    @Test
    void decodesGenesToTheDocumentedMaCrossText() {
        double[] genes = new double[CODEC.length()];
        genes[GenomeCodec.FAMILY_GENE] = 0.01; // maCross, first of 8 families
        genes[GenomeCodec.DIRECTION_GENE] = 0.9; // both, third of 3
        genes[GenomeCodec.PARAMETER_GENES] = 0.7; // ema, second of sma/ema
        genes[GenomeCodec.PARAMETER_GENES + 1] = 4.5 / 8; // slow: bucket 4 of 8 over [8..200] -> 30
        genes[GenomeCodec.PARAMETER_GENES + 2] = 2.5 / 5; // fast: bucket 2 of the 5 periods below 30 -> 10
        // risk and trend genes 0: inside every off region; the size gene picks the last of 4 sizes, all in
        genes[CODEC.length() - 1] = 0.99;

        StrategySpec spec = CODEC.decode(genes);

        assertThat(spec.name()).isEqualTo("maCross ema(10)/ema(30) both");
        assertThat(spec.longRules().entry()).hasToString("ema(10) crosses above ema(30)");
        assertThat(spec.longRules().exit()).as("stop and reverse: no exit").isNull();
        assertThat(spec.shortRules().entry()).hasToString("ema(10) crosses below ema(30)");
        assertThat(spec.stopLoss()).isNull();
        assertThat(spec.maxBarsInTrade()).isZero();
        assertThat(spec.sizing()).isEqualTo(Sizing.ALL_IN);
    }

    @Test
    void fastAverageIsAlwaysShorterThanSlow() {
        GenomeCodec codec = GenomeCodec.of(SearchSpace.defaults()
                .withFamilies(RuleFamily.MA_CROSS)
                .withDirections(Direction.LONG)
                .withTrend(TrendSpace.NONE));
        SplittableRandom random = new SplittableRandom(14);
        for (int n = 0; n < 2_000; n++) {
            StrategySpec spec = codec.decode(random.doubles(codec.length()).toArray());
            Rule.Condition entry = (Rule.Condition) spec.longRules().entry();
            int fast = ((Operand.Indicator) entry.left()).spec().intParam(0);
            int slow = ((Operand.Indicator) entry.right()).spec().intParam(0);
            assertThat(fast).as(spec.name()).isLessThan(slow);
            assertThat(spec.longRules().exit())
                    .as("long-only exits on the opposite cross")
                    .isNotNull();
            assertThat(spec.shortRules()).isNull();
        }
    }

    @Test
    void riskGenesSpendTheirOffShareOnNone() {
        SplittableRandom random = new SplittableRandom(15);
        int n = 20_000;
        int noStopLoss = 0;
        int noBarLimit = 0;
        for (int i = 0; i < n; i++) {
            StrategySpec spec = CODEC.decode(random.doubles(CODEC.length()).toArray());
            noStopLoss += spec.stopLoss() == null ? 1 : 0;
            noBarLimit += spec.maxBarsInTrade() == 0 ? 1 : 0;
        }
        assertThat(noStopLoss / (double) n)
                .isCloseTo(RiskSpace.DEFAULT.stopLoss().off(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(noBarLimit / (double) n)
                .isCloseTo(RiskSpace.DEFAULT.maxBarsInTrade().off(), org.assertj.core.data.Offset.offset(0.02));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sma-cross-stop-and-reverse",
                "rsi-mean-reversion",
                "bollinger-breakout",
                "macd-signal-cross",
                "donchian-breakout-atr-stop"
            })
    void encodesShippedExampleStrategies(String name) {
        StrategySpec example = ExampleStrategies.get(name);

        StrategySpec decoded = CODEC.decode(CODEC.encode(example));

        assertThat(decoded).isEqualTo(renamed(example, decoded.name()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'version':1,'direction':'long','long':{'entry':'ema(20) crosses above ema(50)','exit':'ema(20) crosses below ema(50)'},'risk':{'stopLoss':{'atr':14,'multiple':2}}}",
                "{'version':1,'direction':'short','short':{'entry':'rsi(8) > 75','exit':'rsi(8) < 40'}}",
                "{'version':1,'direction':'long','long':{'entry':'close > highest(20)[1]','exit':'close < lowest(10)[1]'},'risk':{'takeProfit':{'percent':6}}}",
                "{'version':1,'direction':'both','long':{'entry':'stoch(14,3,3) < 20','exit':'stoch(14,3,3) > 80'},'short':{'entry':'stoch(14,3,3) > 80','exit':'stoch(14,3,3) < 20'}}",
                "{'version':1,'direction':'short','short':{'entry':'roc(10) < -0.02','exit':'roc(10) > 0'},'risk':{'trailingStop':{'percent':5},'maxBarsInTrade':30}}",
                "{'version':1,'direction':'long','long':{'entry':'zscore(20) < -2','exit':'zscore(20) > 0'}}",
                "{'version':1,'direction':'short','short':{'entry':'close crosses below bollinger(30,2.5).lower','exit':'close crosses above bollinger(30,2.5).middle'}}",
                "{'version':1,'direction':'long','long':{'entry':'macd(8,21,5) crosses above macd(8,21,5).signal','exit':'macd(8,21,5) crosses below macd(8,21,5).signal'}}"
            })
    void encodesHandWrittenSpecOfEachFamily(String json) {
        StrategySpec spec = StrategySpecs.parse(json.replace('\'', '"'));

        StrategySpec decoded = CODEC.decode(CODEC.encode(spec));

        assertThat(decoded).isEqualTo(renamed(spec, decoded.name()));
    }

    @Test
    void refusesToEncodeSpecOutsideTheSpace() {
        // the shipped Donchian example trades half its equity behind an SMA(50)/SMA(200) trend filter
        StrategySpec donchian = ExampleStrategies.get("donchian-breakout-atr-stop");
        GenomeCodec allIn = GenomeCodec.of(SearchSpace.defaults().withSizingFraction(1.0));
        assertThatThrownBy(() -> allIn.encode(donchian))
                .isInstanceOf(NotInSearchSpaceException.class)
                .hasMessageContaining("sizing Sizing[fractionOfEquity=0.5, units=0.0] is not one of the search space's"
                        + " fractions of equity [1.0]");
        GenomeCodec unfiltered = GenomeCodec.of(SearchSpace.defaults().withTrend(TrendSpace.NONE));
        assertThatThrownBy(() -> unfiltered.encode(donchian))
                .isInstanceOf(NotInSearchSpaceException.class)
                .hasMessageContaining("are not those of any enabled family");
        StrategySpec rsi = ExampleStrategies.get("rsi-mean-reversion");
        assertThatThrownBy(() -> CODEC.encode(withStopLoss(rsi, Stop.percent(2.5))))
                .isInstanceOf(NotInSearchSpaceException.class)
                .hasMessageContaining("stopLoss 2.5% is not in the search space");
        GenomeCodec shortOnly = GenomeCodec.of(SearchSpace.defaults().withDirections(Direction.SHORT));
        assertThatThrownBy(() -> shortOnly.encode(rsi))
                .isInstanceOf(NotInSearchSpaceException.class)
                .hasMessageContaining("direction LONG is not in the search space [SHORT]");
        StrategySpec rsi40 = StrategySpecs.parse(StrategySpecs.toJson(rsi).replace("rsi(14) < 30", "rsi(14) < 40"));
        assertThatThrownBy(() -> CODEC.encode(rsi40)).isInstanceOf(NotInSearchSpaceException.class);
    }

    @Test
    void aTrendGeneFiltersEveryEntryAndLeavesTheExitsAlone() {
        double[] genes = new double[CODEC.length()];
        genes[GenomeCodec.FAMILY_GENE] = 0.01; // maCross
        genes[GenomeCodec.DIRECTION_GENE] = 0.9; // both
        genes[GenomeCodec.PARAMETER_GENES + 1] = 4.5 / 8; // slow 30
        genes[GenomeCodec.PARAMETER_GENES + 2] = 2.5 / 5; // fast 10
        genes[CODEC.length() - 2] = 0.9; // above the off half: the second pair, 50/200

        StrategySpec spec = CODEC.decode(genes);

        assertThat(spec.name()).isEqualTo("maCross sma(10)/sma(30) both, trend sma(50)/sma(200)");
        assertThat(spec.longRules().entry())
                .isEqualTo(new Rule.All(List.of(
                        Conditions.parse("sma(10) crosses above sma(30)"), Conditions.parse("sma(50) > sma(200)"))));
        assertThat(spec.shortRules().entry())
                .isEqualTo(new Rule.All(List.of(
                        Conditions.parse("sma(10) crosses below sma(30)"), Conditions.parse("sma(50) < sma(200)"))));
        assertThat(spec.longRules().exit()).isNull();
    }

    @Test
    void halfOfRandomGenomesHaveATrendFilterAndEverySizeIsDrawnAlike() {
        SplittableRandom random = new SplittableRandom(16);
        int n = 20_000;
        int filtered = 0;
        Map<Double, Integer> sizes = new java.util.TreeMap<>();
        for (int i = 0; i < n; i++) {
            StrategySpec spec = CODEC.decode(random.doubles(CODEC.length()).toArray());
            filtered += spec.name().contains(", trend sma(") ? 1 : 0;
            sizes.merge(spec.sizing().fractionOfEquity(), 1, Integer::sum);
        }
        assertThat(filtered / (double) n)
                .isCloseTo(TrendSpace.DEFAULT.off(), org.assertj.core.data.Offset.offset(0.02));
        assertThat(sizes).containsOnlyKeys(0.25, 0.5, 0.75, 1.0);
        sizes.values()
                .forEach(count ->
                        assertThat(count / (double) n).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.02)));
    }

    @Test
    void rejectsGenomesOfWrongLengthOrOutsideUnitInterval() {
        assertThatThrownBy(() -> CODEC.decode(new double[3])).hasMessageContaining("genome must have 12 genes, got 3");
        double[] genes = new double[CODEC.length()];
        genes[3] = 1.0;
        assertThatThrownBy(() -> CODEC.decode(genes)).hasMessageContaining("gene 3 must be in [0, 1): 1.0");
        genes[3] = Double.NaN;
        assertThatThrownBy(() -> CODEC.decode(genes)).hasMessageContaining("gene 3 must be in [0, 1): NaN");
    }

    @Test
    void genotypeHoldsTheSameGenesInOneChromosome() {
        double[] genes = new SplittableRandom(16).doubles(CODEC.length()).toArray();

        Genotype<DoubleGene> genotype = CODEC.toGenotype(genes);

        assertThat(genotype.length()).isEqualTo(1);
        assertThat(genotype.chromosome().length()).isEqualTo(CODEC.length());
        assertThat(genotype.isValid()).isTrue();
        assertThat(CODEC.fromGenotype(genotype)).isEqualTo(genes);
    }

    @Test
    void jeneticsCodecDecodesGenotypesFromItsOwnFactory() {
        var codec = CODEC.jeneticsCodec();

        Genotype<DoubleGene> genotype = RandomRegistry.with(
                new SplittableRandom(17), r -> codec.encoding().newInstance());

        assertThat(codec.decode(genotype)).isEqualTo(CODEC.decode(CODEC.fromGenotype(genotype)));
    }

    @Test
    void atrStopsReadTheConfiguredAtr() {
        SplittableRandom random = new SplittableRandom(18);
        boolean sawAtr = false;
        for (int n = 0; n < 500; n++) {
            Stop stop = CODEC.decode(random.doubles(CODEC.length()).toArray()).stopLoss();
            if (stop != null && stop.kind() == Stop.Kind.ATR) {
                sawAtr = true;
                assertThat(stop.atrSpec().kind()).isEqualTo(IndicatorKind.ATR);
                assertThat(stop.atrPeriod()).isEqualTo(14);
            }
        }
        assertThat(sawAtr).isTrue();
    }

    static StrategySpec renamed(StrategySpec s, String name) {
        return new StrategySpec(
                s.version(),
                name,
                s.direction(),
                s.longRules(),
                s.shortRules(),
                s.stopLoss(),
                s.takeProfit(),
                s.trailingStop(),
                s.maxBarsInTrade(),
                s.sizing());
    }

    private static StrategySpec withStopLoss(StrategySpec s, Stop stop) {
        return new StrategySpec(
                s.version(),
                s.name(),
                s.direction(),
                s.longRules(),
                s.shortRules(),
                stop,
                s.takeProfit(),
                s.trailingStop(),
                s.maxBarsInTrade(),
                s.sizing());
    }
}
