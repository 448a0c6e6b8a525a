package dev.phylo.functions.evolve;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.function.InvalidRequestException;

/**
 * Coverage-guided fuzzing of the run input the seed function takes (and {@code phylo cloud run} sends): whatever the
 * JSON, it is unreadable (the handler reports an invalid request naming the field), or it normalizes to a run input
 * whose every field is set and valid, which normalizes to itself again, or it is refused with an
 * {@link InvalidRequestException} that says which field and why; nothing else escapes.
 */
public class RunInputFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void normalizesTheRunInputOrRefusesItAsInvalid(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        SeedRequest request;
        try {
            request = JSON.readValue(data.consumeRemainingAsString(), SeedRequest.class);
        } catch (JsonProcessingException e) {
            return;
        }
        if (request == null) {
            return;
        }
        SeedRequest normalized;
        try {
            normalized = RunRequests.normalize(request);
        } catch (InvalidRequestException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(RunRequests.RUN_ID.matcher(normalized.runId()).matches()).isTrue();
        assertThat(normalized.symbols()).isNotEmpty();
        assertThat(normalized.populationSize()).isGreaterThanOrEqualTo(2);
        assertThat(normalized.generations()).isPositive();
        assertThat(normalized.seed()).isNotNull();
        assertThat(RunRequests.normalize(normalized)).isEqualTo(normalized);
    }
}
