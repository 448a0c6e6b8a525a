package dev.phylo.functions.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.function.InvalidRequestException;
import java.util.Map;

/**
 * Coverage-guided fuzzing of what the ingest function reads from a request before it touches S3 or the database: the
 * JSON (a direct request or an S3 event), each event record's bucket, URL-encoded key, version and size, and the
 * symbol and interval taken from the request, the key's folders or the object's metadata. Whatever the bytes, the
 * request is unreadable JSON (which the handler reports as an invalid request), or each record and target resolves, or
 * is refused with an {@link InvalidRequestException} that says what and where; nothing else escapes.
 */
public class IngestRequestFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void readsTheRequestOrRefusesItAsInvalid(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        String metadataSymbol = data.consumeString(20);
        String text = data.consumeRemainingAsString();
        IngestInput input;
        try {
            input = JSON.readValue(text, IngestInput.class);
        } catch (JsonProcessingException e) {
            return; // the handler answers an InvalidRequestException naming the field (LambdaHandlerTest)
        }
        if (input == null) {
            return;
        }
        if (input.isS3Event()) {
            for (IngestInput.S3EventRecord record : input.records()) {
                S3Objects.EventObject named;
                try {
                    named = S3Objects.EventObject.of(record);
                } catch (InvalidRequestException e) {
                    assertThat(e.getMessage()).startsWith("S3 event record");
                    continue;
                }
                assertThat(named.key()).isNotEmpty();
                resolve(
                        new SourceObject(
                                named.bucket(),
                                named.key(),
                                "etag:x",
                                named.size(),
                                metadataSymbol.isEmpty() ? Map.of() : Map.of("symbol", metadataSymbol),
                                () -> null),
                        null,
                        null);
            }
        } else if (input.uri() != null && !input.uri().isBlank()) {
            resolve(
                    new SourceObject("file", input.uri(), "sha256:x", 0L, Map.of(), () -> null),
                    input.symbol(),
                    input.interval());
        }
    }

    private static void resolve(SourceObject object, String symbol, String interval) {
        try {
            Dataset dataset = Dataset.resolve(object, symbol, interval);
            assertThat(Dataset.SYMBOL.matcher(dataset.symbol()).matches()).isTrue();
        } catch (InvalidRequestException e) {
            assertThat(e.getMessage()).contains(object.uri());
        }
    }
}
