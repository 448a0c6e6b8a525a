package dev.phylo.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the Secrets Manager secret the functions read their database from
 * ({@code NEON_SECRET_ARN}): whatever the secret's text, it yields settings whose URL parses back to itself, or it is
 * refused with a {@link DatabaseConfigException} naming the secret and never echoing the password.
 */
public class NeonSecretFuzzTest {

    private static final String ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:phylo/neon-AbCdEf";

    /** What {@code scripts/fuzz} runs, through Jazzer's own launcher: the same check as the test below. */
    public static void fuzzerTestOneInput(FuzzedDataProvider data) {
        check(data);
    }

    @FuzzTest
    void yieldsSettingsOrRefusesNamingTheSecret(FuzzedDataProvider data) {
        check(data);
    }

    private static void check(FuzzedDataProvider data) {
        String secret = data.consumeRemainingAsString();
        NeonSettings settings;
        try {
            settings = NeonSettings.fromSecretJson(ARN, secret, 2);
        } catch (DatabaseConfigException e) {
            assertThat(e.getMessage()).contains(ARN);
            return;
        } catch (InvalidDatabaseUrlException e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        } catch (IllegalArgumentException e) {
            // an sslmode that is none of libpq's: NeonSettings names it
            assertThat(e.getMessage()).contains("sslmode");
            return;
        }
        assertThat(DatabaseUrl.parse(settings.url().toConnectionUri())).isEqualTo(settings.url());
        DatabaseUrl url = settings.url();
        String password = url.password();
        // the same characters may be the other parts' own text (see DatabaseUrlFuzzTest)
        // (or the settings' own, such as sslmode=verify-full for the password "erify-full", found by fuzzing)
        boolean elsewhere = password != null
                && new NeonSettings(
                                new DatabaseUrl(url.user(), "x", url.host(), url.port(), url.database(), url.params()),
                                settings.sslMode(),
                                settings.rootCert(),
                                settings.poolSize(),
                                settings.transactionPooler())
                        .toString()
                        .contains(password);
        if (password != null && password.length() >= 8 && !elsewhere) {
            assertThat(settings.toString()).doesNotContain(password);
        }
    }
}
