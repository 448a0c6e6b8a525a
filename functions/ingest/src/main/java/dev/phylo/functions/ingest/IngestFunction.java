package dev.phylo.functions.ingest;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** Lambda entry point: an S3 ObjectCreated notification, or a direct request {uri, symbol, interval, …}. */
public class IngestFunction {

    @Inject
    IngestService service;

    @Funq
    public IngestOutput ingest(IngestInput input) {
        return service.ingest(input);
    }
}
