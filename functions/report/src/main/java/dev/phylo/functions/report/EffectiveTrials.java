package dev.phylo.functions.report;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How many independent trials the run made: the deflated Sharpe ratio's N. Raw, every distinct strategy evaluated;
 * effective, the clusters their in-sample returns form ({@code ReturnClusters}: leader clustering at a stated
 * correlation). Strategies with the same in-sample results under other ids (one behaviour) count once before
 * clustering. Above {@link Validator#CLUSTER_LIMIT} behaviours, an even sample of them by rank is clustered, the best
 * one included.
 *
 * @param raw          distinct strategies evaluated over all generations
 * @param behaviours   distinct in-sample behaviours among them
 * @param clustered    behaviours clustered: all of them, or the sample
 * @param effective    N effective: the clusters
 * @param threshold    the correlation at or above which a strategy joins a cluster's leader
 * @param barsPerPoint in-sample bars summed into each point of a return series before correlating
 * @param points       points per return series, over all symbols
 */
@RegisterForReflection
public record EffectiveTrials(
        long raw, int behaviours, int clustered, int effective, double threshold, int barsPerPoint, int points) {}
