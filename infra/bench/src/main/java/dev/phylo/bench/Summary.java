package dev.phylo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JMH's JSON results and prints the figures the issue asks for: strategy-bars per second (medians of the
 * measured iterations) on one thread and on all cores, the SMA-crossover throughput of Phylo, ta4j and a naive loop
 * ({@link NaiveSmaCross}) on the same bars, Phylo's ratio to ta4j and the batch's per-thread ratio to the naive loop.
 */
public final class Summary {
    private static final double BATCH_BARS = (double) RandomBatch.SIZE * BenchData.BARS;
    private static final double SINGLE_BARS = BenchData.BARS;

    private Summary() {}

    public static void main(String[] args) throws IOException {
        JsonNode results = new ObjectMapper().readTree(new File(args[0]));
        Double phylo = null;
        Double ta4j = null;
        Double naive = null;
        Double one = null;
        Double all = null;
        for (JsonNode r : results) {
            String name = r.get("benchmark").asText();
            double medianMs = median(r.get("primaryMetric").get("rawData"));
            JsonNode params = r.get("params");
            if (name.endsWith("SmaCrossBenchmark.phylo")) {
                phylo = medianMs;
            } else if (name.endsWith("SmaCrossBenchmark.ta4j")) {
                ta4j = medianMs;
            } else if (name.endsWith("SmaCrossBenchmark.naive")) {
                naive = medianMs;
            } else if (name.endsWith("RandomBatchBenchmark.batch") && params != null) {
                if ("1".equals(params.get("threads").asText())) {
                    one = medianMs;
                } else {
                    all = medianMs;
                }
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println("== Phylo benchmark summary (medians; 1,000,000 synthetic 1-minute bars) ==");
        if (one != null) {
            System.out.printf(
                    "random batch, 512 strategies, 1 thread : %8.0f ms  %7.1f M strategy-bars/s (target >= 150 per core)%n",
                    one, BATCH_BARS / one / 1e3);
        }
        if (all != null) {
            System.out.printf(
                    "random batch, 512 strategies, %d cores  : %8.0f ms  %7.1f M strategy-bars/s (%.1f per core)%n",
                    cores, all, BATCH_BARS / all / 1e3, BATCH_BARS / all / 1e3 / cores);
        }
        if (phylo != null && ta4j != null) {
            System.out.printf(
                    "SMA(10)/SMA(30) crossover, Phylo      : %8.1f ms  %7.1f M bars/s%n",
                    phylo, SINGLE_BARS / phylo / 1e3);
            System.out.printf(
                    "SMA(10)/SMA(30) crossover, ta4j 0.17  : %8.1f ms  %7.1f M bars/s (DoubleNum)%n",
                    ta4j, SINGLE_BARS / ta4j / 1e3);
            System.out.printf("Phylo / ta4j throughput ratio         : %8.1f x (target >= 100)%n", ta4j / phylo);
        }
        if (naive != null) {
            System.out.printf(
                    "SMA(10)/SMA(30) crossover, naive loop : %8.1f ms  %7.1f M bars/s (plain Java, one strategy)%n",
                    naive, SINGLE_BARS / naive / 1e3);
        }
        if (naive != null && one != null) {
            double ratio = (BATCH_BARS / one) / (SINGLE_BARS / naive);
            System.out.printf("batch per thread / naive loop         : %8.2f x (target >= 1.0)%n", ratio);
        }
    }

    private static double median(JsonNode rawData) {
        List<Double> all = new ArrayList<>();
        for (JsonNode fork : rawData) {
            for (JsonNode v : fork) {
                all.add(v.asDouble());
            }
        }
        double[] xs = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (xs.length == 0) {
            throw new IllegalStateException("no measurements in JMH results");
        }
        int mid = xs.length / 2;
        return xs.length % 2 == 1 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
    }
}
