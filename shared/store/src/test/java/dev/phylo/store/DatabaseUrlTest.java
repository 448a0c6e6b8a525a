package dev.phylo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    private static final String SECRET = "Zq7-Distinctive-Secret-4K";

    /** Found by DatabaseUrlFuzzTest: a decoded host holding '/' or '@' printed a URL that parsed back differently. */
    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "a%40b", "a%20b", "a%00b", "neon.t%25ch"})
    void aHostThatAUrlCouldNotCarryBackIsRefused(String host) {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:secret@" + host + "/db"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("is not a host name or IP address")
                .hasMessageNotContaining("secret");
    }

    /** Found by fuzzing Neon secrets: a '%' in a host name (not an IPv6 zone) printed a URL that did not parse back. */
    @Test
    void aPercentSignIsRefusedInAHostNameAndKeptInAnIpv6Zone() {
        assertThatThrownBy(() -> DatabaseUrl.of("u", "secret", "ep-x.neon.t%ch", 5432, "db"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("is not a host name or IP address");
        DatabaseUrl zoned = DatabaseUrl.of("u", "secret", "fe80::1%eth0", 5432, "db");
        assertThat(DatabaseUrl.parse(zoned.toConnectionUri())).isEqualTo(zoned);
    }

    @Test
    void parsesNeonStyleUrl() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://alex:AbC123xyz@ep-cool-darkness-123456.us-east-2.aws.neon.tech"
                        + "/neondb?sslmode=require&channel_binding=require");

        assertThat(url.user()).isEqualTo("alex");
        assertThat(url.password()).isEqualTo("AbC123xyz");
        assertThat(url.host()).isEqualTo("ep-cool-darkness-123456.us-east-2.aws.neon.tech");
        assertThat(url.port()).isEqualTo(5432);
        assertThat(url.database()).isEqualTo("neondb");
        assertThat(url.params())
                .containsExactly(Map.entry("sslmode", "require"), Map.entry("channel_binding", "require"));
    }

    @Test
    void acceptsShortSchemeAndExplicitPort() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://u:p@db.internal:6543/app");

        assertThat(url.host()).isEqualTo("db.internal");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("app");
    }

    @Test
    void percentDecodesUserPasswordAndDatabase() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://r%C3%A9my%40corp:p%40ss%3Aw%2Frd+%25@localhost/my%20db");

        assertThat(url.user()).isEqualTo("rémy@corp");
        assertThat(url.password()).isEqualTo("p@ss:w/rd+%");
        assertThat(url.database()).isEqualTo("my db");
    }

    @Test
    void keepsQueryParametersInOrderAndDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h/d?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem"
                + "&options=endpoint%3Dep-abc-123&application_name=phylo");

        assertThat(List.copyOf(url.params().keySet()))
                .containsExactly("sslmode", "sslrootcert", "options", "application_name");
        assertThat(url.param("sslrootcert")).contains("/etc/ca.pem");
        assertThat(url.param("options")).contains("endpoint=ep-abc-123");
    }

    @Test
    void jdbcUrlPassesSslParametersThroughWithoutCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:" + SECRET + "@h.example:5433/db"
                + "?sslmode=verify-full&sslrootcert=/tmp/certs/ca.pem&options=endpoint%3Dep-abc");

        assertThat(url.toJdbcUrl())
                .isEqualTo("jdbc:postgresql://h.example:5433/db"
                        + "?sslmode=verify-full&sslrootcert=/tmp/certs/ca.pem&options=endpoint%3Dep-abc");
    }

    @Test
    void ipv6HostKeepsBrackets() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u@[::1]:5433/db");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.toJdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5433/db");
    }

    @Test
    void missingDatabaseDefaultsToUserAsLibpqDoes() {
        assertThat(DatabaseUrl.parse("postgresql://alice:pw@host").database()).isEqualTo("alice");
    }

    @Test
    void credentialQueryParametersOverrideAndAreNotPassedOn() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://host/db?user=bob&password=" + SECRET + "&sslmode=disable");

        assertThat(url.user()).isEqualTo("bob");
        assertThat(url.password()).isEqualTo(SECRET);
        assertThat(url.params()).containsOnlyKeys("sslmode");
        assertThat(url.toJdbcUrl()).doesNotContain(SECRET);
    }

    @Test
    void toStringRedactsThePassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://alice:" + SECRET + "@host:5432/db?sslmode=require");

        assertThat(url.toString()).isEqualTo("postgresql://alice:***@host:5432/db?sslmode=require");
        assertThat(url.toString()).doesNotContain(SECRET);
    }

    @Test
    void toStringOfUrlWithoutPasswordShowsNoMask() {
        assertThat(DatabaseUrl.parse("postgresql://alice@host/db").toString())
                .isEqualTo("postgresql://alice@host:5432/db");
    }

    @Test
    void connectionUriRoundTrips() {
        DatabaseUrl url =
                DatabaseUrl.parse("postgresql://r%C3%A9my:p%40ss+w%2Frd@host:6000/db?sslmode=disable&x=a%26b");

        assertThat(DatabaseUrl.parse(url.toConnectionUri())).isEqualTo(url);
        assertThat(url.toConnectionUri())
                .isEqualTo("postgresql://r%C3%A9my:p%40ss%2Bw%2Frd@host:6000/db?sslmode=disable&x=a%26b");
    }

    @Test
    void withDatabaseAndWithParamReturnModifiedCopies() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h/one?sslmode=require&a=1");

        DatabaseUrl other =
                url.withDatabase("two").withParam("sslmode", "disable").withParam("b", "2");

        assertThat(other.database()).isEqualTo("two");
        assertThat(other.params())
                .containsExactly(Map.entry("sslmode", "disable"), Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(url.database()).isEqualTo("one");
        assertThat(url.param("sslmode")).contains("require");
    }

    @Test
    void paramsAreImmutable() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p@h/d?a=1");

        assertThatThrownBy(() -> url.params().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "mysql://alice:" + SECRET + "@host/db",
                "postgresql://alice:" + SECRET + "@host:notaport/db",
                "postgresql://alice:" + SECRET + "@host:70000/db",
                "postgresql://alice:" + SECRET + "@/db",
                "postgresql://alice:" + SECRET + "@h1,h2/db",
                "postgresql://alice:" + SECRET + "@host/db#frag",
                "postgresql://alice:" + SECRET + "@host/db?sslmode",
                "postgresql://alice:" + SECRET + "@host/db?a=1&a=2",
                "postgresql://alice:" + SECRET + "@host/db?host=other",
                "postgresql://alice:" + SECRET + "%zz@host/db",
                "postgresql://alice:" + SECRET + "%2@host/db",
                "postgresql://alice:" + SECRET + "/with-unescaped-slash@host/db",
                "postgresql://alice:" + SECRET + "@[::1/db",
                "postgresql://:" + SECRET + "@host/db",
                "postgresql://host/db?password=" + SECRET,
            })
    void parseErrorsNeverContainThePassword(String text) {
        InvalidDatabaseUrlException error =
                catchThrowableOfType(InvalidDatabaseUrlException.class, () -> DatabaseUrl.parse(text));

        assertThat(error)
                .as("should be rejected: " + text.replace(SECRET, "<secret>"))
                .isNotNull();
        assertThat(error.getMessage())
                .doesNotContain(SECRET)
                .doesNotContain("Distinctive")
                .contains("***");
    }

    @Test
    void parseErrorNamesTheProblem() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://alice:" + SECRET + "@host:99999/db"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessage(
                        "Invalid database URL, port is not a number in 1..65535: postgresql://alice:***@host:99999/db");
        assertThatThrownBy(() -> DatabaseUrl.parse("http://host/db"))
                .hasMessageContaining("expected a URL starting with postgresql:// or postgres://")
                .hasMessageContaining("http://host/db");
        assertThatThrownBy(() -> DatabaseUrl.parse(null)).isInstanceOf(InvalidDatabaseUrlException.class);
    }

    @Test
    void missingUserIsRejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://host/db"))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageContaining("user is missing");
    }
}
