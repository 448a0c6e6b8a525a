package dev.phylo.lambda;

import dev.phylo.lambda.testfn.TestHandler;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Configurations that run {@link TestHandler} (or another test handler) through the real RIC. */
final class TestFunctions {

    private TestFunctions() {}

    static Path testClasses() {
        try {
            return Path.of(TestHandler.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static FunctionArtifact.Jvm artifact() {
        Path classes = testClasses();
        return FunctionArtifact.classpath(classes, List.of(classes));
    }

    static FunctionConfig.Builder echo(String name) {
        return FunctionConfig.builder(name, artifact())
                .handler(TestHandler.class.getName() + "::handleRequest")
                .memoryMb(256)
                .timeout(Duration.ofSeconds(10))
                .startupTimeout(Duration.ofSeconds(60));
    }

    static RicClasspath ric() {
        return RicClasspath.detect();
    }
}
