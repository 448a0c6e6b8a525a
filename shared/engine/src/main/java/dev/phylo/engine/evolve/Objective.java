package dev.phylo.engine.evolve;

import dev.phylo.engine.metrics.Metrics;
import java.util.Objects;

/**
 * What the GA maximises: one {@link Metrics} measure, with a penalty for strategies that trade too little to judge.
 *
 * <p>With {@code v} the chosen measure clamped to {@code [-CAP, CAP]} ({@value #CAP}), {@code t} the closed-trade
 * count and {@code m = minTrades}, let the shortfall be {@code s = max(0, m - t) / m} (0 when {@code m = 0}), so
 * {@code s} is in [0, 1]. Then
 * <pre>
 *   fitness = v                      if v is defined and s = 0   (enough trades)
 *           = min(v, 0) - s          if v is defined and s &gt; 0   (too few trades)
 *           = UNDEFINED - s          if v is undefined (null or NaN in Metrics)
 * </pre>
 * Consequences: the fitness is always finite; a strategy with enough trades and {@code v >= 0} ranks above every
 * penalised one; a penalised strategy never ranks above the same strategy with enough trades, and its fitness rises
 * with every extra trade up to {@code m} (it is non-decreasing in {@code t} for a fixed {@code v}); every defined
 * value, penalised or not, ranks above every undefined one ({@code UNDEFINED} = {@value #UNDEFINED}, far below
 * {@code -CAP - 1}).
 *
 * @param measure   the metric maximised
 * @param minTrades closed trades needed to escape the penalty, &gt;= 0
 */
public record Objective(Measure measure, int minTrades) {
    /** Measures are clamped to plus or minus this before use. */
    public static final double CAP = 1e6;
    /** Base fitness of a strategy whose measure is undefined. */
    public static final double UNDEFINED = -1e9;

    public static final int DEFAULT_MIN_TRADES = 10;
    /** Sharpe ratio, at least {@value #DEFAULT_MIN_TRADES} trades. */
    public static final Objective DEFAULT = new Objective(Measure.SHARPE, DEFAULT_MIN_TRADES);

    /** The metric an objective maximises. */
    public enum Measure {
        /** {@link Metrics#sharpe()}. */
        SHARPE,
        /** {@link Metrics#sortino()}. */
        SORTINO,
        /** {@link Metrics#calmar()}. */
        CALMAR,
        /** {@link Metrics#totalReturn()}. */
        RETURN;

        /** This measure of {@code m}, null when undefined. */
        public Double of(Metrics m) {
            return switch (this) {
                case SHARPE -> m.sharpe();
                case SORTINO -> m.sortino();
                case CALMAR -> m.calmar();
                case RETURN -> m.totalReturn();
            };
        }
    }

    public Objective {
        Objects.requireNonNull(measure, "measure");
        if (minTrades < 0) {
            throw new IllegalArgumentException("minTrades must be >= 0: " + minTrades);
        }
    }

    /** {@code measure} with the default minimum of {@value #DEFAULT_MIN_TRADES} trades. */
    public static Objective of(Measure measure) {
        return new Objective(measure, DEFAULT_MIN_TRADES);
    }

    /** The fitness of a backtest, as defined above. */
    public double fitness(Metrics metrics) {
        Objects.requireNonNull(metrics, "metrics");
        double shortfall = minTrades == 0 ? 0 : Math.max(0, minTrades - metrics.tradeCount()) / (double) minTrades;
        Double raw = measure.of(metrics);
        if (raw == null || raw.isNaN()) {
            return UNDEFINED - shortfall;
        }
        double v = Math.max(-CAP, Math.min(CAP, raw));
        return shortfall == 0 ? v : Math.min(v, 0) - shortfall;
    }
}
