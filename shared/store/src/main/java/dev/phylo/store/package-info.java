/**
 * Phylo's database (Neon's serverless PostgreSQL in the cloud, any PostgreSQL locally) as the functions use it.
 * {@link dev.phylo.store.Database} runs every call as one transaction with a statement timeout, sorts failures into
 * transient ({@link dev.phylo.store.TransientDatabaseException}, retried with backoff) and permanent
 * ({@link dev.phylo.store.DatabaseException}) under SmallRye Fault Tolerance (retry, timeout, circuit breaker), and
 * emits each attempt's latency as an EMF metric; {@link dev.phylo.store.PoolMetrics} counts the connections those calls
 * hold and fail to get, and emits them once at the end of each invocation. The repositories, CDI beans over one table or a few, do the reads and
 * the idempotent writes: {@link dev.phylo.store.MarketDataRepository}, {@link dev.phylo.store.IngestFileRepository},
 * {@link dev.phylo.store.RunRepository}, {@link dev.phylo.store.StrategyRepository},
 * {@link dev.phylo.store.MetricsRepository}, {@link dev.phylo.store.RetentionRepository} and
 * {@link dev.phylo.store.SchemaRepository}, with {@link dev.phylo.store.SchemaVersion} the schema version this build
 * expects. {@link dev.phylo.store.DatabaseUrl} is the one parser of {@code postgresql://} URLs in the code base (the
 * local PostgreSQL, the schema module, the test kit and the CLI use it too), and {@link dev.phylo.store.NeonSettings}
 * derives every connection setting from one, read from {@code NEON_DATABASE_URL} or from the Secrets Manager secret
 * named by {@code NEON_SECRET_ARN}: TLS {@code verify-full} except on loopback, PgBouncer-safe settings for a
 * {@code -pooler} host, small pools, and the JDBC URL of the migrate step. Passwords never appear in a message or a
 * {@code toString()}.
 *
 * <p>It may depend on the engine ({@link dev.phylo.engine.data.BarSeries}, {@link dev.phylo.engine.metrics.Metrics}),
 * {@link dev.phylo.telemetry}, the Quarkus reactive PostgreSQL client (Vert.x, Mutiny), SmallRye Fault Tolerance,
 * Quarkus Jackson and the AWS SDK's Secrets Manager client (URL-connection HTTP client only). It does not depend on the
 * shared folder or Flyway (migrations live in {@code dev.phylo.schema}) and ships no JDBC driver (the tools on a
 * developer's machine connect with {@code dev.phylo.postgres.PostgresJdbc}). Every function that uses the database goes
 * through this package (maintenance's migrations through {@code dev.phylo.schema} as well); the evaluate function must
 * never depend on it.
 */
package dev.phylo.store;
