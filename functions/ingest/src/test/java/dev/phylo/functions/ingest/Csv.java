package dev.phylo.functions.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small CSV fixtures written to temporary files. */
final class Csv {

    static final String HEADER = "timestamp,open,high,low,close,volume\n";

    /** Five clean daily bars; closes 100.5, 101.25, 99.75, 102, 103.125. */
    static final String FIVE_DAYS = HEADER
            + "2024-01-02T00:00:00Z,100.0,101.0,99.0,100.5,1000\n"
            + "2024-01-03T00:00:00Z,100.5,102.0,100.0,101.25,1100\n"
            + "2024-01-04T00:00:00Z,101.25,101.5,99.5,99.75,900\n"
            + "2024-01-05T00:00:00Z,99.75,102.5,99.5,102,1200\n"
            + "2024-01-08T00:00:00Z,102.0,103.5,101.5,103.125,1300\n";

    private Csv() {}

    static Path write(Path dir, String name, String content) {
        return write(dir, name, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
