package dev.phylo.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.engine.Conformance;
import dev.phylo.engine.data.BarSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every indicator reproduces backtrader's values on the conformance series at every bar, to a relative error of
 * 1e-9, and is undefined exactly where backtrader's is, computed whole and in uneven blocks alike.
 */
class IndicatorConformanceTest {
    private static final double TOLERANCE = 1e-9;

    /** Maps the reference file's names to ours: reference name -> (our kind, param order, output map). */
    private static IndicatorSpec specFor(JsonNode ind) {
        JsonNode p = ind.get("params");
        return switch (ind.get("name").asText()) {
            case "sma" -> IndicatorSpec.of(IndicatorKind.SMA, p.get("period").asDouble());
            case "ema" -> IndicatorSpec.of(IndicatorKind.EMA, p.get("period").asDouble());
            case "wma" -> IndicatorSpec.of(IndicatorKind.WMA, p.get("period").asDouble());
            case "rsi" -> IndicatorSpec.of(IndicatorKind.RSI, p.get("period").asDouble());
            case "atr" -> IndicatorSpec.of(IndicatorKind.ATR, p.get("period").asDouble());
            case "roc" -> IndicatorSpec.of(IndicatorKind.ROC, p.get("period").asDouble());
            case "bollinger" ->
                IndicatorSpec.of(
                        IndicatorKind.BOLLINGER,
                        p.get("period").asDouble(),
                        p.get("devfactor").asDouble());
            case "macd" ->
                IndicatorSpec.of(
                        IndicatorKind.MACD,
                        p.get("fast").asDouble(),
                        p.get("slow").asDouble(),
                        p.get("signal").asDouble());
            case "stochastic" ->
                IndicatorSpec.of(
                        IndicatorKind.STOCH,
                        p.get("period").asDouble(),
                        p.get("dfast").asDouble(),
                        p.get("dslow").asDouble());
            case "highest_high" ->
                IndicatorSpec.of(IndicatorKind.HIGHEST, p.get("period").asDouble());
            case "lowest_low" ->
                IndicatorSpec.of(IndicatorKind.LOWEST, p.get("period").asDouble());
            default -> throw new AssertionError("reference indicator not mapped: " + ind.get("name"));
        };
    }

    private static final Map<String, String> OUTPUT_NAMES = Map.of(
            "mid", "middle", "top", "upper", "bot", "lower", "macd", "line", "signal", "signal", "percK", "k", "percD",
            "d");

    @TestFactory
    List<DynamicTest> everyReferenceIndicatorMatchesAtEveryBar() {
        BarSeries s = Conformance.series();
        List<DynamicTest> tests = new ArrayList<>();
        JsonNode indicators = Conformance.reference().get("indicators");
        assertThat(indicators).hasSize(11);
        for (JsonNode ind : indicators) {
            IndicatorSpec spec = specFor(ind);
            ind.get("values").fields().forEachRemaining(e -> {
                String ours = spec.kind().outputs().size() == 1
                        ? spec.kind().outputs().get(0)
                        : OUTPUT_NAMES.getOrDefault(e.getKey(), e.getKey());
                int output = spec.kind().outputIndex(ours);
                tests.add(DynamicTest.dynamicTest(
                        spec + "." + ours + " whole",
                        () -> assertMatches(spec, output, e.getValue(), Indicators.compute(s, spec)[output])));
                tests.add(DynamicTest.dynamicTest(
                        spec + "." + ours + " in blocks of 7",
                        () -> assertMatches(spec, output, e.getValue(), inBlocks(s, spec, 7)[output])));
            });
        }
        return tests;
    }

    private static double[][] inBlocks(BarSeries s, IndicatorSpec spec, int block) {
        IndicatorCalculator calc = Indicators.calculator(spec);
        double[][] out = new double[spec.kind().outputs().size()][s.size()];
        for (int from = 0; from < s.size(); from += block) {
            calc.compute(s, from, Math.min(s.size(), from + block), out, from);
        }
        return out;
    }

    private static void assertMatches(IndicatorSpec spec, int output, JsonNode expected, double[] actual) {
        assertThat(actual).hasSize(expected.size());
        int firstDefined = -1;
        for (int i = 0; i < actual.length; i++) {
            JsonNode e = expected.get(i);
            if (e.isNull()) {
                assertThat(actual[i])
                        .as("%s bar %d should be undefined", spec, i)
                        .isNaN();
            } else {
                if (firstDefined < 0) {
                    firstDefined = i;
                }
                double want = e.asDouble();
                double rel = Math.abs(actual[i] - want) / Math.max(Math.abs(want), Double.MIN_NORMAL);
                assertThat(rel)
                        .as("%s output %d bar %d: got %s, backtrader %s", spec, output, i, actual[i], want)
                        .isLessThanOrEqualTo(TOLERANCE);
            }
        }
        assertThat(firstDefined)
                .as("%s first defined bar = stated warm-up", spec)
                .isEqualTo(spec.warmup(output));
    }
}
