package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.phylo.engine.data.BarInterval;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataFilesTest {

    private static final String CSV = """
            Date,Open,High,Low,Close,Volume
            2021-03-01T00:00:00Z,10,11,9,10.5,100
            2021-03-01T01:00:00Z,10.5,12,10,11.5,200
            2021-03-01T02:00:00Z,11.5,12,11,11.8,300
            """;

    @Test
    void aFolderGivesItsCsvFilesByNameAndFilesStayInTheOrderGiven(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("data"));
        Files.writeString(folder.resolve("msft-2020.csv"), CSV);
        Files.writeString(folder.resolve("aapl_1h.csv.gz"), "");
        Files.writeString(folder.resolve("notes.txt"), "not data");
        Path single = Files.writeString(dir.resolve("orcl-1995-2014-daily.csv"), CSV);

        List<Path> files = DataFiles.expand(List.of(single, folder));

        assertThat(files).containsExactly(single, folder.resolve("aapl_1h.csv.gz"), folder.resolve("msft-2020.csv"));
        assertThat(files.stream().map(DataFiles::symbolOf)).containsExactly("ORCL", "AAPL", "MSFT");
    }

    @Test
    void missingPathsAndEmptyFoldersAreRefusedByName(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> DataFiles.expand(List.of(dir.resolve("nope.csv"))))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nope.csv");
        assertThatThrownBy(() -> DataFiles.expand(List.of(empty)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty")
                .hasMessageContaining("no .csv or .csv.gz file");
    }

    @Test
    void theRangeRunsFromTheFirstBarToOneIntervalAfterTheLast(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), CSV);
        Path b = Files.writeString(
                dir.resolve("b.csv"),
                CSV.replace("2021-03-01T00", "2021-02-28T23").replace("2021-03-01T02", "2021-03-01T05"));

        DataFiles.Range range = DataFiles.range(List.of(a, b), List.of("A", "B"), BarInterval.ONE_HOUR, null);

        assertThat(range.from()).isEqualTo("2021-02-28T23:00:00Z");
        assertThat(range.to(BarInterval.ONE_HOUR)).isEqualTo("2021-03-01T06:00:00Z");
        assertThat(DataFiles.range(a, "A", BarInterval.ONE_HOUR, "time=0,open=1,high=2,low=3,close=4")
                        .to(BarInterval.ONE_HOUR))
                .isEqualTo("2021-03-01T03:00:00Z");
    }
}
