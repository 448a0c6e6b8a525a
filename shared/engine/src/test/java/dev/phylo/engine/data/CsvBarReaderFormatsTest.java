package dev.phylo.engine.data;

import static dev.phylo.engine.data.CsvFixtures.assertRejected;
import static dev.phylo.engine.data.CsvFixtures.millis;
import static dev.phylo.engine.data.CsvFixtures.read;
import static dev.phylo.engine.data.CsvFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarReaderFormatsTest {

    @Test
    void readsYahooUsingCloseNotAdjClose() {
        BarSeries s = series("orcl.csv", """
                Date,Open,High,Low,Close,Adj Close,Volume
                1995-01-03,2.179012,2.191358,2.117284,2.117284,1.883304,36301200
                1995-01-04,2.123457,2.148148,2.092592,2.135803,1.899776,46051600
                """);
        assertThat(s.symbol()).isEqualTo("ORCL");
        assertThat(s.time()).containsExactly(millis("1995-01-03T00:00:00Z"), millis("1995-01-04T00:00:00Z"));
        assertThat(s.open()).containsExactly(2.179012, 2.123457);
        assertThat(s.high()).containsExactly(2.191358, 2.148148);
        assertThat(s.low()).containsExactly(2.117284, 2.092592);
        assertThat(s.close()).containsExactly(2.117284, 2.135803);
        assertThat(s.volume()).containsExactly(36301200, 46051600);
        assertThat(s.interval()).isEqualTo(BarInterval.ONE_DAY);
    }

    @Test
    void readsBacktraderLayoutIgnoringOpenInterest() {
        BarSeries s = series("bt.csv", """
                Date,Open,High,Low,Close,Volume,OpenInterest
                2020-01-02,10,11,9,10.5,100,0
                2020-01-03,10.5,12,10,11,200,0
                """);
        assertThat(s.close()).containsExactly(10.5, 11);
        assertThat(s.volume()).containsExactly(100, 200);
    }

    @Test
    void acceptsDatetimeTimestampAndTimeAsTheTimeHeader() {
        for (String header : new String[] {"Datetime", "timestamp", "TIME", " Date "}) {
            BarSeries s = series("x.csv", header + """
                    ,open,HIGH, low ,Close,volume
                    2020-01-02 09:30,10,11,9,10.5,100
                    2020-01-02 09:31,10,11,9,10.5,100
                    """);
            assertThat(s.time())
                    .as(header)
                    .containsExactly(millis("2020-01-02T09:30:00Z"), millis("2020-01-02T09:31:00Z"));
            assertThat(s.interval()).isEqualTo(BarInterval.ONE_MINUTE);
        }
    }

    @Test
    void combinesSeparateDateAndTimeColumns() {
        BarSeries s = series("index.csv", """
                Date,Time,Open,High,Low,Close,Volume,OpenInterest
                2006-01-02,09:05:00,3578.73,3587.88,3578.73,3582.99,0,0
                2006-01-02,09:10:00,3583.01,3588.40,3583.01,3588.03,0,0
                """);
        assertThat(s.time()).containsExactly(millis("2006-01-02T09:05:00Z"), millis("2006-01-02T09:10:00Z"));
        assertThat(s.interval()).isEqualTo(new BarInterval(5, 'm'));
        assertThat(s.volume()).containsExactly(0, 0);
    }

    @Test
    void takesAnEmptyFirstHeaderCellAsThePandasIndexTime() {
        BarSeries s = series("eurusd.csv", """
                ,Open,High,Low,Close,Volume
                2017-04-19 09:00:00,1.0716,1.0722,1.07083,1.07219,1413
                2017-04-19 10:00:00,1.07214,1.07296,1.07214,1.0726,1241
                """);
        assertThat(s.time()).containsExactly(millis("2017-04-19T09:00:00Z"), millis("2017-04-19T10:00:00Z"));
        assertThat(s.interval()).isEqualTo(BarInterval.ONE_HOUR);
    }

    @Test
    void readsBinanceKlinesWithoutAHeader() {
        BarSeries s = series("BTCUSDT-1h.csv", """
                1499040000000,0.01634790,0.80000000,0.01575800,0.01577100,148976.11427815,1499043599999,2434.19055334,308,1756.87402397,28.46694368,0
                1499043600000,0.01577100,0.01600000,0.01550000,0.01580000,1000.5,1499047199999,15.8,40,500.2,7.9,0
                """);
        assertThat(s.symbol()).isEqualTo("BTCUSDT-1H");
        assertThat(s.time()).containsExactly(1499040000000L, 1499043600000L);
        assertThat(s.open()).containsExactly(0.0163479, 0.015771);
        assertThat(s.high()).containsExactly(0.8, 0.016);
        assertThat(s.close()).containsExactly(0.015771, 0.0158);
        assertThat(s.volume()).containsExactly(148976.11427815, 1000.5);
        assertThat(s.interval()).isEqualTo(BarInterval.ONE_HOUR);
    }

    @Test
    void readsEpochSecondsAndIsoVariantsInOneColumn() {
        BarSeries s = series("mix.csv", """
                timestamp,open,high,low,close
                1577836800,1,1,1,1
                2020-01-01T00:01:00Z,1,1,1,1
                2020-01-01T02:02:00+02:00,1,1,1,1
                2020/01/01 00:03:00.000,1,1,1,1
                1577837040000,1,1,1,1
                """);
        assertThat(s.time())
                .containsExactly(
                        millis("2020-01-01T00:00:00Z"),
                        millis("2020-01-01T00:01:00Z"),
                        millis("2020-01-01T00:02:00Z"),
                        millis("2020-01-01T00:03:00Z"),
                        millis("2020-01-01T00:04:00Z"));
        assertThat(s.volume()).containsOnly(0.0);
    }

    @Test
    void toleratesAByteOrderMarkAndCrLfLineEnds() {
        BarSeries s = series(
                "bom.csv",
                "\uFEFFDate,Open,High,Low,Close,Volume\r\n2020-01-02,1,2,0.5,1.5,10\r\n"
                        + "2020-01-03,1,2,0.5,1.5,10\r\n\r\n");
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void readsTimesWithoutOffsetInTheConfiguredZone() {
        CsvReadResult r = read("ny.csv", """
                Date,Open,High,Low,Close
                2020-01-02 09:30,1,1,1,1
                2020-01-02 09:31,1,1,1,1
                """, CsvOptions.defaults().withZone(ZoneId.of("America/New_York")));
        assertThat(r.series().time()[0]).isEqualTo(millis("2020-01-02T14:30:00Z"));
    }

    @Test
    void usesAColumnMappingByName() {
        CsvReadResult r = read(
                "odd.csv",
                """
                When;Px;Hi;Lo;First;Vol
                2020-01-02;10;11;9;10.5;7
                2020-01-03;10;11;9;9.5;8
                """.replace(';', ','),
                CsvOptions.defaults()
                        .withMapping(ColumnMapping.parse("time=when,open=First,high=Hi,low=Lo,close=Px,volume=Vol")));
        assertThat(r.series().open()).containsExactly(10.5, 9.5);
        assertThat(r.series().close()).containsExactly(10, 10);
        assertThat(r.series().volume()).containsExactly(7, 8);
    }

    @Test
    void usesAColumnMappingByIndexWithAndWithoutAHeader() {
        ColumnMapping mapping = ColumnMapping.parse("time=1,open=2,high=3,low=4,close=5");
        String rows = """
                x,2020-01-02,10,11,9,10.5
                y,2020-01-03,10,11,9,10.7
                """;
        BarSeries headerless =
                read("a.csv", rows, CsvOptions.defaults().withMapping(mapping)).series();
        BarSeries headed = read(
                        "b.csv",
                        "id,day,o,h,l,c\n" + rows,
                        CsvOptions.defaults().withMapping(mapping))
                .series();
        assertThat(headerless.close()).containsExactly(10.5, 10.7);
        assertThat(headed.close()).containsExactly(10.5, 10.7);
        assertThat(headed.volume()).containsOnly(0.0);
    }

    @Test
    void usesAColumnMappingWithSeparateDateAndTimeColumns() {
        CsvReadResult r = read(
                "split.csv",
                """
                Day,Clock,Last,Max,Min,First
                2020-01-02,09:30,10.5,11,9,10
                2020-01-02,09:35,10.7,11,9,10.5
                """,
                CsvOptions.defaults()
                        .withMapping(
                                ColumnMapping.parse("date=Day,time=Clock,open=First,high=Max,low=Min,close=Last")));
        assertThat(r.series().time()).containsExactly(millis("2020-01-02T09:30:00Z"), millis("2020-01-02T09:35:00Z"));
        assertThat(r.series().close()).containsExactly(10.5, 10.7);
    }

    @Test
    void takesSymbolAndIntervalFromOptionsWhenGiven() {
        CsvReadResult r = read(
                "x.csv",
                "Date,Open,High,Low,Close\n2020-01-02,1,1,1,1\n",
                CsvOptions.defaults().withSymbol("SPY").withInterval(BarInterval.ONE_DAY));
        assertThat(r.series().symbol()).isEqualTo("SPY");
        assertThat(r.series().interval()).isEqualTo(BarInterval.ONE_DAY);
    }

    @Test
    void infersTheIntervalFromTheMedianSpacingAcrossWeekendGaps() {
        BarSeries s = series("w.csv", """
                Date,Open,High,Low,Close
                2020-01-02,1,1,1,1
                2020-01-03,1,1,1,1
                2020-01-06,1,1,1,1
                2020-01-07,1,1,1,1
                2020-01-08,1,1,1,1
                """);
        assertThat(s.interval()).isEqualTo(BarInterval.ONE_DAY);
    }

    @Test
    void derivesTheSymbolFromTheFileNameStem() {
        assertThat(CsvBarReader.symbolOf("data/orcl-1995.csv.gz")).isEqualTo("ORCL-1995");
        assertThat(CsvBarReader.symbolOf("s3://bucket/raw/spy.csv")).isEqualTo("SPY");
        assertThat(CsvBarReader.symbolOf("C:\\data\\btc")).isEqualTo("BTC");
    }

    @Test
    void gunzipsFilesAndStreamsNamedDotGz(@TempDir Path dir) throws IOException {
        byte[] csv =
                "Date,Open,High,Low,Close\n2020-01-02,1,2,1,2\n2020-01-03,2,3,2,3\n".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("spy.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(csv);
        }
        assertThat(CsvBarReader.read(file, CsvOptions.defaults()).series().close())
                .containsExactly(2, 3);
        byte[] gz = Files.readAllBytes(file);
        CsvReadResult fromStream =
                CsvBarReader.read(new ByteArrayInputStream(gz), "raw/spy.csv.gz", CsvOptions.defaults());
        assertThat(fromStream.series().symbol()).isEqualTo("SPY");
        assertThat(fromStream.series().close()).containsExactly(2, 3);
    }

    @Test
    void readsPlainFilesByPath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("qqq.csv");
        Files.writeString(file, "Date,Open,High,Low,Close\n2020-01-02,1,2,1,2\n2020-01-03,2,3,2,3\n");
        BarSeries s = CsvBarReader.read(file, CsvOptions.defaults()).series();
        assertThat(s.symbol()).isEqualTo("QQQ");
        assertThat(s.size()).isEqualTo(2);
    }

    @Test
    void readsTheConformanceSeriesFromTestResources() throws IOException {
        Path file = Path.of("src/test/resources/conformance/series.csv");
        BarSeries s = CsvBarReader.read(file, CsvOptions.defaults()).series();
        assertThat(s.size()).isEqualTo(600);
        assertThat(s.interval()).isEqualTo(BarInterval.ONE_DAY);
        assertThat(s.time()[0]).isEqualTo(millis("2020-01-01T00:00:00Z"));
        assertThat(s.time()[599]).isEqualTo(millis("2021-08-22T00:00:00Z"));
        assertThat(s.close()[1]).isEqualTo(102.383294);
        assertThat(s.close()[599]).isEqualTo(122.892862);
    }

    @Test
    void anIndexMappingReadsRowsWithMoreFieldsThanTheHeaderNames() {
        // the header names a Date column, the rows carry date and time apart: 6 names over 7 fields
        String csv = """
                Date,Open,High,Low,Close,Volume
                2006-01-02,09:05:00,10,11,9,10.5,100
                2006-01-02,09:10:00,10.5,12,10,11.5,200
                """;
        assertRejected(csv, 2, null, "expected 6 columns (as in the header), got 7");

        BarSeries s = read(
                        "split.csv",
                        csv,
                        CsvOptions.defaults()
                                .withMapping(ColumnMapping.parse("date=0,time=1,open=2,high=3,low=4,close=5,volume=6")))
                .series();

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.time()[1]).isEqualTo(millis("2006-01-02T09:10:00Z"));
        assertThat(s.close()).containsExactly(10.5, 11.5);
        assertThat(s.volume()).containsExactly(100, 200);
    }

    @Test
    void anIndexMappingBeyondTheFirstDataRowIsRefusedNamingTheLine() {
        String csv = """
                Date,Open,High,Low,Close
                2006-01-02,10,11,9,10.5
                """;
        assertThatThrownBy(() -> read(
                        "short.csv",
                        csv,
                        CsvOptions.defaults()
                                .withMapping(ColumnMapping.parse("time=0,open=1,high=2,low=3,close=4,volume=7"))))
                .isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("column index 7 of the column mapping is beyond the 5 columns of line 2");
    }
}
