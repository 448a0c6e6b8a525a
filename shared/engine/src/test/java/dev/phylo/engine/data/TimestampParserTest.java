package dev.phylo.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampParserTest {
    private final TimestampParser utc = new TimestampParser(ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "2020-01-02;                     2020-01-02T00:00:00Z",
                "2020/01/02;                     2020-01-02T00:00:00Z",
                "2020-1-2;                       2020-01-02T00:00:00Z",
                "20200102;                       2020-01-02T00:00:00Z",
                "2020-01-02 09:30;               2020-01-02T09:30:00Z",
                "2020-01-02 09:30:15;            2020-01-02T09:30:15Z",
                "2020-01-02T09:30:15;            2020-01-02T09:30:15Z",
                "2020-01-02T09:30:15Z;           2020-01-02T09:30:15Z",
                "2020-01-02T09:30:15.5Z;         2020-01-02T09:30:15.500Z",
                "2020-01-02T09:30:15.123456789Z; 2020-01-02T09:30:15.123Z",
                "2020-01-02T09:30:15+02:00;      2020-01-02T07:30:15Z",
                "2020-01-02T09:30:15-0530;       2020-01-02T15:00:15Z",
                "2020-01-02 9:30;                2020-01-02T09:30:00Z",
                "1499040000000;                  2017-07-03T00:00:00Z",
                "1499040000;                     2017-07-03T00:00:00Z",
                "1499040000000000;               2017-07-03T00:00:00Z",
                "2000-02-29;                     2000-02-29T00:00:00Z"
            })
    void parsesIsoDatesAndEpochNumbers(String text, String expected) throws BadValue {
        assertThat(Instant.ofEpochMilli(utc.parse(text))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void readsTimesWithoutOffsetInTheGivenZone() throws BadValue {
        TimestampParser newYork = new TimestampParser(ZoneId.of("America/New_York"));
        assertThat(Instant.ofEpochMilli(newYork.parse("2020-01-02 09:30")))
                .isEqualTo(Instant.parse("2020-01-02T14:30:00Z"));
        assertThat(Instant.ofEpochMilli(newYork.parse("2020-07-02 09:30")))
                .isEqualTo(Instant.parse("2020-07-02T13:30:00Z"));
        assertThat(Instant.ofEpochMilli(newYork.parse("2020-07-02T09:30Z")))
                .isEqualTo(Instant.parse("2020-07-02T09:30:00Z"));
        assertThat(newYork.parse("1499040000000")).isEqualTo(1499040000000L);
    }

    @Test
    void combinesSplitDateAndTimeColumns() throws BadValue {
        long day = utc.parseDate("2006-01-02");
        assertThat(Instant.ofEpochMilli(utc.parseTimeOfDay(day, "09:05:00")))
                .isEqualTo(Instant.parse("2006-01-02T09:05:00Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "2020-13-45;        month 13 is not in 1-12",
                "2021-02-29;        day 29 is not in 1-28 for 2021-02",
                "2020-04-31;        day 31 is not in 1-30 for 2020-04",
                "2020-01-02 24:00;  hour 24 is not in 0-23",
                "2020-01-02 10:60;  minute 60 is not in 0-59",
                "2020-01-02 10:00:60; second 60 is not in 0-59",
                "2020-01-02T10:00+19:00; offset +19:00 is beyond ±18:00",
                "2020-01-02T09:30:15.Z; a fraction of a second has 1 to 9 digits, not 0",
                "12345;             a numeric time has 10 digits (epoch seconds), 13 (milliseconds), 16 (microseconds) or 8 (yyyyMMdd), not 5"
            })
    void namesTheFieldThatIsOutOfRange(String text, String detail) {
        assertThatThrownBy(() -> utc.parse(text)).hasMessage("unparseable '%s': %s", text, detail);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = ';',
            value = {
                "02/01/2020",
                "Jan 2 2020",
                "2020-01-02X09:30",
                "2020-01-02 09:30 UTC",
                "2020-01-02 09",
                "20-01-02",
                "yesterday"
            })
    void rejectsOtherShapesListingTheAcceptedOnes(String text) {
        assertThatThrownBy(() -> utc.parse(text))
                .hasMessageStartingWith("unparseable '%s': expected yyyy-MM-dd or yyyy/MM/dd", text);
    }

    @Test
    void rejectsATimeInTheDateColumnOfASplitTimestamp() {
        assertThatThrownBy(() -> utc.parseDate("2006-01-02 09:05"))
                .hasMessage("unparseable '2006-01-02 09:05': expected a date alone, yyyy-MM-dd or yyyy/MM/dd");
    }

    @Test
    void daysFromCivilAgreesWithJavaTime() {
        for (LocalDate d = LocalDate.of(1, 1, 1); d.getYear() < 3000; d = d.plusDays(1)) {
            if (TimestampParser.daysFromCivil(d.getYear(), d.getMonthValue(), d.getDayOfMonth()) != d.toEpochDay()) {
                throw new AssertionError("daysFromCivil differs from LocalDate.toEpochDay at " + d);
            }
        }
    }
}
