package dev.phylo.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.stream.Stream;

/**
 * Coverage-guided fuzzing of the database URL parser (Jazzer; {@code scripts/fuzz} runs it, plain test runs replay
 * {@code DatabaseUrlFuzzTestInputs}). Any text is a URL whose connection URI parses back to an equal URL and whose
 * printed form hides the password, or an {@link InvalidDatabaseUrlException} with a message.
 */
public class DatabaseUrlFuzzTest {

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void parsesToAUrlThatRoundTripsOrRefusesNamingTheProblem(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(text);
        } catch (InvalidDatabaseUrlException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(DatabaseUrl.parse(url.toConnectionUri())).isEqualTo(url);
        // the printed form masks the password; the same characters may still be another part's own text, or the
        // scheme's (found by fuzzing: the password "postgres")
        String password = url.password();
        boolean elsewhere = password != null
                && Stream.of(
                                "postgresql://:***@",
                                Integer.toString(url.port()),
                                url.user(),
                                url.host(),
                                url.database(),
                                url.params().toString())
                        .anyMatch(part -> part != null && part.contains(password));
        if (password != null && password.length() >= 8 && !elsewhere) {
            assertThat(url.toString()).doesNotContain(password);
        }
        if (password != null && !password.isEmpty()) {
            assertThat(url.toString()).contains(":***@");
        }
    }
}
