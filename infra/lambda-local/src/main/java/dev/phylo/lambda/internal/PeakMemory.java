package dev.phylo.lambda.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A process's peak resident memory, from Linux's {@code /proc/<pid>/status}. */
public final class PeakMemory {

    private PeakMemory() {}

    /** {@code VmHWM} of process {@code pid} in whole megabytes (MiB, rounded up); empty without {@code /proc}. */
    public static Optional<Long> ofProcess(long pid) {
        return ofStatus(Path.of("/proc", Long.toString(pid), "status"));
    }

    static Optional<Long> ofStatus(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
                    if (parts.length == 2 && parts[1].equals("kB")) {
                        return Optional.of((Long.parseLong(parts[0]) + 1023) / 1024);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            // the process may have exited, or this is not Linux: the REPORT line then goes without its peak
            return Optional.empty();
        }
    }
}
