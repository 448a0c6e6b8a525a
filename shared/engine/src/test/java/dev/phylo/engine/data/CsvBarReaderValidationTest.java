package dev.phylo.engine.data;

import static dev.phylo.engine.data.CsvFixtures.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a strict read fails, each with its own message naming line, field and reason. */
class CsvBarReaderValidationTest {
    private static final String HEADER = "Date,Open,High,Low,Close,Volume\n";
    private static final String GOOD = "2020-01-02,10,11,9,10.5,100\n";

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "0x1p3", "1.0d", "1f", "n/a", "1,5"})
    void rejectsNumbersThatAreNotPlainDecimals(String value) {
        String cell = value.contains(",") ? '"' + value + '"' : value;
        assertRejected(
                HEADER + GOOD + "2020-01-03,10," + cell + ",9,10.5,100\n",
                3,
                "High",
                "'" + value + "' is not a plain decimal number");
    }

    /** Found by fuzzing: two bars 4,300 years apart inferred an interval of 136,420,761,599 s, which no label carries. */
    @Test
    void barsTooFarApartForAnyIntervalAreRefusedAskingForOne() {
        assertThatThrownBy(() -> CsvFixtures.read(
                        "far.csv",
                        HEADER + "0014-01-02,10,11,9,10.5,100\n4337-01-02,10,11,9,10.5,100\n",
                        CsvOptions.defaults()))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("far.csv")
                .hasMessageContaining("cannot infer the bar interval")
                .hasMessageContaining("set it");
        assertThatThrownBy(() -> new BarInterval(BarInterval.MAX_COUNT + 1, 's'))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BarInterval.parse(new BarInterval(BarInterval.MAX_COUNT, 's').toString())
                        .count())
                .isEqualTo(BarInterval.MAX_COUNT);
    }

    @Test
    void rejectsAnEmptyNumericField() {
        assertRejected(HEADER + "2020-01-02,10,11,9,,100\n", 2, "Close", "empty value, expected a number");
    }

    @Test
    void rejectsANumberTooLargeForADouble() {
        assertRejected(HEADER + "2020-01-02,10,11,9,10,1e999\n", 2, "Volume", "'1e999' is too large for a double");
    }

    @Test
    void rejectsRowWithHighBelowLow() {
        assertRejected(HEADER + GOOD + "2020-01-03,10,9.5,10.2,10,100\n", 3, "High", "high 9.5 is below low 10.2");
    }

    @Test
    void rejectsOpenOutsideTheBarRange() {
        assertRejected(HEADER + "2020-01-02,12,11,9,10.5,100\n", 2, "Open", "open 12 is outside [low 9, high 11]");
    }

    @Test
    void rejectsCloseOutsideTheBarRange() {
        assertRejected(HEADER + "2020-01-02,10,11,9,8.99,100\n", 2, "Close", "close 8.99 is outside [low 9, high 11]");
    }

    @Test
    void rejectsNegativeVolume() {
        assertRejected(HEADER + "2020-01-02,10,11,9,10,-5\n", 2, "Volume", "volume -5 is negative");
    }

    @Test
    void rejectsTimestampsOutOfOrderNamingThePreviousRow() {
        assertRejected(
                HEADER + GOOD + "2020-01-05,10,11,9,10,1\n2020-01-03,10,11,9,10,1\n",
                4,
                "Date",
                "out of order: 2020-01-03 after 2020-01-05 (line 3)");
    }

    @Test
    void rejectsADuplicateTimestampNamingTheFirstRow() {
        assertRejected(
                HEADER + GOOD + "2020-01-03,10,11,9,10,1\n2020-01-03,10,11,9,10,2\n",
                4,
                "Date",
                "duplicate of line 3 (2020-01-03)");
    }

    @Test
    void namesBothColumnsOfASplitTimestampWhenOutOfOrder() {
        assertRejected(
                "Date,Time,Open,High,Low,Close\n2006-01-02,09:10:00,1,1,1,1\n2006-01-02,09:05:00,1,1,1,1\n",
                3,
                "Date/Time",
                "out of order: 2006-01-02 09:05:00 after 2006-01-02 09:10:00 (line 2)");
    }

    @Test
    void rejectsAnUnparseableTimestamp() {
        assertRejected(
                HEADER + GOOD + "2020-13-45,10,11,9,10,1\n",
                3,
                "Date",
                "unparseable '2020-13-45': month 13 is not in 1-12");
    }

    @Test
    void namesTheTimeColumnWhenTheTimeOfDayIsBad() {
        assertRejected(
                "Date,Time,Open,High,Low,Close\n2006-01-02,25:00,1,1,1,1\n",
                2,
                "Time",
                "unparseable '25:00': hour 25 is not in 0-23");
    }

    @Test
    void rejectsARowWithTooFewColumns() {
        assertRejected(
                HEADER + GOOD + "2020-01-03,10,11,9,10\n", 3, null, "expected 6 columns (as in the header), got 5");
    }

    @Test
    void rejectsARowWithTooManyColumns() {
        assertRejected(HEADER + "2020-01-03,10,11,9,10,1,7\n", 2, null, "expected 6 columns (as in the header), got 7");
    }

    @Test
    void countsColumnsFromTheFirstLineWhenThereIsNoHeader() {
        assertRejected(
                "1499040000000,1,1,1,1,1\n1499040060000,1,1,1,1\n",
                2,
                null,
                "expected 6 columns (as in line 1), got 5");
    }

    @Test
    void reportsPhysicalLineNumbersAcrossBlankLinesAndQuotedNewlines() {
        assertRejected(
                "Date,Open,High,Low,Close,Volume,Note\n\n2020-01-02,10,11,9,10,1,\"split\nnote\"\n\n"
                        + "2020-01-03,10,9,11,10,1,\n",
                6,
                "High",
                "high 9 is below low 11");
    }

    @Test
    void rejectsAnEmptyFile() {
        assertRejected("", 0, null, "empty file: no header and no rows");
        assertRejected("\n\n", 0, null, "empty file: no header and no rows");
    }

    @Test
    void rejectsAHeaderWithoutDataRows() {
        assertRejected(HEADER, 1, null, "header only: no data rows follow the header");
    }

    @Test
    void rejectsAnUnknownLayoutListingTheHeadersAndTheMappingOption() {
        assertRejected(
                "Day,Price,Qty\n2020-01-02,10,5\n",
                1,
                null,
                "unrecognised column layout: headers seen [Day, Price, Qty]; missing a time column (Date, Datetime, "
                        + "Timestamp or Time), Open, High, Low, Close; give a ColumnMapping (--columns "
                        + "time=...,open=...,high=...,low=...,close=...[,volume=...]; names or 0-based indexes)");
    }

    @Test
    void rejectsAHeaderlessFileWithTooFewColumns() {
        assertRejected(
                "2020-01-02,10,11\n",
                1,
                null,
                "line 1 starts with a timestamp, so the file has no header, "
                        + "but it has 3 columns where time, open, high, low, close[, volume] are needed; give a ColumnMapping "
                        + "(--columns time=...,open=...,high=...,low=...,close=...[,volume=...]; names or 0-based indexes)");
    }

    @Test
    void rejectsAMappingThatNamesAMissingColumn() {
        String csv = HEADER + GOOD;
        ColumnMapping mapping = ColumnMapping.parse("time=Date,open=Open,high=High,low=Low,close=Last");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        CsvFixtures.read("bad.csv", csv, CsvOptions.defaults().withMapping(mapping)))
                .hasMessage("bad.csv line 1: column 'Last' of the column mapping is not in the header "
                        + "[Date, Open, High, Low, Close, Volume]");
    }

    @Test
    void rejectsAMappingIndexBeyondTheColumns() {
        // an index mapping skips the header and counts the first data row's fields (a header may name fewer)
        ColumnMapping mapping = ColumnMapping.parse("time=0,open=1,high=2,low=3,close=9");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvFixtures.read(
                        "bad.csv", HEADER + GOOD, CsvOptions.defaults().withMapping(mapping)))
                .hasMessage("bad.csv line 2: column index 9 of the column mapping is beyond the 6 columns of line 2");
    }

    @Test
    void namesFieldsByRoleWhenAnIndexMappedFileHasNoHeader() {
        ColumnMapping mapping = ColumnMapping.parse("time=1,open=2,high=3,low=4,close=5");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CsvFixtures.read(
                        "bad.csv",
                        "a,2020-01-02,10,11,9,10.5\nb,2020-01-03,10,11,9,x\n",
                        CsvOptions.defaults().withMapping(mapping)))
                .hasMessage("bad.csv line 2, field 'close': 'x' is not a plain decimal number");
    }

    @Test
    void rejectsASingleBarWhenTheIntervalMustBeInferred() {
        assertRejected(
                HEADER + GOOD,
                0,
                null,
                "cannot infer the bar interval from a single bar; set it (CsvOptions.withInterval, --interval)");
    }

    @Test
    void reportsMalformedQuotingWithItsLine() {
        assertRejected(
                HEADER + GOOD + "2020-01-03,\"10\"x,11,9,10,1\n",
                3,
                null,
                "malformed CSV: Unexpected character after closing quote: 'x' (0x78)");
    }

    @Test
    void acceptsZeroVolumeAndFlatBars() {
        BarSeries s = CsvFixtures.series("flat.csv", HEADER + "2020-01-02,10,10,10,10,0\n2020-01-03,10,10,10,10,0\n");
        assertThat(s.volume()).containsExactly(0, 0);
    }
}
