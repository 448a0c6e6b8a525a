/**
 * The ingest Lambda: turns an OHLCV CSV object into stored market data. It takes an S3 {@code ObjectCreated}
 * notification or a direct request naming an {@code s3://} object or, for local runs, a file
 * ({@link dev.phylo.functions.ingest.IngestInput}). {@link dev.phylo.functions.ingest.IngestFunction} is the thin
 * {@code @Funq} entry point over the {@code @ApplicationScoped} {@link dev.phylo.functions.ingest.IngestService}, which
 * skips an object version it has seen, parses and validates the bytes with the engine's CSV reader (strict or lenient),
 * upserts {@code market_data}, writes and publishes the pair's content-addressed snapshot on the shared folder, all
 * under the pair's advisory lock in one transaction, then records the object, and returns an
 * {@link dev.phylo.functions.ingest.IngestOutput}. A bad object or request (unknown format, bad symbol, a bad row in
 * strict mode) fails with {@code dev.phylo.function.InvalidRequestException}, an S3 or I/O failure with the retryable
 * {@link dev.phylo.functions.ingest.IngestException}, in both cases before anything is written. It may depend on the
 * engine's {@code data} package, {@code dev.phylo.efs}, {@code dev.phylo.store}, {@code dev.phylo.telemetry}, the
 * common {@code dev.phylo.function} module, Quarkus Funqy and the AWS SDK's S3 client (URL-connection HTTP client
 * only); on nothing else in {@code functions/} and nothing in {@code infra/} outside test scope (the test kit's
 * database and moto).
 */
package dev.phylo.functions.ingest;
