package dev.phylo.engine.backtest.internal;

/** Per-thread working memory for {@link StrategyRunner#runBlock}: one block of signal bits. */
public final class RunnerScratch {
    final byte[] signals;

    public RunnerScratch(int blockSize) {
        signals = new byte[blockSize];
    }
}
