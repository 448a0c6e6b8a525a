package dev.phylo.schema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

    private static final String SECRET = "Zq7-Distinctive/Secret+4K";

    @Test
    void masksPlainAndUrlEncodedSecretInMessages() {
        SecretScrubber scrubber = new SecretScrubber(SECRET);

        assertThat(scrubber.scrub("url jdbc:x?password=Zq7-Distinctive%2FSecret%2B4K and " + SECRET))
                .isEqualTo("url jdbc:x?password=*** and ***");
    }

    @Test
    void copiesACauseChainThatLeaksTheSecret() {
        SQLException root = new SQLException("login with " + SECRET + " failed");
        IllegalStateException wrapper = new IllegalStateException("wrapped", root);

        Throwable scrubbed = new SecretScrubber(SECRET).scrub(wrapper);

        assertThat(scrubbed).isNotSameAs(wrapper).hasMessage("java.lang.IllegalStateException: wrapped");
        assertThat(scrubbed.getCause()).hasMessage("java.sql.SQLException: login with *** failed");
        assertThat(scrubbed.getCause().getStackTrace()).isEqualTo(root.getStackTrace());
    }

    @Test
    void keepsAChainThatDoesNotLeak() {
        IllegalStateException clean = new IllegalStateException("nothing secret", new SQLException("refused"));

        assertThat(new SecretScrubber(SECRET).scrub(clean)).isSameAs(clean);
        assertThat(new SecretScrubber("").scrub(clean)).isSameAs(clean);
    }
}
