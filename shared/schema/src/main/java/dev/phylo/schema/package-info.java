/**
 * The production database schema and the code that applies it: the versioned Flyway SQL scripts bundled under
 * {@code classpath:db/migration} ({@code V1__core_schema.sql} onwards), and {@link dev.phylo.schema.Migrations}, which
 * validates and applies them over JDBC (from a JDBC URL, a {@link dev.phylo.store.DatabaseUrl} or a {@code DataSource})
 * and reports a {@link dev.phylo.schema.MigrationResult} or throws a {@link dev.phylo.schema.MigrationException} that
 * never carries the password. It is the only place the schema is defined: the maintenance function's {@code migrate}
 * step, the local runner, the test kit and the benchmarks all migrate through it, and
 * {@link dev.phylo.store.SchemaVersion} must name the highest script here. It may depend on {@code dev.phylo.store}
 * (for {@code DatabaseUrl}), Flyway (with its PostgreSQL support) and the PostgreSQL JDBC driver. Flyway must not reach
 * any other Lambda: maintenance is the only function that may ship this module, and the build fails if another one
 * does.
 */
package dev.phylo.schema;
