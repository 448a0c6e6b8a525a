package dev.phylo.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "0;0",
                "42;42",
                "-3.25;-3.25",
                "+7;7",
                "0.5;0.5",
                ".5;0.5",
                "3.;3",
                "1.5e-05;0.000015",
                "2E3;2000",
                "1e+2;100",
                "' 12.5 ';12.5",
                "0.01634790;0.0163479"
            })
    void acceptsPlainDecimals(String text, double expected) throws BadValue {
        assertThat(Decimals.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "NaN",
                "Infinity",
                "-Infinity",
                "0x1p3",
                "1.0d",
                "1f",
                "1,5",
                "1e",
                "e5",
                ".",
                "-",
                "1.2.3",
                "12abc",
                "١٢",
                "1 2",
                "--1",
                "1e5.5"
            })
    void rejectsWhatParseDoubleWouldTake(String text) {
        assertThatThrownBy(() -> Decimals.parse(text))
                .isInstanceOf(BadValue.class)
                .hasMessage("'%s' is not a plain decimal number", text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void rejectsEmptyValue(String text) {
        assertThatThrownBy(() -> Decimals.parse(text)).hasMessage("empty value, expected a number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999", "-1e400"})
    void rejectsValuesThatOverflowToInfinity(String text) {
        assertThatThrownBy(() -> Decimals.parse(text)).hasMessage("'%s' is too large for a double", text);
    }
}
