/**
 * Market data: the columnar {@link dev.phylo.engine.data.BarSeries}, reading it from OHLCV CSV
 * ({@link dev.phylo.engine.data.CsvBarReader}) and generating it
 * ({@link dev.phylo.engine.data.SyntheticMarket}).
 *
 * <p>The public types are the API; the package-private ones ({@code CsvLayout}, {@code RowDecoder},
 * {@code TimestampParser}, {@code Decimals}, {@code BarColumns}, {@code StudentT}) are implementation.
 */
package dev.phylo.engine.data;
