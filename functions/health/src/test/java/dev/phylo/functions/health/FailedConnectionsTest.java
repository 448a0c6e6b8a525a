package dev.phylo.functions.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.telemetry.Emf;
import dev.phylo.testkit.EfsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A database that refuses every connection: each attempt of each database check counts as a failed connection, the
 * pool holds nothing, and the EFS figures are still emitted. Retries are cut to one without delay to keep it fast.
 */
@QuarkusTest
@TestProfile(FailedConnectionsTest.OneRetry.class)
@QuarkusTestResource(value = FailedConnectionsTest.ClosedPort.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EfsResource.class)
class FailedConnectionsTest {

    private static final int RETRIES = 1;
    /** The checks that read the database through the store: schema, storage and database-size. */
    private static final int DATABASE_CHECKS = 3;

    public static class OneRetry implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String retry = "quarkus.fault-tolerance.\"dev.phylo.store.Database/transaction\".retry.";
            return Map.of(
                    retry + "max-retries", Integer.toString(RETRIES), retry + "delay", "0", retry + "jitter", "0");
        }
    }

    /** neon.database.url names a loopback port nothing listens on: it was bound, then closed. */
    public static class ClosedPort implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "neon.database.url", "postgresql://phylo:secret@127.0.0.1:" + port + "/phylo?sslmode=disable");
        }

        @Override
        public void stop() {
            // nothing was started
        }
    }

    @Test
    void everyRefusedAttemptIsAFailedConnection() {
        List<String> lines;
        Response response;
        try (Emf.Tap tap = Emf.tap()) {
            response = given().contentType(ContentType.JSON).body("{}").when().post();
            lines = tap.lines();
        }

        assertThat(response.statusCode()).as(response.asString()).isNotEqualTo(200);
        JsonNode pool = EmfLines.single(lines, "FailedConnections");
        assertThat(pool.path("FailedConnections").asInt()).isEqualTo(DATABASE_CHECKS * (1 + RETRIES));
        assertThat(pool.path("PoolActiveConnections").asInt()).isZero();
        assertThat(pool.path("PoolIdleConnections").asInt()).isZero();
        assertThat(EmfLines.single(lines, "EfsMountHealthy")
                        .path("EfsMountHealthy")
                        .asInt())
                .isEqualTo(1);
        assertThat(EmfLines.any(lines, "DatabaseSizeBytes"))
                .as("no size without a database")
                .isFalse();
    }
}
