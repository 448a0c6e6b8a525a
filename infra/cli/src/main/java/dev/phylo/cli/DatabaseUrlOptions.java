package dev.phylo.cli;

import dev.phylo.store.DatabaseUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where a command finds its database, without a password on the command line (where {@code ps} and the shell's
 * history show it): {@code --database-url} for a URL without one, {@code --database-url-file} for a file holding the
 * URL, else the environment's {@code NEON_DATABASE_URL}.
 */
public final class DatabaseUrlOptions {

    /** The environment variable read when neither option is given. */
    public static final String ENVIRONMENT = "NEON_DATABASE_URL";

    @ArgGroup(exclusive = true)
    Source source;

    static final class Source {
        @Option(
                names = "--database-url",
                paramLabel = "URL",
                description = "postgresql://… without a password (one here shows in ps and the shell's history: "
                        + "export " + ENVIRONMENT + " or use --database-url-file).")
        String url;

        @Option(
                names = "--database-url-file",
                paramLabel = "FILE",
                description = "A file whose first line is the postgresql://… URL (default: " + ENVIRONMENT + ").")
        Path file;
    }

    /** The URL to use, or empty for none (the command's own default then applies). */
    public Optional<String> resolve() {
        return resolve(System::getenv);
    }

    Optional<String> resolve(UnaryOperator<String> environment) {
        if (source != null && source.url != null) {
            return Optional.of(withoutPassword(source.url));
        }
        if (source != null && source.file != null) {
            return Optional.of(read(source.file));
        }
        String fromEnvironment = environment.apply(ENVIRONMENT);
        return fromEnvironment == null || fromEnvironment.isBlank()
                ? Optional.empty()
                : Optional.of(fromEnvironment.trim());
    }

    private static String withoutPassword(String url) {
        DatabaseUrl parsed;
        try {
            parsed = DatabaseUrl.parse(url);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad --database-url: " + e.getMessage(), e);
        }
        if (!parsed.password().isEmpty()) {
            throw new IllegalArgumentException("--database-url " + parsed + " carries a password, which other users "
                    + "of this machine see in ps and which stays in the shell's history; export " + ENVIRONMENT
                    + "=<the URL> or put it in a file for --database-url-file instead");
        }
        return url;
    }

    private static String read(Path file) {
        try {
            String url = Files.readString(file, StandardCharsets.UTF_8)
                    .lines()
                    .findFirst()
                    .orElse("")
                    .trim();
            if (url.isEmpty()) {
                throw new IllegalArgumentException("--database-url-file " + file + " is empty; its first line must "
                        + "be the postgresql://… URL");
            }
            return url;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--database-url-file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --database-url-file " + file + ": " + e.getMessage(), e);
        }
    }
}
