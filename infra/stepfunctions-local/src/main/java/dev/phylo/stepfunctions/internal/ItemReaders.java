package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.phylo.stepfunctions.ObjectStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the items of a Distributed Map's ItemReader from the execution's {@link ObjectStore}: a JSON array (InputType
 * JSON) or one JSON value per non-empty line (JSONL), at most MaxItems of them. A missing or unreadable object, or
 * content of the wrong shape, fails with {@code States.ItemReaderFailed}, naming the bucket, the key and the problem.
 */
final class ItemReaders {

    private static final ObjectReader STRICT =
            Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ItemReaders() {}

    /** The items, read with the reader's Parameters evaluated against the effective input and the context object. */
    static ArrayNode read(Model.MapState s, JsonNode eff, JsonNode ctx, Frame env, ObjectStore store) {
        Model.ItemReader r = s.itemReader();
        JsonNode params = r.parameters().evaluate(eff, ctx, env);
        String bucket = S3Parameters.text(s, "ItemReader", params, "Bucket", StatesError.ITEM_READER_FAILED);
        String key = S3Parameters.text(s, "ItemReader", params, "Key", StatesError.ITEM_READER_FAILED);
        long max = Long.MAX_VALUE;
        if (r.maxItems() != null) {
            max = r.maxItems();
        } else if (r.maxItemsPath() != null) {
            max = DataFlowSteps.integerAt(
                    s, "ItemReader.ReaderConfig.MaxItemsPath", r.maxItemsPath(), eff, ctx, 1, MapIoParsers.MAX_ITEMS);
        }
        byte[] content = get(s, store, bucket, key);
        return r.inputType().equals("JSON")
                ? jsonArray(s, bucket, key, content, max)
                : jsonLines(s, bucket, key, content, max);
    }

    private static byte[] get(Model.MapState s, ObjectStore store, String bucket, String key) {
        Optional<byte[]> content;
        try {
            content = store.get(bucket, key);
        } catch (IOException | RuntimeException e) {
            throw fail(s, bucket, key, "could not be read: " + e.getMessage());
        }
        if (content == null || content.isEmpty()) {
            throw fail(s, bucket, key, "does not exist");
        }
        return content.get();
    }

    private static ArrayNode jsonArray(Model.MapState s, String bucket, String key, byte[] content, long max) {
        JsonNode root;
        try {
            root = STRICT.readTree(content);
        } catch (IOException e) {
            throw fail(s, bucket, key, "is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw fail(s, bucket, key, "is empty, but InputType JSON needs a JSON array");
        }
        if (!root.isArray()) {
            throw fail(
                    s, bucket, key, "holds a JSON " + Json.typeName(root) + ", but InputType JSON needs a JSON array");
        }
        ArrayNode items = Json.NODES.arrayNode();
        for (int i = 0; i < root.size() && i < max; i++) {
            items.add(root.get(i));
        }
        return items;
    }

    private static ArrayNode jsonLines(Model.MapState s, String bucket, String key, byte[] content, long max) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw fail(s, bucket, key, "is not UTF-8 text, as InputType JSONL needs");
        }
        ArrayNode items = Json.NODES.arrayNode();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length && items.size() < max; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                items.add(STRICT.readTree(line));
            } catch (IOException e) {
                throw fail(s, bucket, key, "line " + (i + 1) + " is not one JSON value: " + firstLine(e.getMessage()));
            }
        }
        return items;
    }

    private static StatesError fail(Model.MapState s, String bucket, String key, String problem) {
        return new StatesError(
                StatesError.ITEM_READER_FAILED,
                "state \"" + s.name() + "\": field ItemReader: s3://" + bucket + "/" + key + " " + problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
