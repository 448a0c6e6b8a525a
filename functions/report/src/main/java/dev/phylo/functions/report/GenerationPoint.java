package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One generation's in-sample fitness: the best and the median over its individuals, as {@code breed} summarises. */
@RegisterForReflection
public record GenerationPoint(int generation, int count, String bestId, double bestFitness, double medianFitness) {}
