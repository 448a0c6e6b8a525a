package dev.phylo.functions.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The y axis: headroom above and below the lines, but never across zero. */
class LineChartTest {

    private static List<Double> yTicks(String svg) {
        Matcher m = Pattern.compile("<text class=\"tick\" x=\"\\d+\" y=\"[^\"]+\" text-anchor=\"end\">([^<]+)</text>")
                .matcher(svg);
        List<Double> ticks = new ArrayList<>();
        while (m.find()) {
            ticks.add(Double.parseDouble(m.group(1).replace(",", "")));
        }
        return ticks;
    }

    private static String chart(double... y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return new LineChart("c", 800, 300, LineChart.XAxis.INTEGER, "x", "y", LineChart.NUMBER)
                .line("equity", "a", x, y, false)
                .svg("t");
    }

    @Test
    void anEquityCurveNearZeroKeepsItsAxisAtOrAboveZero() {
        // 10,000 rising to 400,000: 4 % headroom below 10,000 would reach -5,600 and a tick step of 100,000 -100,000
        List<Double> ticks = yTicks(chart(10_000, 50_000, 400_000));
        assertThat(ticks).isNotEmpty();
        assertThat(ticks.get(0)).isEqualTo(0.0);
        assertThat(ticks).allMatch(t -> t >= 0);
        assertThat(ticks.get(ticks.size() - 1)).isGreaterThanOrEqualTo(400_000);
    }

    @Test
    void seriesThatCrossZeroStillGetHeadroomOnBothSides() {
        List<Double> ticks = yTicks(chart(-0.95, 0.2, 1.0));
        assertThat(ticks.get(0)).isLessThan(-0.95);
        assertThat(ticks.get(ticks.size() - 1)).isGreaterThan(1.0);
    }

    @Test
    void anAllNegativeSeriesStopsAtZeroAbove() {
        List<Double> ticks = yTicks(chart(-400, -300, -10));
        assertThat(ticks.get(ticks.size() - 1)).isEqualTo(0.0);
        assertThat(ticks).allMatch(t -> t <= 0);
    }
}
