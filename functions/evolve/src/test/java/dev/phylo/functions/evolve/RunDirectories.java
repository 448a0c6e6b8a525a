package dev.phylo.functions.evolve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a folder, by relative path: its bytes (as ISO-8859-1 text, one char per byte) or its mtime. */
final class RunDirectories {

    private RunDirectories() {}

    static Map<String, String> contents(Path dir) {
        Map<String, String> files = new TreeMap<>();
        for (Path file : files(dir)) {
            try {
                files.put(
                        dir.relativize(file).toString(),
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    static Map<String, FileTime> modified(Path dir) {
        Map<String, FileTime> times = new TreeMap<>();
        for (Path file : files(dir)) {
            try {
                times.put(dir.relativize(file).toString(), Files.getLastModifiedTime(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return times;
    }

    private static Iterable<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
