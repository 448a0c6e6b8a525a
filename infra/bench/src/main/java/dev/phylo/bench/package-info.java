/**
 * JMH benchmarks of the engine, run by {@code scripts/bench}: {@link dev.phylo.bench.RandomBatchBenchmark} (512 random
 * strategies from the default search space over 1,000,000 one-minute bars in a 512 MB heap, on one thread and on every
 * core), {@link dev.phylo.bench.SmaCrossBenchmark} (the same SMA crossover in Phylo and in ta4j, the same-run
 * baseline), {@link dev.phylo.bench.BatchHeap} (peak heap of one batch) and {@link dev.phylo.bench.Summary}, which
 * turns JMH's JSON results into the reported figures. It may depend on the engine, JMH, ta4j and Jackson; the
 * end-to-end benchmarks of the function services are in {@link dev.phylo.bench.functions}, and this package does not
 * use them. Benchmarks run on a developer's machine only: nothing under {@code shared/} or {@code functions/} may
 * depend on this module.
 */
package dev.phylo.bench;
