package dev.phylo.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidRequestExceptionTest {

    /** Lambda's errorType is the thrown class's name: the constant a state machine's Catch uses must be that name. */
    @Test
    void theErrorTypeIsTheClassName() {
        assertThat(InvalidRequestException.ERROR_TYPE).isEqualTo(InvalidRequestException.class.getName());
    }
}
