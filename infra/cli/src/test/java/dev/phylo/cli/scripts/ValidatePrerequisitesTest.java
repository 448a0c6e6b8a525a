package dev.phylo.cli.scripts;

import static dev.phylo.cli.scripts.Shells.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.cli.run.SamTemplate;
import dev.phylo.cli.run.SamTemplates;
import dev.phylo.cli.scripts.Shells.Run;
import dev.phylo.cli.scripts.Shells.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * scripts/validate-prerequisites.sh on machines that lack the tools, against stub {@code aws} and {@code psql}
 * executables on PATH (the account's concurrency quota; how the database password reaches psql), under the bash on
 * PATH and, when {@value Shells#OLD_BASH_ENV} names one, an old bash. {@link ValidatePrerequisitesDatabaseTest}
 * runs the Neon check against a real server.
 */
class ValidatePrerequisitesTest {

    private static final String QUOTA_FIX = "aws service-quotas request-service-quota-increase --service-code lambda"
            + " --quota-code L-B99A9384 --desired-value ";

    static Stream<Shell> shells() {
        return Shells.shells();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void onAMachineWithoutTheToolsEachMissingOneFailsWithAFix(Shell shell, @TempDir Path bin) throws Exception {
        // a PATH holding only what the script itself runs on, plus java: no mvn, sam, aws, psql, docker
        for (String tool :
                List.of("bash", "sed", "awk", "head", "cut", "tr", "grep", "cat", "java", "dirname", "mktemp", "rm")) {
            Path real = Shells.which(tool);
            if (real != null) {
                Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
        Run run = Shells.run(shell, ROOT, Map.of(), bin.toString(), "scripts/validate-prerequisites.sh");

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        List<String> failures =
                run.out().lines().filter(l -> l.startsWith("  FAIL  ")).toList();
        assertThat(failures)
                .anyMatch(l -> l.contains("mvn not found"))
                .anyMatch(l -> l.contains("sam (AWS SAM CLI)"))
                .anyMatch(l -> l.contains("aws (AWS CLI v2) not found"))
                .anyMatch(l -> l.contains("account concurrency not checked"))
                .anyMatch(l -> l.contains("neither NEON_DATABASE_URL nor NEON_SECRET_ARN"));
        assertEveryFailureHasAFix(run.out());
        assertThat(run.out()).contains("ok    java");
    }

    /** The real template's reservations at their defaults, as the local runner evaluates them from the YAML. */
    private static int reservedByTheTemplate() {
        SamTemplate template = SamTemplates.read(ROOT.resolve("sam/template.yaml"));
        return template.functions().values().stream()
                .mapToInt(f -> f.reservedConcurrency().orElse(0))
                .sum();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void anAccountQuotaBelowTheStacksReservationsPlus100FailsWithTheQuotaRequestAndTheParameterThatAvoidsIt(
            Shell shell, @TempDir Path dir) throws Exception {
        int needed = reservedByTheTemplate() + 100;
        assertThat(needed).as("the template reserves something").isGreaterThan(100);

        Run small = validate(shell, dir, ROOT, Map.of("STUB_CONCURRENCY_LIMIT", "10"));

        assertThat(small.exit()).as(small.out()).isEqualTo(1);
        String failure = failure(small.out(), "account concurrency limit is 10 in eu-west-1");
        assertThat(failure)
                .contains("the stack reserves " + (needed - 100))
                .contains("Lambda keeps 100 unreserved")
                .contains("it needs " + needed);
        List<String> fixes = fixesAfter(small.out(), failure);
        assertThat(fixes).hasSize(2);
        assertThat(fixes.get(0)).contains(QUOTA_FIX + needed + " --region eu-west-1");
        assertThat(fixes.get(1))
                .contains("scripts/deploy.sh --parameter ReserveConcurrency=false")
                .contains("scripts/validate-prerequisites.sh --parameter ReserveConcurrency=false");
        assertEveryFailureHasAFix(small.out());

        // exactly enough passes; one less does not
        Run exact = validate(shell, dir, ROOT, Map.of("STUB_CONCURRENCY_LIMIT", String.valueOf(needed)));
        assertThat(exact.out())
                .contains("ok    account concurrency limit " + needed + " in eu-west-1 >= " + needed)
                .doesNotContain("FAIL  account concurrency");
        Run oneShort = validate(shell, dir, ROOT, Map.of("STUB_CONCURRENCY_LIMIT", String.valueOf(needed - 1)));
        assertThat(oneShort.out()).contains("FAIL  account concurrency limit is " + (needed - 1));

        Run large = validate(shell, dir, ROOT, Map.of("STUB_CONCURRENCY_LIMIT", "1000"));
        assertThat(large.out())
                .contains("ok    account concurrency limit 1000 in eu-west-1 >= " + needed)
                .doesNotContain("FAIL  account concurrency");
        assertThat(Files.readString(dir.resolve("stubs/calls")))
                .contains("aws lambda get-account-settings --query [AccountLimit.ConcurrentExecutions,"
                        + " AccountLimit.UnreservedConcurrentExecutions] --output text");

        Run withoutReservations = validate(
                shell, dir, ROOT, Map.of("STUB_CONCURRENCY_LIMIT", "10"), "--parameter", "ReserveConcurrency=false");
        assertThat(withoutReservations.out())
                .contains("ok    account concurrency limit 10 in eu-west-1; the stack reserves none")
                .doesNotContain("FAIL  account concurrency");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void theReservationsCountedAreTheTemplatesLiteralsAndIfsPlusEvaluateMaxConcurrency(Shell shell, @TempDir Path dir)
            throws Exception {
        // the fixture reserves 3 + 4 + 7 = 14 (its header says why); evaluate's !Ref is the parameter's
        Path root = dir.resolve("root");
        Files.createDirectories(root.resolve("scripts"));
        Files.createDirectories(root.resolve("sam"));
        Files.copy(
                ROOT.resolve("scripts/validate-prerequisites.sh"), root.resolve("scripts/validate-prerequisites.sh"));
        try (var in = getClass().getResourceAsStream("/scripts/template-reservations.yaml")) {
            Files.write(root.resolve("sam/template.yaml"), in.readAllBytes());
        }

        Run fixture = validate(shell, dir, root, Map.of("STUB_CONCURRENCY_LIMIT", "113"));
        assertThat(failure(fixture.out(), "account concurrency limit is 113"))
                .contains("the stack reserves 14")
                .contains("it needs 114");

        // EvaluateMaxConcurrency=50 reserves 50 more: 164 needed; with ReserveConcurrency=false only evaluate's 50
        Run capped = validate(
                shell,
                dir,
                root,
                Map.of("STUB_CONCURRENCY_LIMIT", "163"),
                "--parameter",
                "EvaluateMaxConcurrency=50",
                "--region",
                "us-east-2");
        String failure = failure(capped.out(), "account concurrency limit is 163 in us-east-2");
        assertThat(failure).contains("the stack reserves 64").contains("it needs 164");
        List<String> fixes = fixesAfter(capped.out(), failure);
        assertThat(fixes).hasSize(3);
        assertThat(fixes.get(0)).contains(QUOTA_FIX + "164 --region us-east-2");
        assertThat(fixes.get(2)).contains("lower EvaluateMaxConcurrency (now 50");

        Run evaluateOnly = validate(
                shell,
                dir,
                root,
                Map.of("STUB_CONCURRENCY_LIMIT", "149"),
                "--parameter",
                "ReserveConcurrency=false",
                "--parameter=EvaluateMaxConcurrency=050");
        String onlyEvaluate = failure(evaluateOnly.out(), "account concurrency limit is 149");
        assertThat(onlyEvaluate).contains("the stack reserves 50").contains("it needs 150");
        assertThat(fixesAfter(evaluateOnly.out(), onlyEvaluate))
                .hasSize(2)
                .noneMatch(f -> f.contains("ReserveConcurrency=false"));

        Run bad = validate(shell, dir, root, Map.of(), "--parameter", "EvaluateMaxConcurrency=many");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("EvaluateMaxConcurrency must be a whole number, not 'many'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void thePasswordReachesPsqlThroughAPrivatePassfileAndNeverItsCommandLine(Shell shell, @TempDir Path dir)
            throws Exception {
        // the password is pa:ss\w@rd"q (%3A ':', %5C '\', %40 '@', %22 '"'); the migrate URL's is m/ig (%2F '/')
        String url = "postgresql://phylo_app:pa%3Ass%5Cw%40rd%22q@ep-cool-bird-123456-pooler.eu-west-1.aws.neon.tech"
                + "/market?sslmode=require&options=endpoint%3Dep-cool-bird-123456";
        String migrateUrl = "postgresql://phylo_owner:m%2Fig@ep-cool-bird-123456.eu-west-1.aws.neon.tech/market";
        Run run = validate(
                shell,
                dir,
                ROOT,
                Map.of("NEON_DATABASE_URL", url, "NEON_MIGRATE_DATABASE_URL", migrateUrl, "PGPASSWORD", "stale"));

        String calls = Files.readString(dir.resolve("stubs/calls"));
        List<String> psql = calls.lines().filter(l -> l.startsWith("psql ")).toList();
        assertThat(psql).hasSize(4); // version and TimescaleDB, for each URL
        assertThat(psql.subList(0, 2))
                .allMatch(l -> l.startsWith("psql postgresql://phylo_app@ep-cool-bird-123456-pooler.eu-west-1.aws"
                        + ".neon.tech/market?options=endpoint%3Dep-cool-bird-123456 "));
        assertThat(psql.subList(2, 4))
                .allMatch(l -> l.startsWith(
                        "psql postgresql://phylo_owner@ep-cool-bird-123456.eu-west-1.aws.neon.tech/market "));
        assertThat(calls).doesNotContain("pa%3Ass").doesNotContain("pa:ss").doesNotContain("m%2Fig");
        assertThat(run.out())
                .contains(
                        "ok    connected to ep-cool-bird-123456-pooler.eu-west-1.aws.neon.tech with sslmode=verify-full")
                .contains("ok    connected to ep-cool-bird-123456.eu-west-1.aws.neon.tech with sslmode=verify-full")
                .doesNotContain("pa%3Ass")
                .doesNotContain("pa:ss");
        // .pgpass fields escape \ and : with a backslash; * matches any host, port, database and user
        Map<Integer, String> expected = new HashMap<>();
        expected.put(1, "*:*:*:*:pa\\:ss\\\\w@rd\"q\n");
        expected.put(2, expected.get(1));
        expected.put(3, "*:*:*:*:m/ig\n");
        expected.put(4, expected.get(3));
        for (var entry : expected.entrySet()) {
            Path stubs = dir.resolve("stubs");
            int n = entry.getKey();
            assertThat(Files.readString(stubs.resolve("pgpass-" + n))).isEqualTo(entry.getValue());
            assertThat(Files.readString(stubs.resolve("pgpass-" + n + ".mode")).trim())
                    .isEqualTo("-rw-------");
            assertThat(Path.of(Files.readString(stubs.resolve("pgpass-" + n + ".path"))
                            .trim()))
                    .as("passfile %s deleted on exit", n)
                    .doesNotExist();
        }
        assertThat(Files.readString(dir.resolve("stubs/pgpassword")).lines())
                .as("PGPASSWORD would win over the passfile, so psql must not see it")
                .containsOnly("PGPASSWORD=unset");
        try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
            assertThat(left).as("temp files left in TMPDIR").isEmpty();
        }
    }

    /** Runs the script in {@code root} with stub aws and psql first on PATH; STUB_DIR is dir/stubs. */
    private static Run validate(Shell shell, Path dir, Path root, Map<String, String> env, String... args)
            throws Exception {
        Path stubs = dir.resolve("stubs");
        if (!Files.exists(stubs.resolve("bin"))) {
            Shells.installStubs(stubs.resolve("bin"), "aws", "psql");
        }
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Map<String, String> all = new HashMap<>(env);
        all.put("STUB_DIR", stubs.toString());
        all.put("TMPDIR", tmp.toString());
        all.putIfAbsent("NEON_SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:phylo-neon");
        return Shells.run(
                shell,
                root,
                all,
                Shells.pathWith(stubs.resolve("bin")),
                root.resolve("scripts/validate-prerequisites.sh").toString(),
                args);
    }

    private static String failure(String out, String contains) {
        return out.lines()
                .filter(l -> l.startsWith("  FAIL  ") && l.contains(contains))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no FAIL line with '" + contains + "' in:\n" + out));
    }

    private static List<String> fixesAfter(String out, String failure) {
        List<String> lines = out.lines().toList();
        return lines.subList(lines.indexOf(failure) + 1, lines.size()).stream()
                .takeWhile(l -> l.startsWith("        fix: "))
                .toList();
    }

    private static void assertEveryFailureHasAFix(String out) {
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  FAIL  ")) {
                assertThat(i + 1 < lines.size() && lines.get(i + 1).startsWith("        fix: "))
                        .as("a fix follows '%s'", lines.get(i))
                        .isTrue();
            }
        }
    }
}
