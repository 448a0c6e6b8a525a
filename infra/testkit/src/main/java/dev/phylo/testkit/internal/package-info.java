/**
 * The implementation of {@link dev.phylo.testkit}; not an API. {@link dev.phylo.testkit.internal.TestDatabaseServer} is
 * the JVM-wide server behind {@code TestDatabase} (created and migrated on first use, torn down by a shutdown hook),
 * {@link dev.phylo.testkit.internal.MotoProcess} runs {@code moto_server} as a child process on a free loopback port,
 * and {@link dev.phylo.testkit.internal.Jdbc} runs plain JDBC statements, one connection per call. It may use the
 * public types of {@code dev.phylo.testkit}, {@code dev.phylo.postgres}, {@code dev.phylo.schema},
 * {@code dev.phylo.store}'s {@code DatabaseUrl} and the JDK. Tests should go through {@code dev.phylo.testkit}, not
 * this package.
 */
package dev.phylo.testkit.internal;
