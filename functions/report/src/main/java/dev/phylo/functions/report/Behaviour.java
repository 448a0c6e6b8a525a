package dev.phylo.functions.report;

import dev.phylo.engine.metrics.Metrics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

/**
 * A 128-bit fingerprint of a strategy's in-sample metrics on every symbol: two strategies get the same one when their
 * metrics are equal number for number on every symbol (the test {@link Validator#distinctBehaviour} applies), and,
 * short of a one-in-2^64 collision among a run's trials, only then. It stands in for the metrics themselves, which a
 * million trials could not keep in memory.
 */
record Behaviour(long high, long low) {

    /** Bytes per symbol: 15 components of at most 8 bytes, each Double with a byte that says whether it is null. */
    private static final int METRICS_BYTES = 15 * 9;

    static Behaviour of(Map<String, Metrics> metricsBySymbol) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
        ByteBuffer values = ByteBuffer.allocate(METRICS_BYTES);
        for (Map.Entry<String, Metrics> e : new TreeMap<>(metricsBySymbol).entrySet()) {
            md5.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            md5.update((byte) 0);
            Metrics m = e.getValue();
            values.clear();
            // doubleToLongBits: equal exactly when the record's equals says so (0.0 and -0.0 differ, NaN equals NaN)
            put(values, m.totalReturn());
            put(values, m.cagr());
            put(values, m.sharpe());
            put(values, m.sortino());
            put(values, m.maxDrawdown());
            put(values, m.calmar());
            values.putInt(m.tradeCount());
            put(values, m.winRate());
            put(values, m.profitFactor());
            put(values, m.exposure());
            put(values, m.avgTrade());
            put(values, m.bestTrade());
            put(values, m.worstTrade());
            put(values, m.finalEquity());
            values.putInt(m.bars());
            md5.update(values.array(), 0, values.position());
        }
        ByteBuffer digest = ByteBuffer.wrap(md5.digest());
        return new Behaviour(digest.getLong(), digest.getLong());
    }

    private static void put(ByteBuffer out, double value) {
        out.putLong(Double.doubleToLongBits(value));
    }

    private static void put(ByteBuffer out, Double value) {
        if (value == null) {
            out.put((byte) 0);
        } else {
            out.put((byte) 1).putLong(Double.doubleToLongBits(value));
        }
    }
}
