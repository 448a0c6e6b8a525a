package dev.phylo.cli.scripts;

import static dev.phylo.cli.scripts.Shells.ROOT;
import static dev.phylo.cli.scripts.Shells.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.cli.scripts.Shells.Run;
import dev.phylo.cli.scripts.Shells.Shell;
import dev.phylo.store.internal.NeonSecret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * scripts/deploy.sh as a user runs it: the deploy plan ({@code --dry-run}, which runs nothing), its refusals, and a
 * whole deploy against stub {@code aws} and {@code sam} executables on PATH that record every call and the secret
 * files they were handed. Every case runs under the bash on PATH and, when {@value Shells#OLD_BASH_ENV} names one,
 * under an old bash (macOS ships 3.2).
 */
class DeployScriptsTest {

    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:phylo-neon";
    private static final String STUB_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:";

    /** The pooler URL: a password with : \ @ and " (percent-encoded), a port, sslmode, options and channel_binding. */
    private static final String URL = "postgresql://phylo_app:pa%3Ass%5Cw%40rd%22q"
            + "@ep-cool-bird-123456-pooler.eu-west-1.aws.neon.tech:5433/market"
            + "?sslmode=verify-full&options=endpoint%3Dep-cool-bird-123456&channel_binding=require";
    /** URL's password, decoded by hand: %3A is ':', %5C '\', %40 '@', %22 '"'. */
    private static final String PASSWORD = "pa:ss\\w@rd\"q";
    /** The direct-host URL for migrations: a password with / and % (percent-encoded); no port, so 5432. */
    private static final String MIGRATE_URL = "postgresql://phylo_owner:0wn%2Fer%25pw"
            + "@ep-cool-bird-123456.eu-west-1.aws.neon.tech/market?sslmode=verify-full";

    private static final String MIGRATE_PASSWORD = "0wn/er%pw";

    static Stream<Shell> shells() {
        return Shells.shells();
    }

    private static Run deploy(Shell shell, Map<String, String> env, String... args) throws Exception {
        return Shells.run(shell, ROOT, env, null, "scripts/deploy.sh", args);
    }

    /** The function modules functions/pom.xml builds, each as functions/NAME. */
    private static List<String> functionModules() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList modules = ((Element) factory.newDocumentBuilder()
                        .parse(ROOT.resolve("functions/pom.xml").toFile())
                        .getDocumentElement()
                        .getElementsByTagName("modules")
                        .item(0))
                .getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add("functions/" + modules.item(i).getTextContent().trim());
        }
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void dryRunPlansTheBuildOfEveryFunctionTheDeployTheMigrationAndTheSmokeCheckInThatOrder(Shell shell)
            throws Exception {
        Run run = deploy(
                shell,
                Map.of("NEON_SECRET_ARN", SECRET),
                "--dry-run",
                "--packaging",
                "jvm",
                "--stack-name",
                "phylo-test",
                "--region",
                "eu-west-1");

        assertThat(run.exit()).as(run.out()).isZero();
        String build = line(run.out(), "+ mvn ");
        for (String module : functionModules()) {
            assertThat(build).as("builds %s", module).contains(module);
        }
        assertThat(build).contains("package").contains("-DskipTests").doesNotContain("-Pnative");
        String deploy = line(run.out(), "+ sam deploy ");
        assertThat(deploy)
                .contains("--template-file " + ROOT.resolve("sam/template.yaml"))
                .contains("--stack-name phylo-test")
                .contains("Packaging=jvm")
                .contains("NeonSecretArn=" + SECRET)
                .contains("CAPABILITY_IAM")
                .contains("--region eu-west-1")
                .contains("--no-confirm-changeset")
                .doesNotContain("--guided")
                .doesNotContain("NeonMigrateSecretArn");
        assertThat(run.out()).doesNotContain("+ aws secretsmanager");
        int deployAt = run.out().indexOf("+ sam deploy ");
        int migrateAt = run.out().indexOf("MigrateFunctionName");
        int healthAt = run.out().indexOf("HealthFunctionName");
        assertThat(deployAt).isPositive().isLessThan(migrateAt);
        assertThat(migrateAt).isLessThan(healthAt);
        assertThat(run.out())
                .contains("aws lambda invoke")
                .contains("--cli-read-timeout 310")
                .contains("(fails the deploy if the answer has a FunctionError)")
                .contains("dry run: nothing was built or deployed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void nativePackagingWithoutARegionBuildsWithTheNativeProfileAndTellsTheTemplate(Shell shell) throws Exception {
        // no --region and no AWS_REGION: the region arguments are an empty array (bash < 4.4 trips on that)
        Run run = deploy(shell, Map.of("NEON_SECRET_ARN", SECRET), "--dry-run", "--packaging", "native");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(line(run.out(), "+ mvn ")).contains("-Pnative");
        assertThat(line(run.out(), "+ sam deploy "))
                .contains("Packaging=native")
                .doesNotContain("--region");
        assertThat(run.out()).doesNotContain("--region").contains("dry run: nothing was built or deployed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void nativeImagesAreBuiltForTheArchitectureTheTemplateIsToldAndOnlyForLambdasArchitectures(Shell shell)
            throws Exception {
        // an Apple Silicon Mac's Docker runs arm64 containers unless told otherwise: the default is x86_64, explicitly
        Run byDefault = deploy(shell, Map.of("NEON_SECRET_ARN", SECRET), "--dry-run", "--packaging", "native");
        assertThat(byDefault.exit()).as(byDefault.out()).isZero();
        assertThat(line(byDefault.out(), "+ mvn "))
                .contains("-Dquarkus.native.container-build=true")
                .contains("-Dquarkus.native.container-runtime-options=--platform=linux/amd64");
        assertThat(line(byDefault.out(), "+ sam deploy ")).contains("Packaging=native Architecture=x86_64");

        Run arm = deploy(
                shell, Map.of("NEON_SECRET_ARN", SECRET), "--dry-run", "--packaging", "native", "--architecture=arm64");
        assertThat(arm.exit()).as(arm.out()).isZero();
        assertThat(line(arm.out(), "+ mvn ")).contains("--platform=linux/arm64").doesNotContain("linux/amd64");
        assertThat(line(arm.out(), "+ sam deploy "))
                .contains("Architecture=arm64")
                .doesNotContain("x86_64");

        // JVM artifacts run on either CPU: no platform, but the template still learns the architecture
        Run jvm = deploy(
                shell, Map.of("NEON_SECRET_ARN", SECRET), "--dry-run", "--packaging", "jvm", "--architecture", "arm64");
        assertThat(jvm.exit()).as(jvm.out()).isZero();
        assertThat(line(jvm.out(), "+ mvn ")).doesNotContain("--platform");
        assertThat(line(jvm.out(), "+ sam deploy ")).contains("Architecture=arm64");

        Run bad = deploy(shell, Map.of("NEON_SECRET_ARN", SECRET), "--dry-run", "--architecture", "aarch64");
        assertThat(bad.exit()).isEqualTo(1);
        assertThat(bad.out())
                .contains("--architecture must be x86_64 or arm64 (Lambda's names), not 'aarch64'")
                .doesNotContain("+ mvn");
        Run asParameter =
                deploy(shell, Map.of("NEON_SECRET_ARN", SECRET), "--dry-run", "--parameter", "Architecture=arm64");
        assertThat(asParameter.exit()).isEqualTo(1);
        assertThat(asParameter.out()).contains("--parameter Architecture is set by deploy.sh itself");
    }

    @Test
    void samconfigGrantsTheCapabilitiesTheTemplatesTransformsNeed() throws Exception {
        // `cd sam && sam deploy` reads the capabilities from samconfig.toml; AWS::LanguageExtensions (Fn::ForEach)
        // needs CAPABILITY_AUTO_EXPAND, or CloudFormation refuses the change set
        String template = Files.readString(ROOT.resolve("sam/template.yaml"));
        String samconfig = Files.readString(ROOT.resolve("sam/samconfig.toml"));
        assertThat(template).contains("AWS::LanguageExtensions");
        assertThat(samconfig).containsPattern("(?m)^capabilities = \"[^\"]*CAPABILITY_AUTO_EXPAND[^\"]*\"$");
        assertThat(samconfig).containsPattern("(?m)^capabilities = \"[^\"]*CAPABILITY_IAM[^\"]*\"$");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void onlyAGuidedDeployConfirmsTheChangeSetAndExtraArgumentsAndParametersReachSam(Shell shell) throws Exception {
        Run guided = deploy(
                shell,
                Map.of("NEON_SECRET_ARN", SECRET),
                "--dry-run",
                "--packaging",
                "jvm",
                "--guided",
                "--parameter",
                "ReserveConcurrency=false",
                "--",
                "--no-execute-changeset");

        assertThat(guided.exit()).as(guided.out()).isZero();
        String deploy = line(guided.out(), "+ sam deploy ");
        assertThat(deploy)
                .contains("--guided --confirm-changeset")
                .doesNotContain("--no-confirm-changeset")
                .endsWith("--no-execute-changeset");
        assertThat(deploy.substring(deploy.indexOf("--parameter-overrides")))
                .startsWith("--parameter-overrides Packaging=jvm Architecture=x86_64 NeonSecretArn=" + SECRET
                        + " ReserveConcurrency=false");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aDatabaseUrlIsPlannedAsASecretAndNeitherItNorItsPasswordReachesTheOutput(Shell shell) throws Exception {
        Run run = deploy(
                shell,
                Map.of("NEON_DATABASE_URL", URL),
                "--dry-run",
                "--packaging",
                "jvm",
                "--stack-name",
                "phylo-test");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out())
                .doesNotContain(PASSWORD)
                .doesNotContain("pa%3Ass")
                .doesNotContain("NeonDatabaseUrl")
                .contains("host ep-cool-bird-123456-pooler.eu-west-1.aws.neon.tech, port 5433, dbname market,"
                        + " username phylo_app, password (not shown), sslmode verify-full,"
                        + " options endpoint=ep-cool-bird-123456")
                .contains("left out: channel_binding")
                .contains("+ aws secretsmanager describe-secret --secret-id phylo-test/neon")
                .contains("+ aws secretsmanager put-secret-value --secret-id phylo-test/neon")
                .contains("+ aws secretsmanager create-secret --name phylo-test/neon")
                .contains("--secret-string file://")
                // the pooler host, and no migrate setting: the note names the direct host
                .contains(
                        "NEON_MIGRATE_DATABASE_URL to the same URL with host ep-cool-bird-123456.eu-west-1.aws.neon.tech");
        assertThat(line(run.out(), "+ sam deploy ")).contains("NeonSecretArn=\\<ARN\\ of\\ phylo-test/neon\\>");

        // no database in the path and no port: dbname is the user's name, the port 5432 (as libpq reads it)
        Run bare = deploy(
                shell, Map.of("NEON_DATABASE_URL", "postgres://alice:pw@db.example.org"), "--dry-run", "--skip-build");
        assertThat(bare.exit()).as(bare.out()).isZero();
        assertThat(bare.out()).contains("host db.example.org, port 5432, dbname alice, username alice,");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aDeployFromDatabaseUrlsStoresTheSecretsTheFunctionsReadThroughPrivateFilesAndDeploysTheirArns(
            Shell shell, @TempDir Path dir) throws Exception {
        Path root = fakeRoot(dir, true);
        Path stubs = dir.resolve("stubs");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Shells.installStubs(stubs.resolve("bin"), "aws", "sam");
        Map<String, String> env = new HashMap<>();
        env.put("NEON_DATABASE_URL", URL);
        env.put("NEON_MIGRATE_DATABASE_URL", MIGRATE_URL);
        env.put("STUB_DIR", stubs.toString());
        env.put("STUB_SECRETS", "phylo-test/neon-migrate"); // exists: updated; phylo-test/neon does not: created
        env.put("TMPDIR", tmp.toString());

        Run run = Shells.run(
                shell,
                root,
                env,
                Shells.pathWith(stubs.resolve("bin")),
                "scripts/deploy.sh",
                "--packaging",
                "jvm",
                "--skip-build",
                "--stack-name",
                "phylo-test",
                "--parameter",
                "ReserveConcurrency=false");

        assertThat(run.exit()).as(run.out()).isZero();
        String calls = Files.readString(stubs.resolve("calls"));
        for (String text : List.of(run.out(), calls)) {
            assertThat(text)
                    .doesNotContain(PASSWORD)
                    .doesNotContain(MIGRATE_PASSWORD)
                    .doesNotContain("pa%3Ass")
                    .doesNotContain("0wn%2Fer");
        }
        String mainArn = STUB_ARN + "phylo-test/neon-AbCdEf";
        String migrateArn = STUB_ARN + "phylo-test/neon-migrate-AbCdEf";
        assertThat(run.out()).contains("created " + mainArn).contains("updated " + migrateArn);
        List<String> lines = calls.lines().toList();
        String sam = lines.stream()
                .filter(l -> l.startsWith("sam deploy "))
                .findFirst()
                .orElseThrow();
        assertThat(sam)
                .contains("--parameter-overrides Packaging=jvm Architecture=x86_64 NeonSecretArn=" + mainArn
                        + " NeonMigrateSecretArn=" + migrateArn + " ReserveConcurrency=false")
                .contains("--no-confirm-changeset");
        int createAt = indexOf(lines, "aws secretsmanager create-secret --name phylo-test/neon ");
        int putAt = indexOf(lines, "aws secretsmanager put-secret-value --secret-id phylo-test/neon-migrate ");
        int samAt = lines.indexOf(sam);
        int migrateAt = indexOf(lines, "aws lambda invoke --function-name phylo-stub-MigrateFunction ");
        int healthAt = indexOf(lines, "aws lambda invoke --function-name phylo-stub-HealthFunction ");
        assertThat(List.of(createAt, putAt, samAt, migrateAt, healthAt)).isSorted();

        // what the functions read: NeonSecret, the functions' own parser, takes both secrets as written
        JsonNode main = secret(stubs, 1, "phylo-test/neon");
        assertThat(fieldNames(main))
                .containsExactlyInAnyOrder("host", "port", "dbname", "username", "password", "sslmode", "options");
        assertThat(main.get("port").isInt())
                .as("port is a JSON number: %s", main)
                .isTrue();
        NeonSecret read = NeonSecret.parse(mainArn, main.toString());
        assertThat(read)
                .isEqualTo(new NeonSecret(
                        "ep-cool-bird-123456-pooler.eu-west-1.aws.neon.tech",
                        5433,
                        "market",
                        "phylo_app",
                        PASSWORD,
                        "verify-full",
                        "endpoint=ep-cool-bird-123456"));
        JsonNode migrate = secret(stubs, 2, "phylo-test/neon-migrate");
        assertThat(NeonSecret.parse(migrateArn, migrate.toString()))
                .isEqualTo(new NeonSecret(
                        "ep-cool-bird-123456.eu-west-1.aws.neon.tech",
                        5432,
                        "market",
                        "phylo_owner",
                        MIGRATE_PASSWORD,
                        "verify-full",
                        null));

        for (int n = 1; n <= 2; n++) {
            assertThat(Files.readString(stubs.resolve("secret-" + n + ".mode")).trim())
                    .as("secret file %s is readable by its owner only", n)
                    .isEqualTo("-rw-------");
            Path file = Path.of(
                    Files.readString(stubs.resolve("secret-" + n + ".path")).trim());
            assertThat(file).as("secret file %s is deleted", n).doesNotExist();
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("temp files left in TMPDIR").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aSecretScheduledForDeletionStopsTheDeployBeforeSamWithTheRestoreCommand(Shell shell, @TempDir Path dir)
            throws Exception {
        Path root = fakeRoot(dir, true);
        Path stubs = dir.resolve("stubs");
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Shells.installStubs(stubs.resolve("bin"), "aws", "sam");
        Run run = Shells.run(
                shell,
                root,
                Map.of(
                        "NEON_DATABASE_URL",
                        URL,
                        "STUB_DIR",
                        stubs.toString(),
                        "STUB_SECRETS_DELETED",
                        "phylo/neon",
                        "TMPDIR",
                        tmp.toString()),
                Shells.pathWith(stubs.resolve("bin")),
                "scripts/deploy.sh",
                "--packaging",
                "jvm",
                "--skip-build");

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        assertThat(run.out())
                .contains("secret phylo/neon is scheduled for deletion")
                .contains("aws secretsmanager restore-secret --secret-id phylo/neon")
                .doesNotContain(PASSWORD);
        String calls = Files.readString(stubs.resolve("calls"));
        assertThat(calls)
                .doesNotContain("sam deploy")
                .doesNotContain("put-secret-value")
                .doesNotContain("create-secret");
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("temp files left in TMPDIR").isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void aMigrateSecretArnIsPassedAsIsAndOnlyToATemplateThatDeclaresIt(Shell shell, @TempDir Path dir)
            throws Exception {
        String migrateSecret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:phylo-neon-direct";
        Run run = deploy(
                shell,
                Map.of("NEON_SECRET_ARN", SECRET, "NEON_MIGRATE_SECRET_ARN", migrateSecret),
                "--dry-run",
                "--packaging",
                "jvm");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(line(run.out(), "+ sam deploy "))
                .contains("NeonSecretArn=" + SECRET + " NeonMigrateSecretArn=" + migrateSecret);
        assertThat(run.out()).doesNotContain("+ aws secretsmanager");

        Path old = fakeRoot(dir, false);
        Run refused = Shells.run(
                shell,
                old,
                Map.of("NEON_SECRET_ARN", SECRET, "NEON_MIGRATE_SECRET_ARN", migrateSecret),
                null,
                "scripts/deploy.sh",
                "--dry-run",
                "--packaging",
                "jvm");
        assertThat(refused.exit()).as(refused.out()).isEqualTo(1);
        assertThat(refused.out())
                .contains("declares no NeonMigrateSecretArn parameter")
                .doesNotContain("+ mvn");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shells")
    void withoutNeonSettingsWithABadUrlOrWithABadOptionItStopsBeforeBuildingAnything(Shell shell) throws Exception {
        Run noNeon = deploy(shell, Map.of(), "--packaging", "jvm");
        assertThat(noNeon.exit()).isEqualTo(1);
        assertThat(noNeon.out())
                .contains("set NEON_SECRET_ARN")
                .contains("NEON_DATABASE_URL")
                .doesNotContain("+ mvn");

        Run badUrl = deploy(
                shell,
                Map.of("NEON_DATABASE_URL", "postgresql://phylo:bad%zzsecret@ep-x.aws.neon.tech/db"),
                "--dry-run",
                "--packaging",
                "jvm");
        assertThat(badUrl.exit()).isEqualTo(1);
        assertThat(badUrl.out())
                .contains("NEON_DATABASE_URL: bad percent-encoding or a control character in the password")
                .doesNotContain("zzsecret")
                .doesNotContain("+ mvn");

        Run urlParameter = deploy(
                shell,
                Map.of("NEON_SECRET_ARN", SECRET),
                "--dry-run",
                "--parameter",
                "NeonDatabaseUrl=postgresql://u:hunter2@h/db");
        assertThat(urlParameter.exit()).isEqualTo(1);
        assertThat(urlParameter.out())
                .contains("would put the database password on the command line")
                .doesNotContain("hunter2");

        Run badPackaging = deploy(shell, Map.of("NEON_SECRET_ARN", SECRET), "--dry-run", "--packaging", "graal");
        assertThat(badPackaging.exit()).isEqualTo(1);
        assertThat(badPackaging.out()).contains("--packaging must be native or jvm, not 'graal'");

        Run unknown = deploy(shell, Map.of(), "--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).contains("unknown option '--frobnicate'");

        Run help = deploy(shell, Map.of(), "--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("NEON_MIGRATE_DATABASE_URL").contains("--parameter KEY=VALUE");
    }

    /**
     * A copy of the repository's deploy-relevant parts: scripts/deploy.sh, sam/samconfig.toml, an empty function.zip
     * per function module, and a template that declares NeonMigrateSecretArn or not.
     */
    private static Path fakeRoot(Path dir, boolean declaresMigrateSecret) throws Exception {
        Path root = dir.resolve(declaresMigrateSecret ? "root" : "root-without-migrate-secret");
        Files.createDirectories(root.resolve("scripts"));
        Files.createDirectories(root.resolve("sam"));
        Files.copy(ROOT.resolve("scripts/deploy.sh"), root.resolve("scripts/deploy.sh"));
        Files.copy(ROOT.resolve("sam/samconfig.toml"), root.resolve("sam/samconfig.toml"));
        Files.writeString(
                root.resolve("sam/template.yaml"),
                "Parameters:\n  NeonSecretArn:\n    Type: String\n"
                        + (declaresMigrateSecret ? "  NeonMigrateSecretArn:\n    Type: String\n" : ""));
        for (String module : functionModules()) {
            Path target = Files.createDirectories(root.resolve(module).resolve("target"));
            Files.write(target.resolve("function.zip"), new byte[0]);
        }
        return root;
    }

    private static JsonNode secret(Path stubs, int n, String name) throws Exception {
        assertThat(Files.readString(stubs.resolve("secret-" + n + ".name")).trim())
                .isEqualTo(name);
        return new ObjectMapper().readTree(Files.readString(stubs.resolve("secret-" + n + ".json")));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static int indexOf(List<String> lines, String startsWith) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(startsWith)) {
                return i;
            }
        }
        throw new AssertionError("no call starting with '" + startsWith + "' in:\n" + String.join("\n", lines));
    }
}
