/**
 * The maintenance Lambda, deployed twice with one export each: {@code migrate}, invoked by the deploy script, applies
 * the schema migrations (the schema never changes when a function starts), and {@code retention}, on a schedule, drops
 * market data and strategy metrics older than {@code phylo.retention.max-age}, then deletes the run folders
 * {@code runs/<runId>/} of runs that ended before {@code phylo.retention.runs-max-age} and of orphans as old
 * ({@link dev.phylo.functions.maintenance.RunRetention}; a {@link dev.phylo.functions.maintenance.RetentionRequest} may
 * override either age or ask for a dry run), answering a {@link dev.phylo.functions.maintenance.RetentionReport}.
 * {@link dev.phylo.functions.maintenance.MaintenanceFunctions} is the thin {@code @Funq} class over the
 * {@code @ApplicationScoped} {@link dev.phylo.functions.maintenance.MaintenanceService}, which migrates with
 * {@code dev.phylo.schema.Migrations} over JDBC (the URL the store's {@code NeonSettings} derived) and runs retention
 * through the store's {@code RetentionRepository} on the reactive pool. It may depend on {@code dev.phylo.schema} (and
 * with it Flyway and the PostgreSQL JDBC driver), {@code dev.phylo.store}, {@code dev.phylo.efs} (its
 * {@code RunFolders}), the common {@code dev.phylo.function} module and Quarkus Funqy; on nothing else in
 * {@code functions/} and nothing in {@code infra/} outside test scope. It is the only function allowed to carry Flyway
 * and the schema module: its POM overrides the build rule that bans them from every other function.
 */
package dev.phylo.functions.maintenance;
