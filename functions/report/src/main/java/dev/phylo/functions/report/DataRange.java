package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A symbol's in-sample and out-of-sample ranges: the plan's cuts, {@code [from, to)} as ISO-8601 UTC instants (the
 * split is a fraction of the time span, so it may fall between bars), and the bars each range holds, with the times of
 * its first and last bar.
 */
@RegisterForReflection
public record DataRange(
        String symbol,
        String interval,
        String inSampleFrom,
        String inSampleTo,
        String outOfSampleFrom,
        String outOfSampleTo,
        int inSampleBars,
        String inSampleFirstBar,
        String inSampleLastBar,
        int outOfSampleBars,
        String outOfSampleFirstBar,
        String outOfSampleLastBar) {}
