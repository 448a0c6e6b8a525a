package dev.phylo.engine.data;

import static dev.phylo.engine.data.CsvFixtures.millis;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvBarReaderLenientTest {
    private static final CsvOptions LENIENT = CsvOptions.defaults().withLenient(true);

    @Test
    void dropsEachBadRowKeepsTheGoodOnesAndReportsWhy() {
        CsvReadResult r = CsvFixtures.read("orcl.csv", """
                Date,Open,High,Low,Close,Volume
                2020-01-01,10,11,9,10,1
                2020-01-02,10,9.5,10.2,10,1
                2020-01-03,null,11,9,10,1
                2020-01-04,10,11,9,10
                2020-01-05,10,11,9,10,1
                """, LENIENT);
        assertThat(r.series().time()).containsExactly(millis("2020-01-01T00:00:00Z"), millis("2020-01-05T00:00:00Z"));
        assertThat(r.dropped()).extracting(RowIssue::line).containsExactly(3L, 4L, 5L);
        assertThat(r.dropped()).extracting(RowIssue::field).containsExactly("High", "Open", null);
        assertThat(r.dropped().get(0)).hasToString("orcl.csv line 3, field 'High': high 9.5 is below low 10.2");
        assertThat(r.dropped().get(2)).hasToString("orcl.csv line 5: expected 6 columns (as in the header), got 5");
    }

    @Test
    void judgesOrderAgainstTheLastKeptRow() {
        CsvReadResult r = CsvFixtures.read("t.csv", """
                Date,Open,High,Low,Close
                2020-01-01,1,1,1,1
                2020-01-05,1,1,1,1
                2020-01-03,1,1,1,1
                2020-01-05,1,1,1,1
                2020-01-06,1,1,1,1
                """, LENIENT);
        assertThat(r.series().size()).isEqualTo(3);
        assertThat(r.dropped())
                .extracting(RowIssue::reason)
                .containsExactly(
                        "out of order: 2020-01-03 after 2020-01-05 (line 3)", "duplicate of line 3 (2020-01-05)");
    }

    @Test
    void aBadFirstRowDoesNotBecomeTheOrderReference() {
        CsvReadResult r = CsvFixtures.read("t.csv", """
                Date,Open,High,Low,Close
                2020-01-09,1,1,1,x
                2020-01-02,1,1,1,1
                2020-01-03,1,1,1,1
                """, LENIENT);
        assertThat(r.series().size()).isEqualTo(2);
        assertThat(r.dropped()).singleElement().extracting(RowIssue::line).isEqualTo(2L);
    }

    @Test
    void stillFailsWhenEveryRowIsRejected() {
        assertThatThrownBy(() -> CsvFixtures.read(
                        "t.csv", "Date,Open,High,Low,Close\n2020-01-02,1,1,1,x\n2020-01-03,2,1,1,1\n", LENIENT))
                .isInstanceOf(CsvFormatException.class)
                .hasMessage("t.csv: all 2 data rows were rejected; the first: t.csv line 2, field 'Close': "
                        + "'x' is not a plain decimal number");
    }

    @Test
    void stillFailsOnAnUnknownLayout() {
        assertThatThrownBy(() -> CsvFixtures.read("t.csv", "a,b\n1,2\n", LENIENT))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("unrecognised column layout: headers seen [a, b]");
    }

    @Test
    void strictModeReportsNothingDropped() {
        CsvReadResult r = CsvFixtures.read(
                "t.csv", "Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n2020-01-03,1,1,1,1\n", CsvOptions.defaults());
        assertThat(r.dropped()).isEmpty();
    }
}
