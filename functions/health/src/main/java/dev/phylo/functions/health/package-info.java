/**
 * The health Lambda: is this deployment ready to run? {@link dev.phylo.functions.health.HealthFunction} is the thin
 * {@code @Funq} entry point over the {@code @ApplicationScoped} {@link dev.phylo.functions.health.HealthService}, which
 * runs every SmallRye Health readiness check, the reactive datasource's own and Phylo's
 * ({@link dev.phylo.functions.health.ConfigurationCheck}: a database is configured, TLS is on for a remote host, the
 * pool is small, the EFS root is absolute; {@link dev.phylo.functions.health.EfsCheck}: the shared folder is mounted
 * and a probe file can be written, read and deleted; {@link dev.phylo.functions.health.SchemaCheck}: the schema is at
 * the version this build expects; {@link dev.phylo.functions.health.DatabaseSizeCheck}: the database's size), and
 * answers a {@link dev.phylo.functions.health.HealthReport} or fails with
 * {@link dev.phylo.functions.health.HealthCheckFailedException} when any check is DOWN. Reports show settings, never
 * credentials. The checks that see the storage emit it as EMF metrics: {@code DatabaseSizeBytes},
 * {@code EfsStorageUsedBytes} and {@code EfsMountHealthy}. It may depend on {@code dev.phylo.store} ({@code Database},
 * {@code SchemaRepository}, {@code SchemaVersion}), {@code dev.phylo.telemetry}, Quarkus SmallRye Health, the common
 * {@code dev.phylo.function} module and Quarkus Funqy; on nothing else in {@code functions/} and nothing in
 * {@code infra/} outside test scope. It checks the schema version but never migrates: that is the maintenance
 * function's job, and Flyway is not on this function's classpath.
 */
package dev.phylo.functions.health;
