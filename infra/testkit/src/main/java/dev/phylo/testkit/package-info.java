/**
 * Test-scope helpers for the functions and the CLI: {@link dev.phylo.testkit.TestDatabase}, one migrated PostgreSQL
 * database per test JVM (an embedded {@link dev.phylo.postgres.EmbeddedDatabase}, or a fresh database on the server
 * named by {@code PHYLO_TEST_DATABASE_URL}), {@link dev.phylo.testkit.MotoServer}, one moto server per test JVM for the
 * AWS APIs (started from the {@code PATH}, or the one named by {@code PHYLO_TEST_MOTO_URL}), and the Quarkus test
 * resources that point a {@code @QuarkusTest} at them: {@link dev.phylo.testkit.PostgresResource},
 * {@link dev.phylo.testkit.MotoResource} and {@link dev.phylo.testkit.EfsResource} (a fresh shared folder). It may
 * depend on {@code dev.phylo.postgres}, {@code dev.phylo.schema} (with {@code dev.phylo.store} beneath it), Quarkus's
 * JUnit 5 test support and the AWS SDK's S3 client. Other modules may use it in test scope only: a function that
 * depends on it in any other scope fails the build, and nothing under {@code shared/} may use it at all (the schema
 * module's tests start their own embedded PostgreSQL instead).
 */
package dev.phylo.testkit;
