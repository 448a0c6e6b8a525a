package dev.phylo.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The defaults this jar gives every function that uses the database. */
class StoreConfigDefaultsTest {

    @Test
    void aNativeImageCarriesTheBundledRootCertificates() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in =
                getClass().getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            assertThat(in)
                    .as("phylo-store's META-INF/microprofile-config.properties")
                    .isNotNull();
            defaults.load(in);
        }

        assertThat(Arrays.asList(defaults.getProperty("quarkus.native.resources.includes", "")
                        .split(",")))
                .contains(NeonSettings.BUNDLED_ROOT_CERT);
        assertThat(getClass().getClassLoader().getResource(NeonSettings.BUNDLED_ROOT_CERT))
                .isNotNull();
        assertThat(defaults).containsEntry("quarkus.datasource.db-kind", "postgresql");
    }
}
