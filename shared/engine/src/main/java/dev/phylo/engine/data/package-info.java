/**
 * Market data: the columnar {@link dev.phylo.engine.data.BarSeries} (one primitive array per OHLCV field, times in
 * epoch milliseconds UTC) that every other part of Phylo passes around, reading it from OHLCV CSV
 * ({@link dev.phylo.engine.data.CsvBarReader}, with {@link dev.phylo.engine.data.CsvOptions} and an optional
 * {@link dev.phylo.engine.data.ColumnMapping}; strict by default, lenient on request with the dropped rows reported as
 * {@link dev.phylo.engine.data.RowIssue}s) and generating it from a seed ({@link dev.phylo.engine.data.SyntheticMarket}
 * with a {@link dev.phylo.engine.data.SyntheticConfig}), plus the {@link dev.phylo.engine.data.BarInterval} label. This
 * is the lowest package of the engine, and the shared folder, the store, the ingest function and the CLI all build on
 * it: it uses no other Phylo package, only the JDK and FastCSV (the CSV tokenizer).
 *
 * <p>The public types are the API; the package-private ones ({@code CsvLayout}, {@code RowDecoder},
 * {@code TimestampParser}, {@code Decimals}, {@code BadValue}, {@code BarColumns}, {@code StudentT}) are
 * implementation.
 */
package dev.phylo.engine.data;
