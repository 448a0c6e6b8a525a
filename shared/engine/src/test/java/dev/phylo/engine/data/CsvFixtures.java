package dev.phylo.engine.data;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert;

/** Reads CSV text written inline by a test, and checks the issue a bad file fails with. */
final class CsvFixtures {
    private CsvFixtures() {}

    static CsvReadResult read(String name, String csv, CsvOptions options) {
        try {
            return CsvBarReader.read(new StringReader(csv), name, options);
        } catch (IOException e) {
            throw new AssertionError("a StringReader cannot fail", e);
        }
    }

    static BarSeries series(String name, String csv) {
        return read(name, csv, CsvOptions.defaults()).series();
    }

    static long millis(String isoInstant) {
        return Instant.parse(isoInstant).toEpochMilli();
    }

    /** Asserts a strict read fails with exactly this line, field and reason. */
    static void assertRejected(String csv, long line, String field, String reason) {
        ThrowableAssert.ThrowingCallable read = () -> read("bad.csv", csv, CsvOptions.defaults());
        assertThatThrownBy(read)
                .isInstanceOf(CsvFormatException.class)
                .hasMessage(new RowIssue("bad.csv", line, field, reason).toString())
                .satisfies(e -> {
                    CsvFormatException f = (CsvFormatException) e;
                    org.assertj.core.api.Assertions.assertThat(f.file()).isEqualTo("bad.csv");
                    org.assertj.core.api.Assertions.assertThat(f.line()).isEqualTo(line);
                    org.assertj.core.api.Assertions.assertThat(f.field()).isEqualTo(field);
                    org.assertj.core.api.Assertions.assertThat(f.reason()).isEqualTo(reason);
                });
    }
}
