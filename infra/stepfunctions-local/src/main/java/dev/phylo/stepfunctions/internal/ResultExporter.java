package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.stepfunctions.ObjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A Distributed Map's ResultWriter: exports the map run's child executions through the {@link ObjectStore} as Step
 * Functions exports them to S3 (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html),
 * under {@code <Prefix>/<map run id>/}: {@code SUCCEEDED_0.json} and {@code FAILED_0.json} (each written only when it
 * has entries; a JSON array of executions with their input, output or error, as text) and then {@code manifest.json}
 * listing them. The Map's result is then {@code {"MapRunArn", "ResultWriterDetails": {"Bucket", "Key"}}}, the key
 * being the manifest's. A write that fails is {@code States.ResultWriterFailed}.
 */
final class ResultExporter {

    private final Model.MapState s;
    private final ObjectStore store;
    private final String bucket;
    private final String folder;
    private final String mapRunArn;
    private final String childStateMachineArn;

    private ResultExporter(
            Model.MapState s,
            ObjectStore store,
            String bucket,
            String folder,
            String mapRunArn,
            String childStateMachineArn) {
        this.s = s;
        this.store = store;
        this.bucket = bucket;
        this.folder = folder;
        this.mapRunArn = mapRunArn;
        this.childStateMachineArn = childStateMachineArn;
    }

    /** Evaluates the ResultWriter's Parameters (Bucket, optional Prefix) before the map run starts. */
    static ResultExporter of(
            Model.MapState s,
            JsonNode eff,
            JsonNode ctx,
            Frame env,
            ObjectStore store,
            String mapRunId,
            String mapRunArn,
            String childStateMachineArn) {
        JsonNode params = s.resultWriter().parameters().evaluate(eff, ctx, env);
        String bucket = S3Parameters.text(s, "ResultWriter", params, "Bucket", StatesError.RESULT_WRITER_FAILED);
        String prefix =
                S3Parameters.optionalText(s, "ResultWriter", params, "Prefix", StatesError.RESULT_WRITER_FAILED);
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        String folder = prefix.isEmpty() ? mapRunId : prefix + "/" + mapRunId;
        return new ResultExporter(s, store, bucket, folder, mapRunArn, childStateMachineArn);
    }

    /** Writes the result files and the manifest; returns the Map's result. */
    JsonNode write(FanOut.Outcomes o, DistributedMap.ChildRun[] runs) {
        ArrayNode succeeded = Json.NODES.arrayNode();
        ArrayNode failed = Json.NODES.arrayNode();
        for (int ci = 0; ci < runs.length; ci++) {
            DistributedMap.ChildRun run = runs[ci];
            if (run == null) {
                continue; // never started
            }
            if (o.errors[ci] != null) {
                failed.add(entry(run, null, o.errors[ci]));
            } else if (!o.aborted[ci] && o.outputs[ci] != null) {
                succeeded.add(entry(run, o.outputs[ci], null));
            }
            // a child stopped when the map run failed is in neither file
        }
        ObjectNode manifest = Json.NODES.objectNode();
        manifest.put("DestinationBucket", bucket);
        manifest.put("MapRunArn", mapRunArn);
        ObjectNode files = manifest.putObject("ResultFiles");
        files.set("FAILED", file("FAILED_0.json", failed));
        files.putArray("PENDING");
        files.set("SUCCEEDED", file("SUCCEEDED_0.json", succeeded));
        String manifestKey = folder + "/manifest.json";
        put(manifestKey, manifest);
        ObjectNode result = Json.NODES.objectNode();
        result.put("MapRunArn", mapRunArn);
        ObjectNode details = result.putObject("ResultWriterDetails");
        details.put("Bucket", bucket);
        details.put("Key", manifestKey);
        return result;
    }

    /** Writes {@code entries} under {@code name} unless there are none; the manifest's list of that status. */
    private ArrayNode file(String name, ArrayNode entries) {
        ArrayNode list = Json.NODES.arrayNode();
        if (entries.isEmpty()) {
            return list;
        }
        String key = folder + "/" + name;
        int size = put(key, entries);
        list.addObject().put("Key", key).put("Size", size);
        return list;
    }

    /** One execution as the export shows it: fields in alphabetical order, input and output as JSON text. */
    private ObjectNode entry(DistributedMap.ChildRun run, JsonNode output, StatesError error) {
        ObjectNode e = Json.NODES.objectNode();
        if (error != null) {
            e.put("Cause", error.cause());
            e.put("Error", error.error());
        }
        e.put("ExecutionArn", run.arn());
        e.put("Input", Json.write(run.input()));
        e.putObject("InputDetails").put("Included", true);
        e.put("Name", run.name());
        if (output != null) {
            e.put("Output", Json.write(output));
            e.putObject("OutputDetails").put("Included", true);
        }
        e.put("StartDate", Events.iso(run.start()));
        e.put("StateMachineArn", childStateMachineArn);
        e.put("Status", error != null ? "FAILED" : "SUCCEEDED");
        e.put("StopDate", Events.iso(run.stop()));
        return e;
    }

    /** Stores {@code content} as JSON under {@code key}; returns its size in bytes. */
    private int put(String key, JsonNode content) {
        byte[] bytes = Json.write(content).getBytes(StandardCharsets.UTF_8);
        try {
            store.put(bucket, key, bytes);
        } catch (IOException | RuntimeException e) {
            throw new StatesError(
                    StatesError.RESULT_WRITER_FAILED,
                    "state \"" + s.name() + "\": field ResultWriter: could not write s3://" + bucket + "/" + key + ": "
                            + e.getMessage());
        }
        return bytes.length;
    }
}
