package dev.phylo.cli.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sample events in {@code sam/events/} use the field names of the records the functions take, read from their
 * sources (this module does not depend on the function modules), so a renamed field breaks here and not in the
 * console.
 */
class SamEventsTest {

    private static final Path ROOT = Path.of("../..");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The component names of {@code record Name(...)} in a source file. */
    static Set<String> components(Path source, String record) throws IOException {
        String text = Files.readString(source)
                // @JsonProperty("Records") List<S3EventRecord> records -> List<S3EventRecord> Records
                .replaceAll("@JsonProperty\\(\"(\\w+)\"\\)\\s+([\\w.]+(?:<[^>]*>)?)\\s+\\w+", "$2 $1")
                .replaceAll("<[^<>]*>", "");
        Matcher m = Pattern.compile("record\\s+" + record + "\\s*\\(([^)]*)\\)").matcher(text);
        assertThat(m.find()).as("record %s in %s", record, source).isTrue();
        Set<String> names = new LinkedHashSet<>();
        for (String part : m.group(1).split(",")) {
            String[] words = part.trim().split("\\s+");
            names.add(words[words.length - 1]);
        }
        return names;
    }

    @ParameterizedTest(name = "{0} fits {2}")
    @CsvSource({
        "seed.json,         functions/evolve/src/main/java/dev/phylo/functions/evolve/SeedRequest.java,          SeedRequest",
        "start-run.json,    functions/evolve/src/main/java/dev/phylo/functions/evolve/SeedRequest.java,          SeedRequest",
        "breed.json,        functions/evolve/src/main/java/dev/phylo/functions/evolve/BreedRequest.java,         BreedRequest",
        "evaluate.json,     shared/efs/src/main/java/dev/phylo/efs/BatchRef.java,                                BatchRef",
        "persist.json,      functions/persist/src/main/java/dev/phylo/functions/persist/PersistRequest.java,     PersistRequest",
        "validate.json,     functions/report/src/main/java/dev/phylo/functions/report/RunRequest.java,           RunRequest",
        "report.json,       functions/report/src/main/java/dev/phylo/functions/report/RunRequest.java,           RunRequest",
        "fail.json,         functions/report/src/main/java/dev/phylo/functions/report/FailRequest.java,          FailRequest",
        "retention.json,    functions/maintenance/src/main/java/dev/phylo/functions/maintenance/RetentionRequest.java, RetentionRequest",
        "ingest-direct.json, functions/ingest/src/main/java/dev/phylo/functions/ingest/IngestInput.java,         IngestInput",
        "ingest-s3.json,    functions/ingest/src/main/java/dev/phylo/functions/ingest/IngestInput.java,          IngestInput",
    })
    void eventFieldsAreRecordComponents(String event, String source, String record) throws IOException {
        JsonNode json = JSON.readTree(ROOT.resolve("sam/events").resolve(event).toFile());
        assertThat(json.isObject()).isTrue();
        Set<String> fields = new LinkedHashSet<>();
        json.properties().forEach(e -> fields.add(e.getKey()));
        assertThat(fields).as(event).isNotEmpty();
        assertThat(components(ROOT.resolve(source), record))
                .as("%s's fields", record)
                .containsAll(fields);
    }

    @ParameterizedTest
    @CsvSource({"health.json", "migrate.json"})
    void noArgumentFunctionsTakeAnEmptyObject(String event) throws IOException {
        assertThat(JSON.readTree(ROOT.resolve("sam/events").resolve(event).toFile())
                        .isEmpty())
                .isTrue();
    }

    @org.junit.jupiter.api.Test
    void theS3EventNamesAnObjectWithTheFieldsIngestReads() throws IOException {
        JsonNode record = JSON.readTree(
                        ROOT.resolve("sam/events/ingest-s3.json").toFile())
                .path("Records")
                .path(0);
        assertThat(record.path("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.path("eventName").asText()).startsWith("ObjectCreated:");
        assertThat(record.path("s3").path("bucket").path("name").asText()).isNotBlank();
        assertThat(record.path("s3").path("object").path("key").asText()).endsWith(".csv");
        assertThat(record.path("s3").path("object").path("eTag").asText()).isNotBlank();
    }
}
