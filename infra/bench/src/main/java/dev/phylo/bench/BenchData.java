package dev.phylo.bench;

import dev.phylo.engine.data.BarInterval;
import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.data.SyntheticConfig;
import dev.phylo.engine.data.SyntheticMarket;

/** The benchmark workload: 1,000,000 synthetic one-minute bars from a fixed seed. */
final class BenchData {
    static final int BARS = 1_000_000;
    static final long SEED = 20_261_126L;

    private BenchData() {}

    static BarSeries minuteBars() {
        return SyntheticMarket.generate(SyntheticConfig.defaults("BENCH", BarInterval.ONE_MINUTE, BARS, SEED));
    }
}
