package dev.phylo.cli.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * scripts/deploy.sh and scripts/validate-prerequisites.sh as a user runs them, minus AWS: the deploy plan
 * ({@code --dry-run}, which runs nothing), its refusals, and the prerequisite checks on a machine that lacks the tools
 * (every failure comes with its fix).
 */
class DeployScriptsTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:phylo-neon";

    record Run(int exit, String out) {}

    private static Run bash(Map<String, String> env, String path, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("NEON_") || k.startsWith("AWS_") || k.startsWith("PG"));
        if (path != null) {
            pb.environment().put("PATH", path);
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished: %s", out).isTrue();
        return new Run(p.exitValue(), out);
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

    private static String line(String out, String startsWith) {
        return out.lines()
                .filter(l -> l.startsWith(startsWith))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + startsWith + "' in:\n" + out));
    }

    @Test
    void dryRunPlansTheBuildOfEveryFunctionTheDeployTheMigrationAndTheSmokeCheckInThatOrder() throws Exception {
        Run run = bash(
                Map.of("NEON_SECRET_ARN", SECRET),
                null,
                "scripts/deploy.sh",
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
                .contains("--region eu-west-1");
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

    @Test
    void nativePackagingBuildsWithTheNativeProfileAndTellsTheTemplate() throws Exception {
        Run run = bash(
                Map.of("NEON_SECRET_ARN", SECRET), null, "scripts/deploy.sh", "--dry-run", "--packaging", "native");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(line(run.out(), "+ mvn ")).contains("-Pnative");
        assertThat(line(run.out(), "+ sam deploy ")).contains("Packaging=native");
    }

    @Test
    void theDatabasePasswordNeverReachesTheOutput() throws Exception {
        String url = "postgresql://phylo:s3cr3t-pa55@ep-cool-bird-123456-pooler.eu-west-1.aws.neon.tech/phylo";
        Run run = bash(Map.of("NEON_DATABASE_URL", url), null, "scripts/deploy.sh", "--dry-run", "--packaging", "jvm");

        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).doesNotContain("s3cr3t-pa55").contains("NeonDatabaseUrl=REDACTED");
    }

    @Test
    void withoutNeonSettingsOrWithABadPackagingItStopsBeforeBuildingAnything() throws Exception {
        Run noNeon = bash(Map.of(), null, "scripts/deploy.sh", "--packaging", "jvm");
        assertThat(noNeon.exit()).isEqualTo(1);
        assertThat(noNeon.out())
                .contains("set NEON_SECRET_ARN")
                .contains("NEON_DATABASE_URL")
                .doesNotContain("+ mvn");

        Run badPackaging =
                bash(Map.of("NEON_SECRET_ARN", SECRET), null, "scripts/deploy.sh", "--dry-run", "--packaging", "graal");
        assertThat(badPackaging.exit()).isEqualTo(1);
        assertThat(badPackaging.out()).contains("--packaging must be native or jvm, not 'graal'");

        Run unknown = bash(Map.of(), null, "scripts/deploy.sh", "--frobnicate");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).contains("unknown option '--frobnicate'");
    }

    @Test
    void prerequisitesOnAMachineWithoutTheToolsFailWithAFixForEachMissingOne(@TempDir Path bin) throws Exception {
        // a PATH holding only what the script itself runs on, plus java: no mvn, sam, aws, psql, docker
        for (String tool : List.of("bash", "sed", "awk", "head", "cut", "tr", "grep", "cat", "java", "dirname")) {
            Path real = which(tool);
            if (real != null) {
                Files.createSymbolicLink(bin.resolve(tool), real);
            }
        }
        Run run = bash(Map.of(), bin.toString(), "scripts/validate-prerequisites.sh");

        assertThat(run.exit()).as(run.out()).isEqualTo(1);
        List<String> lines = run.out().lines().toList();
        List<String> failures =
                lines.stream().filter(l -> l.startsWith("  FAIL  ")).toList();
        assertThat(failures)
                .anyMatch(l -> l.contains("mvn not found"))
                .anyMatch(l -> l.contains("sam (AWS SAM CLI)"))
                .anyMatch(l -> l.contains("aws (AWS CLI v2) not found"))
                .anyMatch(l -> l.contains("neither NEON_DATABASE_URL nor NEON_SECRET_ARN"));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("  FAIL  ")) {
                assertThat(i + 1 < lines.size() && lines.get(i + 1).startsWith("        fix: "))
                        .as("a fix follows '%s'", lines.get(i))
                        .isTrue();
            }
        }
        assertThat(run.out()).contains("ok    java");
    }

    private static Path which(String tool) throws IOException {
        for (String dir : System.getenv("PATH").split(":")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate.toRealPath();
            }
        }
        return null;
    }
}
