package dev.phylo.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PercentCodecTest {

    @Test
    void decodesUtf8EscapesAndKeepsPlus() {
        assertThat(PercentCodec.decode("caf%C3%A9+%2b%41")).isEqualTo("café++A");
    }

    @Test
    void rejectsBadEscapesByPositionOnly() {
        assertThatThrownBy(() -> PercentCodec.decode("ab%g1")).hasMessage("invalid percent escape at character 2");
        assertThatThrownBy(() -> PercentCodec.decode("ab%4")).hasMessage("truncated percent escape at character 2");
        assertThatThrownBy(() -> PercentCodec.decode("%\u0663\u0663"))
                .hasMessage("invalid percent escape at character 0");
    }

    @Test
    void encodesAllButUnreservedAndKeptCharacters() {
        assertThat(PercentCodec.encode("a b+c/d=é", "/")).isEqualTo("a%20b%2Bc/d%3D%C3%A9");
        assertThat(PercentCodec.encode("x+y", "+")).isEqualTo("x%2By");
    }
}
