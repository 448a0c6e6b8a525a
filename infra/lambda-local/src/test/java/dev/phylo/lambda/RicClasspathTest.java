package dev.phylo.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RicClasspathTest {

    @TempDir
    Path tmp;

    @Test
    void detectsTheRicAndItsDependenciesFromTheJarsThisJvmLoads() {
        RicClasspath ric = RicClasspath.detect();
        System.out.println("RIC classpath: " + ric.toClasspath());

        assertThat(ric.entries())
                .extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith("aws-lambda-java-runtime-interface-client-2.10.1"))
                .anyMatch(n -> n.startsWith("aws-lambda-java-core-"))
                .anyMatch(n -> n.startsWith("aws-lambda-java-serialization-"))
                .anyMatch(n -> n.startsWith("utils-lite-"))
                .noneMatch(n -> n.contains("jackson") || n.contains("junit"));
        assertThat(ric.entries()).allMatch(Files::isRegularFile);
    }

    @Test
    void extractsTheJniLibraryOnceToAStablePrivatePath() {
        RicClasspath ric = RicClasspath.detect();
        Path lib = ric.jniLibrary().orElseThrow();
        assertThat(lib.getFileName().toString())
                .startsWith("phylo-libaws-lambda-jni.linux")
                .endsWith(".so");
        assertThat(RicClasspath.detect().jniLibrary()).contains(lib);
        assertThat(ric.jvmOptions()).containsExactly("-D" + RicClasspath.JNI_PROPERTY + "=" + lib);
    }

    @Test
    void acceptsADirectoryOrAPathList() throws Exception {
        RicClasspath detected = RicClasspath.detect();
        Path dir = Files.createDirectories(tmp.resolve("ric"));
        for (Path jar : detected.entries()) {
            Files.copy(jar, dir.resolve(jar.getFileName()));
        }
        Files.writeString(dir.resolve("README.txt"), "not a jar");

        assertThat(RicClasspath.parse(dir.toString()).entries()).hasSameSizeAs(detected.entries());
        assertThat(RicClasspath.parse(detected.toClasspath()).entries()).isEqualTo(detected.entries());
        assertThatThrownBy(() -> RicClasspath.parse(tmp.resolve("nope.jar") + File.pathSeparator))
                .hasMessageContaining("does not exist");
    }
}
