package dev.phylo.functions.evolve;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/**
 * Two entry points, one exported per deployment ({@code QUARKUS_FUNQY_EXPORT=seed} or {@code breed}):
 * {@code seed} starts a run, {@code breed} turns generation g into g+1 or says the run is done.
 */
public class EvolveFunctions {

    @Inject
    EvolveService service;

    @Funq
    public GenerationRef seed(SeedRequest request) {
        return service.seed(request);
    }

    @Funq
    public GenerationRef breed(BreedRequest request) {
        return service.breed(request);
    }
}
