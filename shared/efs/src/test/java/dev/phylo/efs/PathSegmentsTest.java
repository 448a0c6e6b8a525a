package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PathSegmentsTest {

    @Test
    void encodesMarketSymbolsReadably() {
        assertThat(PathSegments.encode("AAPL")).isEqualTo("AAPL");
        assertThat(PathSegments.encode("BTC-USD")).isEqualTo("BTC-USD");
        assertThat(PathSegments.encode("BRK.B")).isEqualTo("BRK.B");
        assertThat(PathSegments.encode("^GSPC")).isEqualTo("%5EGSPC");
        assertThat(PathSegments.encode("EUR/USD")).isEqualTo("EUR%2FUSD");
        assertThat(PathSegments.encode("ES=F")).isEqualTo("ES%3DF");
        assertThat(PathSegments.encode("100%")).isEqualTo("100%25");
        assertThat(PathSegments.encode(".hidden")).isEqualTo("%2Ehidden");
        assertThat(PathSegments.encode("5m")).isEqualTo("5m");
        assertThat(PathSegments.encode("日経")).isEqualTo("%E6%97%A5%E7%B5%8C");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "^GSPC",
                "EUR/USD",
                "BTC-USD",
                "a b",
                "..x",
                "x..",
                "%",
                "%25",
                "C:\\x",
                "a/../b",
                "...",
                "日経225",
                "emoji\uD83D\uDE00",
                "~",
                "*?<>|\"'",
                ".tmp-x"
            })
    void roundTrips(String name) {
        String segment = PathSegments.encode(name);
        assertThat(segment).doesNotContain("/", "\\").doesNotStartWith(".");
        assertThat(PathSegments.decode(segment)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "..", "a\nb", "tab\there", "nul\u0000", "del\u007F", "lone\uD800"})
    void rejectsNamesThatCannotBeAPathComponent(String name) {
        assertThatThrownBy(() -> PathSegments.encode(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullAndOverlongNames() {
        assertThatThrownBy(() -> PathSegments.encode(null)).hasMessageContaining("empty");
        assertThatThrownBy(() -> PathSegments.encode("^".repeat(67))).hasMessageContaining("201 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%5e", "%2D", "a b", "%E", "%G1", ".x", "%FF", "a/b"})
    void decodeAcceptsOnlyTheCanonicalEncoding(String segment) {
        assertThatThrownBy(() -> PathSegments.decode(segment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(segment);
    }
}
