package dev.phylo.lambda.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeakMemoryTest {

    @TempDir
    Path tmp;

    @Test
    void readsVmHwmInMegabytesRoundedUp() throws IOException {
        Path status = Files.writeString(
                tmp.resolve("status"), "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  524289 kB\nVmRSS:\t  1000 kB\n");

        // 524,289 kB is 512 MiB and 1 kB
        assertThat(PeakMemory.ofStatus(status)).contains(513L);
    }

    @Test
    void withoutTheFileOrTheLineThereIsNoFigure() throws IOException {
        assertThat(PeakMemory.ofStatus(tmp.resolve("missing"))).isEmpty();
        assertThat(PeakMemory.ofStatus(Files.writeString(tmp.resolve("other"), "Name:\tjava\n")))
                .isEmpty();
    }
}
