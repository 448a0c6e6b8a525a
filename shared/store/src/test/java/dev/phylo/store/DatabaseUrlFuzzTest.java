package dev.phylo.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

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
        // the printed form masks the password; the same characters may still be the other parts' own text: the
        // scheme's (found by fuzzing: the password "postgres"), or text spanning parts (found by fuzzing: "p3s?Oword"
        // from a database ending in "p3s" and a parameter starting "Oword"). So the check: the printed form of the
        // same URL with another password must not contain it either, or the password is what printed it.
        String password = url.password();
        boolean elsewhere = password != null
                && new DatabaseUrl(url.user(), "x", url.host(), url.port(), url.database(), url.params())
                        .toString()
                        .contains(password);
        if (password != null && password.length() >= 8 && !elsewhere) {
            assertThat(url.toString()).doesNotContain(password);
        }
        if (password != null && !password.isEmpty()) {
            assertThat(url.toString()).contains(":***@");
        }
    }
}
