package dev.phylo.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.lambda.testfn.MiniRuntime;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionArtifactTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void picksTheNewestRunnerJarAndChecksItsManifestClassPath() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("evaluate/target"));
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("lib/dep.jar"), "not really a jar");
        Path stale = runnerJar(target.resolve("evaluate-0.1.0-SNAPSHOT-runner.jar"), "lib/dep.jar");
        Path fresh = runnerJar(target.resolve("evaluate-runner.jar"), "lib/dep.jar");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));

        FunctionArtifact artifact = FunctionArtifact.locate(tmp.resolve("evaluate"), false, tmp);

        assertThat(artifact).isEqualTo(new FunctionArtifact.Jvm(java.util.List.of(fresh), target));

        runnerJar(fresh, "lib/missing.jar");
        assertThatThrownBy(() -> FunctionArtifact.locate(tmp.resolve("evaluate"), false, tmp))
                .hasMessageContaining("lib/missing.jar")
                .hasMessageContaining("rebuild");
        assertThatThrownBy(() -> FunctionArtifact.locate(tmp.resolve("nothing"), true, tmp))
                .hasMessageContaining("No packaged function");
    }

    @Test
    void aNativeBootstrapInsideFunctionZipIsExtractedAndPollsTheApiDirectly() throws Exception {
        // A stand-in for a native image: a bootstrap script that runs a tiny hand-written runtime client.
        Path target = Files.createDirectories(tmp.resolve("ingest/target"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "#!/bin/sh\nexec '" + java + "' -cp '" + TestFunctions.testClasses() + "' "
                + MiniRuntime.class.getName() + "\n";
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target.resolve("function.zip")))) {
            zip.putNextEntry(new ZipEntry("bootstrap"));
            zip.write(script.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        runnerJar(target.resolve("ingest-runner.jar"));

        assertThat(FunctionArtifact.locate(tmp.resolve("ingest"), false, tmp.resolve("x")))
                .isInstanceOf(FunctionArtifact.Jvm.class);
        FunctionArtifact artifact = FunctionArtifact.locate(tmp.resolve("ingest"), true, tmp.resolve("x"));
        assertThat(artifact).isInstanceOfSatisfying(FunctionArtifact.Native.class, n -> {
            assertThat(n.bootstrap()).isEqualTo(tmp.resolve("x/ingest-native/bootstrap"));
            assertThat(Files.isExecutable(n.bootstrap())).isTrue();
        });

        FunctionConfig config = FunctionConfig.builder("ingest", artifact)
                .timeout(Duration.ofSeconds(10))
                .build();
        try (LocalFunction f = new LocalFunction(config, null, null)) {
            InvocationResult result = f.invoke("{\"k\":\"v\"}");
            assertThat(result).isInstanceOf(InvocationResult.Success.class);
            JsonNode body = JSON.readTree(((InvocationResult.Success) result).payload());
            assertThat(body.get("input").get("k").asText()).isEqualTo("v");
            assertThat(body.get("requestId").asText()).isEqualTo(result.requestId());
            assertThat(body.get("deadlineMs").asLong()).isGreaterThan(System.currentTimeMillis());
            assertThat(body.get("disableSignalHandlers").asText()).isEqualTo("true");
            assertThat(body.get("taskRoot").asText())
                    .isEqualTo(tmp.resolve("x/ingest-native").toString());
            assertThat(body.get("cwd").asText())
                    .isEqualTo(tmp.resolve("x/ingest-native").toString());
        }
    }

    private static Path runnerJar(Path jar, String... classPath) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath.length > 0) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
        }
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new ZipEntry("marker.txt"));
            j.closeEntry();
        }
        return jar;
    }
}
