package dev.phylo.cli.scripts;

import static dev.phylo.cli.scripts.Shells.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.cli.scripts.Shells.Run;
import dev.phylo.cli.scripts.Shells.Shell;
import dev.phylo.postgres.EmbeddedDatabase;
import dev.phylo.postgres.PostgresJdbc;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * validate-prerequisites.sh's database check with the real psql against a real server over verify-full TLS: the
 * password, with every character a .pgpass line or a URL treats specially, reaches libpq through the passfile the
 * script writes. A wrong password is refused, so the check cannot pass without it. Skipped when psql is not
 * installed.
 */
class ValidatePrerequisitesDatabaseTest {

    /** : and \ need escaping in .pgpass; @ / % and " in a URL. */
    private static final String PASSWORD = "pa:ss\\w@rd\"q%/x";
    /** PASSWORD percent-encoded by hand: %3A ':', %5C '\', %40 '@', %22 '"', %25 '%', %2F '/'. */
    private static final String ENCODED = "pa%3Ass%5Cw%40rd%22q%25%2Fx";

    private static EmbeddedDatabase server;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Shells.which("psql") != null, "psql is not installed: the real-server check needs it");
        server = EmbeddedDatabase.startWithTls(null);
        try (Connection c = PostgresJdbc.connect(server.url());
                Statement s = c.createStatement()) {
            s.execute("CREATE ROLE phylo_check LOGIN PASSWORD '" + PASSWORD + "'");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static Stream<Shell> shells() {
        return Shells.shells();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theRightPasswordConnectsOverVerifyFullTlsAndAWrongOneIsRefused(Shell shell, @TempDir Path dir)
            throws Exception {
        Run right = validate(shell, dir, ENCODED);
        assertThat(right.out())
                .contains("ok    connected to localhost with sslmode=verify-full: PostgreSQL ")
                .doesNotContain(ENCODED)
                .doesNotContain(PASSWORD);

        Run wrong = validate(shell, dir, "pa%3Ass");
        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.out())
                .contains("FAIL  Neon: ")
                .contains("password authentication failed for user \"phylo_check\"")
                .contains("fix: check the user and password in NEON_DATABASE_URL");
    }

    private static Run validate(Shell shell, Path dir, String encodedPassword) throws Exception {
        Path stubs = dir.resolve("stubs");
        Shells.installStubs(stubs.resolve("bin"), "aws"); // the AWS checks answer from the stub, offline
        String url = "postgresql://phylo_check:" + encodedPassword + "@localhost:" + server.port() + "/postgres";
        return Shells.run(
                shell,
                ROOT,
                Map.of(
                        "NEON_DATABASE_URL", url,
                        "PGSSLROOTCERT", server.caCertificatePem().toString(),
                        "STUB_DIR", stubs.toString()),
                Shells.pathWith(stubs.resolve("bin")),
                "scripts/validate-prerequisites.sh");
    }
}
