package dev.phylo.engine.backtest.internal;

import dev.phylo.engine.data.BarSeries;
import dev.phylo.engine.indicator.IndicatorCalculator;
import dev.phylo.engine.indicator.IndicatorSpec;
import dev.phylo.engine.indicator.Indicators;
import dev.phylo.engine.strategy.Comparison;
import dev.phylo.engine.strategy.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The distinct indicators of a batch, computed once per block into shared buffers.
 *
 * <p>Slots 0..4 are the series' own open/high/low/close/volume arrays; each indicator output gets a further slot.
 * An indicator buffer holds {@code lead} values of the previous block followed by the current block, so a shifted
 * read {@code x[t - k]} (k &lt;= lead) works across block boundaries. The value of slot s at bar t is
 * {@code array(s)[t - base(s)]}.
 */
public final class IndicatorBank {
    public static final int OPEN = 0;
    public static final int HIGH = 1;
    public static final int LOW = 2;
    public static final int CLOSE = 3;
    public static final int VOLUME = 4;
    private static final int PRICE_SLOTS = 5;

    private final BarSeries series;
    private final Map<IndicatorSpec, Integer> firstSlot = new LinkedHashMap<>();
    private final List<IndicatorCalculator> calculators = new ArrayList<>();
    private final List<double[][]> outputs = new ArrayList<>();
    private final double[][] arrays;
    private final int lead;
    private final int blockSize;
    private final Map<String, Integer> conditionIndex = new LinkedHashMap<>();
    private final List<Compare> conditions = new ArrayList<>();
    private final List<Integer> firstBuffer = new ArrayList<>();
    private final List<byte[]> conditionBuffers = new ArrayList<>();
    private final byte[] zeros;
    private int blockFrom;
    private int blockTo;

    private IndicatorBank(BarSeries series, List<IndicatorSpec> specs, int lead, int blockSize) {
        this.series = series;
        this.lead = lead;
        this.blockSize = blockSize;
        this.zeros = new byte[blockSize];
        List<double[]> slots =
                new ArrayList<>(List.of(series.open(), series.high(), series.low(), series.close(), series.volume()));
        for (IndicatorSpec spec : specs) {
            if (firstSlot.containsKey(spec)) {
                continue;
            }
            firstSlot.put(spec, slots.size());
            calculators.add(Indicators.calculator(spec));
            int k = spec.kind().outputs().size();
            double[][] out = new double[k][lead + blockSize];
            for (double[] o : out) {
                Arrays.fill(o, Double.NaN);
                slots.add(o);
            }
            outputs.add(out);
        }
        this.arrays = slots.toArray(new double[0][]);
    }

    /** A bank for the distinct specs among {@code specs}, able to read up to {@code lead} bars back. */
    public static IndicatorBank of(BarSeries series, List<IndicatorSpec> specs, int lead, int blockSize) {
        return new IndicatorBank(series, specs, lead, blockSize);
    }

    /** Slot of output {@code output} of {@code spec}, which must be in the bank. */
    public int slot(IndicatorSpec spec, int output) {
        Integer first = firstSlot.get(spec);
        if (first == null) {
            throw new IllegalStateException("indicator not in bank: " + spec);
        }
        return first + output;
    }

    /**
     * Index of the shared result buffer of {@code condition}, registering it on first use. Equal conditions (same
     * canonical text) are evaluated once per block for the whole batch: their result, cross history included, depends
     * only on the series. The two directions of a cross of the same operands share one evaluation.
     */
    public int condition(Rule.Condition condition, java.util.function.Supplier<Compare> compiler) {
        boolean cross = condition.op().isCross();
        String key = cross
                ? condition.left().text() + " crosses " + condition.right().text()
                : condition.toString();
        Integer idx = conditionIndex.get(key);
        if (idx == null) {
            idx = conditions.size();
            conditionIndex.put(key, idx);
            conditions.add(compiler.get());
            firstBuffer.add(conditionBuffers.size());
            conditionBuffers.add(new byte[blockSize]);
            if (cross) {
                conditionBuffers.add(new byte[blockSize]);
            }
        }
        int buffer = firstBuffer.get(idx);
        return condition.op() == Comparison.CROSSES_BELOW ? buffer + 1 : buffer;
    }

    /** A block of zeros, standing for an absent rule. */
    public byte[] zeros() {
        return zeros;
    }

    /** Result buffer {@code idx} (from {@link #condition}) for the current block: 1 where it holds at bar {@code blockFrom + i}. */
    public byte[] conditionBuffer(int idx) {
        return conditionBuffers.get(idx);
    }

    public int distinctConditions() {
        return conditions.size();
    }

    /** Tasks that evaluate every shared condition over the current block; run after {@link #blockTasks}. */
    public List<Callable<Void>> conditionTasks() {
        List<Callable<Void>> tasks = new ArrayList<>();
        int per = Math.max(1, conditions.size() / (4 * Runtime.getRuntime().availableProcessors()));
        for (int lo = 0; lo < conditions.size(); lo += per) {
            int from = lo;
            int to = Math.min(conditions.size(), lo + per);
            tasks.add(() -> {
                for (int i = from; i < to; i++) {
                    int b = firstBuffer.get(i);
                    Compare c = conditions.get(i);
                    c.eval(
                            this,
                            blockFrom,
                            blockTo,
                            conditionBuffers.get(b),
                            c.isCross() ? conditionBuffers.get(b + 1) : null);
                }
                return null;
            });
        }
        return tasks;
    }

    public int distinctIndicators() {
        return calculators.size();
    }

    /**
     * Tasks that fill the buffers for bars {@code [from, to)}, one per indicator, independent of each other. Run
     * all of them before reading the block.
     */
    public List<Callable<Void>> blockTasks(int from, int to) {
        blockFrom = from;
        blockTo = to;
        List<Callable<Void>> tasks = new ArrayList<>(calculators.size());
        for (int i = 0; i < calculators.size(); i++) {
            IndicatorCalculator calc = calculators.get(i);
            double[][] out = outputs.get(i);
            tasks.add(() -> {
                for (double[] o : out) {
                    int prevLen = o.length - lead;
                    System.arraycopy(o, prevLen, o, 0, lead);
                }
                calc.compute(series, from, to, out, lead);
                return null;
            });
        }
        return tasks;
    }

    public double[] array(int slot) {
        return arrays[slot];
    }

    /** Index offset: the value of {@code slot} at bar t is {@code array(slot)[t - base(slot)]}. */
    public int base(int slot) {
        return slot < PRICE_SLOTS ? 0 : blockFrom - lead;
    }

    public BarSeries series() {
        return series;
    }
}
