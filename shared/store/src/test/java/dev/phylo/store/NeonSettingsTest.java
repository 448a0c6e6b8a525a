package dev.phylo.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NeonSettingsTest {

    private static final String SECRET = "s3cr3t-Pa55word";

    @Test
    void aNeonUrlGetsVerifyFullHostnameVerificationAndTheBundledRoots() {
        NeonSettings s = NeonSettings.fromUrl(
                "postgresql://alex:" + SECRET + "@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb", 2);

        Map<String, String> p = s.quarkusProperties();
        assertThat(p)
                .containsEntry(
                        "quarkus.datasource.reactive.url",
                        "postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech:5432/neondb")
                .containsEntry("quarkus.datasource.username", "alex")
                .containsEntry("quarkus.datasource.password", SECRET)
                .containsEntry("quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full")
                .containsEntry("quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS")
                .containsEntry(
                        "quarkus.datasource.reactive.trust-certificate-pem.certs", NeonSettings.BUNDLED_ROOT_CERT)
                .containsEntry("quarkus.datasource.reactive.max-size", "2")
                .doesNotContainKey("quarkus.datasource.reactive.postgresql.use-layer7-proxy");
        assertThat(NeonSettings.class.getClassLoader().getResource(NeonSettings.BUNDLED_ROOT_CERT))
                .isNotNull();
    }

    @Test
    void aPoolerHostSwitchesOnLayer7ProxyAndOffPreparedStatementCaching() {
        Map<String, String> p = NeonSettings.fromUrl(
                        "postgresql://alex:" + SECRET
                                + "@ep-cool-darkness-123456-pooler.us-east-2.aws.neon.tech/neondb?sslmode=verify-full",
                        2)
                .quarkusProperties();

        assertThat(p)
                .containsEntry("quarkus.datasource.reactive.postgresql.use-layer7-proxy", "true")
                .containsEntry("quarkus.datasource.reactive.cache-prepared-statements", "false");
    }

    @Test
    void phyloDbPoolerMarksAnyHostAsATransactionPoolerAndTheJdbcUrlPreparesNothing() {
        NeonSettings own = NeonSettings.fromUrl("postgresql://alex:" + SECRET + "@localhost:6432/phylo", 2);
        NeonSettings pooled = own.withPooler("transaction");

        assertThat(own.pooler()).isFalse();
        assertThat(own.withPooler("auto")).isEqualTo(own);
        assertThat(own.withPooler(null)).isEqualTo(own);
        assertThat(pooled.pooler()).isTrue();
        assertThat(pooled.quarkusProperties())
                .containsEntry("quarkus.datasource.reactive.postgresql.use-layer7-proxy", "true")
                .containsEntry("quarkus.datasource.reactive.cache-prepared-statements", "false");
        assertThat(pooled.jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:6432/phylo?sslmode=disable&prepareThreshold=0");
        assertThat(own.jdbcUrl()).doesNotContain("prepareThreshold");
        assertThatThrownBy(() -> own.withPooler("session"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PHYLO_DB_POOLER");
    }

    @Test
    void neonsEndpointOptionPassesThroughAndSslRootCertBecomesTheTrustFile() {
        Map<String, String> p = NeonSettings.fromUrl(
                        "postgresql://alex:" + SECRET
                                + "@db.internal:6432/neondb?sslmode=verify-full&sslrootcert=/etc/ssl/neon.pem"
                                + "&options=endpoint%3Dep-cool-darkness-123456",
                        2)
                .quarkusProperties();

        assertThat(p.get("quarkus.datasource.reactive.url"))
                .isEqualTo("postgresql://db.internal:6432/neondb?options=endpoint%3Dep-cool-darkness-123456");
        assertThat(p).containsEntry("quarkus.datasource.reactive.trust-certificate-pem.certs", "/etc/ssl/neon.pem");
    }

    @Test
    void loopbackDefaultsToNoTlsAndThePasswordNeverShowsInText() {
        NeonSettings s = NeonSettings.fromUrl("postgresql://postgres:" + SECRET + "@localhost:5433/phylo", 2);

        assertThat(s.sslMode()).isEqualTo("disable");
        assertThat(s.toString()).doesNotContain(SECRET).contains("localhost");
        assertThatThrownBy(() -> NeonSettings.fromUrl("postgresql://u:" + SECRET + "@h/db?sslmode=sometimes", 2))
                .hasMessageContaining("sometimes")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> NeonSettings.fromUrl("mysql://u:" + SECRET + "@h/db", 2))
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void theMigrateStepsJdbcUrlIsTheSameTargetWithTheSameTls() {
        NeonSettings neon = NeonSettings.fromUrl(
                "postgresql://alex:" + SECRET
                        + "@ep-cool-darkness-123456.us-east-2.aws.neon.tech/neondb?options=endpoint%3Dep-cool",
                2);
        NeonSettings ownRoot = NeonSettings.fromUrl(
                "postgresql://alex:" + SECRET
                        + "@db.internal:6432/neondb?sslmode=verify-ca&sslrootcert=/etc/ssl/neon.pem",
                2);
        NeonSettings local = NeonSettings.fromUrl("postgresql://postgres:" + SECRET + "@localhost:5433/phylo", 2);

        // pgJDBC cannot read the bundled PEM from the classpath: the JVM trust store holds ISRG Root X1
        assertThat(neon.jdbcUrl())
                .isEqualTo("jdbc:postgresql://ep-cool-darkness-123456.us-east-2.aws.neon.tech:5432"
                        + "/neondb?options=endpoint%3Dep-cool&sslmode=verify-full"
                        + "&sslfactory=org.postgresql.ssl.DefaultJavaSSLFactory");
        assertThat(ownRoot.jdbcUrl())
                .isEqualTo("jdbc:postgresql://db.internal:6432/neondb?sslmode=verify-ca"
                        + "&sslrootcert=/etc/ssl/neon.pem");
        assertThat(local.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5433/phylo?sslmode=disable");
        assertThat(neon.quarkusProperties()).containsEntry(NeonSettings.JDBC_URL_PROPERTY, neon.jdbcUrl());
        assertThat(neon.jdbcUrl() + ownRoot.jdbcUrl() + local.jdbcUrl())
                .doesNotContain(SECRET)
                .doesNotContain("alex");
    }
}
