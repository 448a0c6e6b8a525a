package dev.phylo.engine.indicator;

import dev.phylo.engine.data.BarSeries;

/**
 * A streaming computation of one indicator. Successive calls continue where the previous one stopped, so a long
 * series can be processed in blocks with bounded memory.
 */
public interface IndicatorCalculator {

    /**
     * Processes bars {@code [from, to)} of {@code series}, which must follow the bars of the previous call, and writes
     * output {@code k} of bar {@code t} to {@code out[k][offset + t - from]}. Undefined values are {@code NaN}.
     */
    void compute(BarSeries series, int from, int to, double[][] out, int offset);
}
