package dev.phylo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A database password never has to be typed on a command line: the options as picocli parses them. */
class DatabaseUrlOptionsTest {

    private static final String WITH_PASSWORD = "postgresql://phylo:hunter2@db.example.org:5433/market";
    private static final String WITHOUT_PASSWORD = "postgresql://phylo@db.example.org/market";

    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        DatabaseUrlOptions database;

        @Override
        public void run() {}
    }

    private static DatabaseUrlOptions parse(String... args) {
        Probe probe = new Probe();
        new CommandLine(probe).parseArgs(args);
        return probe.database;
    }

    @Test
    void aUrlWithAPasswordOnTheCommandLineIsRefusedWithoutRepeatingThePassword() {
        assertThatThrownBy(() -> parse("--database-url", WITH_PASSWORD).resolve(name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("carries a password")
                .hasMessageContaining("export NEON_DATABASE_URL")
                .hasMessageContaining("--database-url-file")
                .hasMessageContaining("db.example.org")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aUrlWithoutAPasswordIsTakenAsGivenAndBeatsTheEnvironment() {
        assertThat(parse("--database-url", WITHOUT_PASSWORD).resolve(Map.of("NEON_DATABASE_URL", WITH_PASSWORD)::get))
                .contains(WITHOUT_PASSWORD);
    }

    @Test
    void aFileGivesItsFirstLineTrimmed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("url"), "  " + WITH_PASSWORD + "  \n# a comment\n");
        assertThat(parse("--database-url-file", file.toString()).resolve(name -> null))
                .contains(WITH_PASSWORD);
    }

    @Test
    void aMissingOrEmptyFileIsNamedInTheError(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(
                        () -> parse("--database-url-file", missing.toString()).resolve(name -> null))
                .hasMessage("--database-url-file " + missing + " does not exist");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> parse("--database-url-file", empty.toString()).resolve(name -> null))
                .hasMessageContaining("--database-url-file " + empty + " is empty");
    }

    @Test
    void withoutAnOptionTheEnvironmentDecidesAndABlankOneMeansNone() {
        assertThat(parse().resolve(Map.of("NEON_DATABASE_URL", " " + WITH_PASSWORD + "\n")::get))
                .contains(WITH_PASSWORD);
        assertThat(parse().resolve(Map.of("NEON_DATABASE_URL", "  ")::get)).isEqualTo(Optional.empty());
        assertThat(parse().resolve(name -> null)).isEmpty();
    }

    @Test
    void theTwoOptionsExcludeEachOther() {
        assertThatThrownBy(() -> parse("--database-url", WITHOUT_PASSWORD, "--database-url-file", "x"))
                .isInstanceOf(CommandLine.MutuallyExclusiveArgsException.class)
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void aMalformedUrlSaysWhichOption() {
        assertThatThrownBy(() -> parse("--database-url", "mysql://x").resolve(name -> null))
                .hasMessageStartingWith("bad --database-url: ");
    }
}
