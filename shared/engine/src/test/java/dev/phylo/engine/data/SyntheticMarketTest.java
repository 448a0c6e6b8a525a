package dev.phylo.engine.data;

import static dev.phylo.engine.data.ReturnStatistics.absolute;
import static dev.phylo.engine.data.ReturnStatistics.autocorrelation;
import static dev.phylo.engine.data.ReturnStatistics.correlation;
import static dev.phylo.engine.data.ReturnStatistics.excessKurtosis;
import static dev.phylo.engine.data.ReturnStatistics.logReturns;
import static dev.phylo.engine.data.ReturnStatistics.mean;
import static dev.phylo.engine.data.ReturnStatistics.squared;
import static dev.phylo.engine.data.ReturnStatistics.variance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticMarketTest {
    private static final double YEAR_MS = 365.25 * 86_400_000.0;

    private static SyntheticConfig hourly(int bars, long seed) {
        return SyntheticConfig.defaults("SYN", BarInterval.ONE_HOUR, bars, seed);
    }

    @Test
    void sameSeedGivesBitIdenticalSeries() {
        BarSeries a = SyntheticMarket.generate(hourly(5_000, 42).withIntrabar(6, 0.1));
        BarSeries b = SyntheticMarket.generate(hourly(5_000, 42).withIntrabar(6, 0.1));
        assertThat(a.time()).isEqualTo(b.time());
        assertThat(Arrays.equals(a.open(), b.open())).isTrue();
        assertThat(Arrays.equals(a.high(), b.high())).isTrue();
        assertThat(Arrays.equals(a.low(), b.low())).isTrue();
        assertThat(Arrays.equals(a.close(), b.close())).isTrue();
        assertThat(Arrays.equals(a.volume(), b.volume())).isTrue();
    }

    @Test
    void differentSeedsGiveDifferentSeries() {
        BarSeries a = SyntheticMarket.generate(hourly(1_000, 1));
        BarSeries b = SyntheticMarket.generate(hourly(1_000, 2));
        assertThat(a.close()).isNotEqualTo(b.close());
        assertThat(a.volume()).isNotEqualTo(b.volume());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "5m", "1h", "1d", "1w"})
    void everyBarHasPositivePricesAndLowOpenCloseHighInOrder(String interval) {
        SyntheticConfig cfg = SyntheticConfig.defaults("SYN", BarInterval.parse(interval), 20_000, 7)
                .withIntrabar(4, 0.2);
        BarSeries s = SyntheticMarket.generate(cfg);
        for (int i = 0; i < s.size(); i++) {
            double o = s.open()[i], h = s.high()[i], l = s.low()[i], c = s.close()[i], v = s.volume()[i];
            if (!(l > 0 && l <= Math.min(o, c) && h >= Math.max(o, c) && Double.isFinite(h) && v >= 0)) {
                throw new AssertionError(
                        "bar %d breaks an invariant: o=%s h=%s l=%s c=%s v=%s".formatted(i, o, h, l, c, v));
            }
        }
    }

    @Test
    void barsAreEvenlySpacedFromTheStart() {
        SyntheticConfig cfg = SyntheticConfig.defaults("SYN", new BarInterval(5, 'm'), 1_000, 3)
                .withStart(1_600_000_000_000L, 50);
        BarSeries s = SyntheticMarket.generate(cfg);
        assertThat(s.symbol()).isEqualTo("SYN");
        assertThat(s.interval()).isEqualTo(new BarInterval(5, 'm'));
        assertThat(s.size()).isEqualTo(1_000);
        for (int i = 0; i < s.size(); i++) {
            assertThat(s.time()[i]).isEqualTo(1_600_000_000_000L + i * 300_000L);
        }
        assertThat(s.open()[0]).isEqualTo(50.0);
    }

    @Test
    void opensAtThePreviousCloseWithoutGaps() {
        BarSeries s = SyntheticMarket.generate(hourly(2_000, 5));
        for (int i = 1; i < s.size(); i++) {
            assertThat(s.open()[i]).isEqualTo(s.close()[i - 1]);
        }
    }

    @Test
    void intrabarStepsGiveWicksBeyondOpenAndClose() {
        BarSeries s = SyntheticMarket.generate(hourly(2_000, 5));
        int wicks = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.high()[i] > Math.max(s.open()[i], s.close()[i])) wicks++;
        }
        assertThat(wicks).isGreaterThan(s.size() / 2);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void squaredReturnsClusterWhileReturnsStayUncorrelated(long seed) {
        double[] r = logReturns(SyntheticMarket.generate(hourly(100_000, seed)).close());
        assertThat(autocorrelation(squared(r), 1)).isGreaterThan(0.05);
        assertThat(autocorrelation(r, 1)).isBetween(-0.05, 0.05);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void returnsHaveFatTails(long seed) {
        double[] r = logReturns(SyntheticMarket.generate(hourly(100_000, seed)).close());
        assertThat(excessKurtosis(r)).isGreaterThan(1.0);
    }

    @Test
    void withoutGarchAndWithNormalShocksNeitherClusteringNorFatTailsAppear() {
        SyntheticConfig plain =
                hourly(100_000, 11).withVolatility(new SyntheticConfig.Volatility(0.3, 0, 0, Double.POSITIVE_INFINITY));
        double[] r = logReturns(SyntheticMarket.generate(plain).close());
        assertThat(autocorrelation(squared(r), 1)).isBetween(-0.02, 0.02);
        assertThat(excessKurtosis(r)).isBetween(-0.1, 0.1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "1h", "1d"})
    void scalesBarVolatilityToTheIntervalLength(String label) {
        BarInterval interval = BarInterval.parse(label);
        SyntheticConfig cfg = SyntheticConfig.defaults("SYN", interval, 100_000, 21)
                .withVolatility(new SyntheticConfig.Volatility(0.4, 0, 0, 5));
        double[] r = logReturns(SyntheticMarket.generate(cfg).close());
        double expected = 0.4 * Math.sqrt(interval.millis() / YEAR_MS);
        assertThat(Math.sqrt(variance(r)) / expected).isCloseTo(1.0, within(0.02));
    }

    @Test
    void scalesDriftToTheIntervalLength() {
        double annual = 0.5;
        SyntheticConfig cfg = SyntheticConfig.defaults("SYN", BarInterval.ONE_DAY, 10_000, 8)
                .withRegimes(new SyntheticConfig.Regimes(annual, annual, annual, 30))
                .withVolatility(new SyntheticConfig.Volatility(0.05, 0, 0, 5));
        double[] r = logReturns(SyntheticMarket.generate(cfg).close());
        double dt = 86_400_000 / YEAR_MS;
        double expected = (annual - 0.5 * 0.05 * 0.05) * dt;
        assertThat(mean(r) / expected).isCloseTo(1.0, within(0.05));
    }

    @Test
    void switchesBetweenBullAndBearRegimes() {
        double drift = 5.0;
        SyntheticConfig cfg = SyntheticConfig.defaults("SYN", BarInterval.ONE_DAY, 3_000, 9)
                .withRegimes(new SyntheticConfig.Regimes(drift, -drift, 0, 60))
                .withVolatility(new SyntheticConfig.Volatility(0.05, 0, 0, 5));
        double[] r = logReturns(SyntheticMarket.generate(cfg).close());
        double daily = drift * 86_400_000 / YEAR_MS;
        int window = 20;
        int bull = 0;
        int bear = 0;
        int windows = 0;
        for (int i = 0; i + window <= r.length; i += window, windows++) {
            double m = mean(Arrays.copyOfRange(r, i, i + window));
            if (m > daily / 2) bull++;
            if (m < -daily / 2) bear++;
        }
        assertThat(bull).isGreaterThan(windows / 10);
        assertThat(bear).isGreaterThan(windows / 10);
    }

    @Test
    void volumeRisesWithTheSizeOfTheMove() {
        BarSeries s = SyntheticMarket.generate(hourly(50_000, 4));
        double[] r = logReturns(s.close());
        double[] v = Arrays.copyOfRange(s.volume(), 1, s.size());
        assertThat(correlation(absolute(r), v)).isGreaterThan(0.1);
        double perHour = 1_000_000 / 24.0;
        double[] sorted = s.volume().clone();
        Arrays.sort(sorted);
        assertThat(sorted[sorted.length / 2]).isBetween(perHour / 2, perHour * 2);
    }

    @Test
    void generatesAMillionMinuteBarsQuickly() {
        SyntheticConfig cfg = SyntheticConfig.defaults("SYN", BarInterval.ONE_MINUTE, 1_000_000, 1);
        SyntheticMarket.generate(cfg.withBars(100_000, 0));
        long start = System.nanoTime();
        BarSeries s = SyntheticMarket.generate(cfg);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(s.size()).isEqualTo(1_000_000);
        assertThat(millis)
                .as("ms for 1M bars (measured about 100-200 ms; the bound is loose for shared machines)")
                .isLessThan(5_000);
    }

    @Test
    void endingAtStartRemovesTheDriftAndKeepsEachBarsShape() {
        BarSeries raw = SyntheticMarket.generate(SyntheticConfig.noise("N", BarInterval.ONE_HOUR, 5_000, 11));
        BarSeries flat = SyntheticMarket.endingAtStart(raw);
        int n = raw.size();

        assertThat(flat.close()[n - 1]).isEqualTo(raw.open()[0]);
        double mu = Math.log(raw.close()[n - 1] / raw.open()[0]) / (n - 1);
        for (int i = 1; i < n - 1; i++) {
            // every close-to-close log return loses the same mu; every bar keeps its high/open and low/close ratios
            double before = Math.log(raw.close()[i] / raw.close()[i - 1]);
            double after = Math.log(flat.close()[i] / flat.close()[i - 1]);
            assertThat(after).isCloseTo(before - mu, within(1e-12));
            assertThat(flat.high()[i] / flat.open()[i]).isCloseTo(raw.high()[i] / raw.open()[i], within(1e-12));
            assertThat(flat.low()[i]).isLessThanOrEqualTo(Math.min(flat.open()[i], flat.close()[i]));
        }
        assertThat(flat.time()).isEqualTo(raw.time());
    }

    @Test
    void aPlantedEdgeTrendsBothWaysAndNoiseDoesNot() {
        // the per-bar drift of a regime is annualDrift / 8766 hourly bars; over 30-day windows (720 bars) an edge
        // series moves by its regimes' drift, noise only by chance: the mean absolute 30-day log move tells them apart
        BarSeries edge =
                SyntheticMarket.generate(SyntheticConfig.plantedEdge("E", BarInterval.ONE_HOUR, 26_280, 5, 1.2, 60)
                        .withIntrabar(1, 0));
        BarSeries noise = SyntheticMarket.generate(
                SyntheticConfig.noise("N", BarInterval.ONE_HOUR, 26_280, 5).withIntrabar(1, 0));
        assertThat(meanAbsoluteMove(edge.close(), 720)).isGreaterThan(1.3 * meanAbsoluteMove(noise.close(), 720));
    }

    private static double meanAbsoluteMove(double[] close, int window) {
        double sum = 0;
        int count = 0;
        for (int i = window; i < close.length; i += window) {
            sum += Math.abs(Math.log(close[i] / close[i - window]));
            count++;
        }
        return sum / count;
    }

    @Test
    void meanRevertingPullsEachOpenBackByKappaOfTheDeviation() {
        BarSeries raw = SyntheticMarket.generate(SyntheticConfig.noise("N", BarInterval.ONE_HOUR, 3_000, 13));
        double halfLife = 50;
        BarSeries pulled = SyntheticMarket.meanReverting(raw, halfLife);
        double kappa = Math.log(2) / halfLife;
        double anchor = Math.log(raw.open()[0]);

        for (int i = 1; i < pulled.size(); i++) {
            // the gap from the previous close to this open is the pull: -kappa x the previous close's deviation
            double gap = Math.log(pulled.open()[i] / pulled.close()[i - 1]);
            double deviation = Math.log(pulled.close()[i - 1]) - anchor;
            assertThat(gap).isCloseTo(-kappa * deviation, within(1e-9));
            // the bar keeps its shape
            assertThat(pulled.close()[i] / pulled.open()[i]).isCloseTo(raw.close()[i] / raw.open()[i], within(1e-12));
        }
        assertThat(meanAbsoluteMove(pulled.close(), 1)).isCloseTo(meanAbsoluteMove(raw.close(), 1), within(2e-4));
    }
}
