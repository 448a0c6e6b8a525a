package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The identity of an execution (the main one, or a Distributed Map child) as the context object shows it, and where
 * its events go.
 */
record Run(String name, String arn, JsonNode input, String startTime, Sink sink) {

    /** Where a run's events go: the execution history, or nowhere (child executions). */
    interface Sink {

        Sink DISCARD = (c, t, d) -> {};

        void record(Cursor cursor, String type, ObjectNode details);
    }
}
