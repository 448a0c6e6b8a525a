package dev.phylo.functions.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.telemetry.Emf;
import dev.phylo.testkit.EfsResource;
import dev.phylo.testkit.PostgresResource;
import dev.phylo.testkit.TestDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A health invocation emits what it saw of the storage, each figure checked against an outside measurement taken
 * before and after: the database's size from the server itself, the folder's file system from coreutils' {@code stat}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(EfsResource.class)
class StorageMetricsTest {

    /** Other processes on this machine write too: the file system may change this much between the readings. */
    private static final long FILE_SYSTEM_SLACK = 64L << 20;

    @Test
    void emitsTheDatabaseSizeTheFolderUsageAndAHealthyMount() throws Exception {
        long sizeBefore = databaseSize();
        long usedBefore = statUsedBytes(EfsResource.root());
        List<String> lines;
        try (Emf.Tap tap = Emf.tap()) {
            given().contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .post()
                    .then()
                    .statusCode(200);
            lines = tap.lines();
        }
        long sizeAfter = databaseSize();
        long usedAfter = statUsedBytes(EfsResource.root());

        JsonNode size = EmfLines.single(lines, "DatabaseSizeBytes");
        assertThat(EmfLines.unit(size, "DatabaseSizeBytes")).isEqualTo("Bytes");
        assertThat(size.path("DatabaseSizeBytes").asLong()).isBetween(sizeBefore, sizeAfter);

        JsonNode efs = EmfLines.single(lines, "EfsMountHealthy");
        assertThat(efs.path("EfsMountHealthy").asInt()).isEqualTo(1);
        assertThat(EmfLines.unit(efs, "EfsMountHealthy")).isEqualTo("None");
        assertThat(EmfLines.unit(efs, "EfsStorageUsedBytes")).isEqualTo("Bytes");
        assertThat(efs.path("EfsStorageUsedBytes").asLong())
                .isBetween(
                        Math.min(usedBefore, usedAfter) - FILE_SYSTEM_SLACK,
                        Math.max(usedBefore, usedAfter) + FILE_SYSTEM_SLACK);

        // three checks read the database at once, each on its own connection, through a pool of max-size
        JsonNode pool = EmfLines.single(lines, "PoolActiveConnections");
        int maxSize = ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.max-size", Integer.class);
        assertThat(pool.path("PoolActiveConnections").asInt()).isBetween(1, maxSize);
        assertThat(pool.path("FailedConnections").asInt()).isZero();
        for (JsonNode line : List.of(size, efs, pool)) {
            assertThat(line.path("FunctionName").asText()).isEqualTo("local");
        }
    }

    private static long databaseSize() {
        return (Long) TestDatabase.query("SELECT pg_database_size(current_database()) AS bytes")
                .get(0)
                .get("bytes");
    }

    /** (total blocks - free blocks) × fundamental block size, as {@code stat -f} reads them from statfs. */
    private static long statUsedBytes(Path path) throws IOException, InterruptedException {
        Process stat = new ProcessBuilder("stat", "-f", "-c", "%b %f %S", path.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(stat.waitFor()).as(out).isZero();
        String[] f = out.split(" ");
        return (Long.parseLong(f[0]) - Long.parseLong(f[1])) * Long.parseLong(f[2]);
    }
}
