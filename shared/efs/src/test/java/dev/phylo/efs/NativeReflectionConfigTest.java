package dev.phylo.efs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GraalVM's native-image reads META-INF/native-image/.../reflect-config.json from every jar: the file must register
 * exactly the types Jackson reads and writes here, or a native function fails at run time, not at build time.
 */
class NativeReflectionConfigTest {

    @Test
    void reflectConfigListsEveryJsonType() throws IOException {
        try (InputStream in =
                EfsJson.class.getResourceAsStream("/META-INF/native-image/dev.phylo/phylo-efs/reflect-config.json")) {
            assertThat(in).as("reflect-config.json on the classpath").isNotNull();
            List<String> registered = new ArrayList<>();
            for (JsonNode entry : new ObjectMapper().readTree(in)) {
                registered.add(entry.get("name").asText());
                assertThat(entry.get("allDeclaredConstructors").asBoolean()).isTrue();
                assertThat(entry.get("allDeclaredFields").asBoolean()).isTrue();
            }
            assertThat(registered)
                    .containsExactlyInAnyOrderElementsOf(
                            EfsJson.JSON_TYPES.stream().map(Class::getName).toList());
        }
    }
}
