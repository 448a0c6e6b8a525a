package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A symbol's in-sample and out-of-sample ranges, {@code [from, to)} as ISO-8601 UTC instants. */
@RegisterForReflection
public record DataRange(String symbol, String interval, String inSampleFrom, String inSampleTo,
                        String outOfSampleFrom, String outOfSampleTo) {
}
