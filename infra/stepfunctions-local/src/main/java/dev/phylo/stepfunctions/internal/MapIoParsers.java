package dev.phylo.stepfunctions.internal;

import static dev.phylo.stepfunctions.internal.Fields.err;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses a Distributed Map's ItemReader (one S3 object read with s3:getObject as JSON or JSON Lines) and ResultWriter
 * (results exported with s3:putObject), refusing the readers and writer options the local runner does not implement.
 */
final class MapIoParsers {

    private static final Pattern GET_OBJECT = Pattern.compile("arn:aws[a-z-]*:states:::s3:getObject");
    private static final Pattern PUT_OBJECT = Pattern.compile("arn:aws[a-z-]*:states:::s3:putObject");

    /** The ItemReader InputTypes of Step Functions (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html). */
    private static final Set<String> INPUT_TYPES = Set.of("CSV", "JSON", "JSONL", "MANIFEST", "PARQUET");

    private static final Set<String> SUPPORTED_INPUT_TYPES = Set.of("JSON", "JSONL");

    /** ReaderConfig fields for the input types the local runner does not read (CSV, S3 inventory manifests). */
    private static final Set<String> OTHER_READER_FIELDS =
            Set.of("CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "ManifestType");

    /**
     * The most items an ItemReader reads: 100,000,000
     * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html, ReaderConfig MaxItems).
     */
    static final int MAX_ITEMS = 100_000_000;

    private MapIoParsers() {}

    static Model.ItemReader itemReader(String name, JsonNode node) {
        if (!node.isObject()) {
            throw err(name, "ItemReader", "must be an object");
        }
        checkFields(name, "ItemReader", node, Set.of("Resource", "ReaderConfig", "Parameters"));
        JsonNode res = node.get("Resource");
        if (res == null || !res.isTextual()) {
            throw err(name, "ItemReader.Resource", "is required and must be a string");
        }
        if (!GET_OBJECT.matcher(res.textValue()).matches()) {
            throw new AslException("state \"" + name + "\": field ItemReader.Resource \"" + res.textValue()
                    + "\" is not supported by the local runner (only arn:aws:states:::s3:getObject)");
        }
        JsonNode config = node.get("ReaderConfig");
        if (config == null || !config.isObject()) {
            throw err(name, "ItemReader.ReaderConfig", "is required and must be an object with InputType");
        }
        String inputType = null;
        Integer maxItems = null;
        PathExpr maxItemsPath = null;
        Iterator<Map.Entry<String, JsonNode>> it = config.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String f = "ItemReader.ReaderConfig." + e.getKey();
            JsonNode v = e.getValue();
            switch (e.getKey()) {
                case "InputType" -> inputType = inputType(name, f, v);
                case "MaxItems" -> maxItems = Fields.intField(name, f, v, 1, MAX_ITEMS);
                case "MaxItemsPath" -> maxItemsPath = Fields.refPath(name, f, v);
                default -> {
                    if (OTHER_READER_FIELDS.contains(e.getKey())) {
                        throw new AslException(
                                "state \"" + name + "\": field " + f + " is not supported by the local runner");
                    }
                    throw err(name, f, "is not a valid ReaderConfig field");
                }
            }
        }
        if (inputType == null) {
            throw err(name, "ItemReader.ReaderConfig.InputType", "is required (JSON or JSONL)");
        }
        Fields.exclusive(name, config, "MaxItems", "MaxItemsPath");
        Template parameters =
                s3Parameters(name, "ItemReader", node.get("Parameters"), Set.of("Bucket", "Key"), Set.of());
        return new Model.ItemReader(inputType, maxItems, maxItemsPath, parameters);
    }

    static Model.ResultWriter resultWriter(String name, JsonNode node) {
        if (!node.isObject()) {
            throw err(name, "ResultWriter", "must be an object");
        }
        checkFields(name, "ResultWriter", node, Set.of("Resource", "Parameters"));
        JsonNode res = node.get("Resource");
        if (res == null || !res.isTextual()) {
            throw err(name, "ResultWriter.Resource", "is required and must be a string");
        }
        if (!PUT_OBJECT.matcher(res.textValue()).matches()) {
            throw new AslException("state \"" + name + "\": field ResultWriter.Resource \"" + res.textValue()
                    + "\" is not supported by the local runner (only arn:aws:states:::s3:putObject)");
        }
        return new Model.ResultWriter(
                s3Parameters(name, "ResultWriter", node.get("Parameters"), Set.of("Bucket"), Set.of("Prefix")));
    }

    private static String inputType(String name, String f, JsonNode v) {
        if (!v.isTextual() || !INPUT_TYPES.contains(v.textValue())) {
            throw err(name, f, "must be one of CSV, JSON, JSONL, MANIFEST, PARQUET but is " + v);
        }
        if (!SUPPORTED_INPUT_TYPES.contains(v.textValue())) {
            throw new AslException("state \"" + name + "\": field " + f + " " + v
                    + " is not supported by the local runner (only JSON and JSONL)");
        }
        return v.textValue();
    }

    /** Refuses fields other than {@code allowed}; WriterConfig, Arguments and the like as not supported. */
    private static void checkFields(String name, String where, JsonNode node, Set<String> allowed) {
        Iterator<String> keys = node.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            if (allowed.contains(k)) {
                continue;
            }
            if (Fields.UNSUPPORTED.contains(k) || (where.equals("ResultWriter") && k.equals("WriterConfig"))) {
                throw new AslException(
                        "state \"" + name + "\": field " + where + "." + k + " is not supported by the local runner");
            }
            throw err(name, where + "." + k, "is not a valid " + where + " field");
        }
    }

    /** The Parameters template of an S3 reader or writer: {@code required} and {@code optional} keys, with or without .$. */
    private static Template s3Parameters(
            String name, String where, JsonNode p, Set<String> required, Set<String> optional) {
        String f = where + ".Parameters";
        if (p == null || !p.isObject()) {
            throw err(name, f, "is required and must be an object with " + String.join(" and ", required));
        }
        Iterator<String> keys = p.fieldNames();
        while (keys.hasNext()) {
            String k = keys.next();
            String base = k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
            if (!required.contains(base) && !optional.contains(base)) {
                throw new AslException("state \"" + name + "\": field " + f + "." + k
                        + " is not supported by the local runner (" + where + " takes "
                        + String.join(", ", sorted(required, optional)) + ")");
            }
        }
        for (String r : required) {
            if (!p.has(r) && !p.has(r + ".$")) {
                throw err(name, f, "must give " + r);
            }
        }
        return Fields.template(name, f, p);
    }

    private static List<String> sorted(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        Collections.sort(all);
        return all;
    }
}
