package dev.phylo.store;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Large writes as a sequence of bounded statements on one connection, so they stay in the caller's transaction. One
 * statement per generation held every row's parameters at once: a million-strategy generation (two million metric
 * rows) took 2.4 GB and blocked the event loop for seconds while its parameters were encoded.
 */
final class Chunked {

    /** Rows per statement: large enough that round trips do not matter, small enough to bound memory. */
    static final int ROWS_PER_STATEMENT = 10_000;

    private Chunked() {}

    /**
     * Runs {@code statement} on consecutive slices of at most {@link #ROWS_PER_STATEMENT} items, one after the other
     * (each slice's parameters are built only when the previous statement has finished), and folds the results.
     */
    static <T, R> Uni<R> sequentially(
            List<T> items, R zero, Function<List<T>, Uni<R>> statement, BinaryOperator<R> plus) {
        Uni<R> chain = Uni.createFrom().item(zero);
        for (int from = 0; from < items.size(); from += ROWS_PER_STATEMENT) {
            List<T> slice = items.subList(from, Math.min(items.size(), from + ROWS_PER_STATEMENT));
            chain = chain.flatMap(sum -> statement.apply(slice).map(part -> plus.apply(sum, part)));
        }
        return chain;
    }
}
