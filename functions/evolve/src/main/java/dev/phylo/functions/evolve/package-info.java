/**
 * The evolve Lambda, deployed twice with one export each ({@code QUARKUS_FUNQY_EXPORT}): {@code seed} starts a run and
 * {@code breed} turns generation g into g+1 or says the run is done. {@link dev.phylo.functions.evolve.EvolveFunctions}
 * is the thin {@code @Funq} class over the {@code @ApplicationScoped} {@link dev.phylo.functions.evolve.EvolveService}.
 * {@code seed} checks a {@link dev.phylo.functions.evolve.SeedRequest} and fills in its defaults, pins the run to the
 * symbols' current snapshots, creates the {@code runs} row (a run id reused with another configuration is a bad
 * request) and writes the run plan and generation 0 to the shared folder; {@code breed} (a
 * {@link dev.phylo.functions.evolve.BreedRequest}) summarises the evaluated generation, applies the stop rule and
 * writes the next population. Both return a {@link dev.phylo.functions.evolve.GenerationRef}, a reference that the
 * Distributed Map iterates by batch number, never the genomes themselves. Both steps are deterministic for (run seed,
 * generation) and write files atomically, so a retry rewrites identical bytes. It may depend on
 * {@code dev.phylo.evolution} (with the engine and {@code dev.phylo.efs}), {@code dev.phylo.store} (the {@code runs}
 * row), the common {@code dev.phylo.function} module and Quarkus Funqy; on nothing else in {@code functions/} and
 * nothing in {@code infra/} outside test scope.
 */
package dev.phylo.functions.evolve;
