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

    static Behaviour of(Map<String, Metrics> metricsBySymbol) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
        // a record's toString names every component and prints each double in its shortest round-trip form, so two
        // texts are equal exactly when the values are (Double.equals: 0.0 and -0.0 differ, NaN equals NaN)
        new TreeMap<>(metricsBySymbol).forEach((symbol, metrics) -> {
            md5.update((symbol + '\u0000' + metrics + '\u0001').getBytes(StandardCharsets.UTF_8));
        });
        ByteBuffer digest = ByteBuffer.wrap(md5.digest());
        return new Behaviour(digest.getLong(), digest.getLong());
    }
}
