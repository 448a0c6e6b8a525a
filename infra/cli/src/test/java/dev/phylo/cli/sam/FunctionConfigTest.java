package dev.phylo.cli.sam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Function configuration has one home per key: what every function shares sits in phylo-function's (and, for the
 * database, phylo-store's) META-INF/microprofile-config.properties; a function's application.properties holds only
 * what is its own.
 */
class FunctionConfigTest {

    private static final Path ROOT =
            Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Path SHARED_DEFAULTS =
            ROOT.resolve("shared/function/src/main/resources/META-INF/microprofile-config.properties");
    private static final Path STORE_DEFAULTS =
            ROOT.resolve("shared/store/src/main/resources/META-INF/microprofile-config.properties");

    @Test
    void noFunctionRepeatsASharedDefaultOrAnotherFunctionsKey() throws IOException {
        Properties shared = load(SHARED_DEFAULTS);
        Properties store = load(STORE_DEFAULTS);
        assertThat(shared)
                .containsKeys("quarkus.banner.enabled", "quarkus.lambda.mock-event-server.test-port", "phylo.efs.root");
        assertThat(store).containsKeys("quarkus.datasource.db-kind", "quarkus.datasource.devservices.enabled");

        Map<String, List<String>> owners = new TreeMap<>();
        List<Path> files = functionProperties();
        assertThat(files).hasSize(7);
        for (Path file : files) {
            String function =
                    ROOT.resolve("functions").relativize(file).getName(0).toString();
            for (String key : load(file).stringPropertyNames()) {
                assertThat(shared)
                        .as("%s repeats phylo-function's default %s", file, key)
                        .doesNotContainKey(key);
                assertThat(store)
                        .as("%s repeats phylo-store's default %s", file, key)
                        .doesNotContainKey(key);
                owners.computeIfAbsent(key, k -> new ArrayList<>()).add(function);
            }
        }
        owners.remove("quarkus.funqy.export"); // each function's own value
        // a function that set its own build arguments would drop the shared run-time initialisation of RandomRegistry
        assertThat(owners).doesNotContainKey("quarkus.native.additional-build-args");
        assertThat(shared.getProperty("quarkus.native.additional-build-args"))
                .contains("--initialize-at-run-time=io.jenetics.util.RandomRegistry");
        owners.forEach((key, functions) ->
                assertThat(functions).as("%s is set by %s", key, functions).hasSize(1));
    }

    private static List<Path> functionProperties() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT.resolve("functions"))) {
            return modules.map(m -> m.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        return p;
    }
}
