package dev.phylo.cli.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What issue 5 asks of {@code sam/template.yaml}, checked against the code next to it rather than against a list
 * written here: artifacts the build produces, ASL placeholders bound, database-facing functions (those whose module
 * depends on phylo-store) with reserved concurrency, a private encrypted bucket, TLS-only EFS and log retention.
 * <p>
 * Jackson YAML ignores CloudFormation's short-form tags: {@code !Ref X} reads as {@code "X"}, {@code !GetAtt A.B}
 * as {@code "A.B"}, and {@code !If [c, a, b]} as the array {@code [c, a, b]}.
 */
class SamTemplateContractTest {

    private static final Path ROOT = Path.of("../..");
    private static final Path SAM = ROOT.resolve("sam");
    private static final Pattern CODE_URI = Pattern.compile("\\.\\./functions/([a-z0-9-]+)/target/function\\.zip");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}");

    private static JsonNode root;
    private static JsonNode resources;
    private static Map<String, JsonNode> functions;

    @BeforeAll
    static void readTemplate() throws IOException {
        root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(SAM.resolve("template.yaml")));
        resources = root.get("Resources");
        functions = ofType("AWS::Serverless::Function");
    }

    private static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> r : resources.properties()) {
            if (r.getValue().path("Type").asText().equals(type)) {
                found.put(r.getKey(), r.getValue());
            }
        }
        return found;
    }

    private static String module(JsonNode function) {
        Matcher m = CODE_URI.matcher(function.path("Properties").path("CodeUri").asText());
        assertThat(m.matches())
                .as("CodeUri %s", function.path("Properties").path("CodeUri"))
                .isTrue();
        return m.group(1);
    }

    private static Document pom(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** Text of the direct child {@code name} of {@code parent}, or null. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static Element childElement(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** The artifactIds of the module's declared dependencies (not dependencyManagement, not plugins). */
    private static Set<String> dependencies(String module) throws Exception {
        return declaredDependencies(ROOT.resolve("functions").resolve(module).resolve("pom.xml"));
    }

    private static Set<String> declaredDependencies(Path pomFile) throws Exception {
        Element project = pom(pomFile).getDocumentElement();
        Set<String> ids = new HashSet<>();
        Element deps = childElement(project, "dependencies");
        if (deps != null) {
            NodeList list = deps.getElementsByTagName("dependency");
            for (int i = 0; i < list.getLength(); i++) {
                ids.add(child((Element) list.item(i), "artifactId"));
            }
        }
        return ids;
    }

    private static boolean databaseFacing(String module) throws Exception {
        return dependencies(module).contains("phylo-store");
    }

    @Test
    void everyFunctionPointsAtTheFunctionZipOfAQuarkusFunctionModuleTheBuildProduces() throws Exception {
        assertThat(functions)
                .containsKeys(
                        "HealthFunction",
                        "IngestFunction",
                        "SeedFunction",
                        "BreedFunction",
                        "EvaluateFunction",
                        "PersistFunction",
                        "ValidateFunction",
                        "ReportFunction",
                        "MarkRunFailedFunction",
                        "MigrateFunction",
                        "RetentionFunction");
        Element aggregator = pom(ROOT.resolve("functions/pom.xml")).getDocumentElement();
        assertThat(child(aggregator, "artifactId")).isEqualTo("phylo-functions");
        List<String> modules = new ArrayList<>();
        NodeList moduleNodes = childElement(aggregator, "modules").getElementsByTagName("module");
        for (int i = 0; i < moduleNodes.getLength(); i++) {
            modules.add(moduleNodes.item(i).getTextContent().trim());
        }
        // The aggregator's build is what makes target/function.zip (Quarkus' Lambda packaging).
        assertThat(Files.readString(ROOT.resolve("functions/pom.xml")))
                .contains("quarkus-maven-plugin", "quarkus-funqy-amazon-lambda");

        for (Map.Entry<String, JsonNode> f : functions.entrySet()) {
            String module = module(f.getValue());
            Path pom = ROOT.resolve("functions").resolve(module).resolve("pom.xml");
            assertThat(pom).as("%s's module", f.getKey()).exists();
            assertThat(modules).as("functions/pom.xml builds %s", module).contains(module);
            Element parent = childElement(pom(pom).getDocumentElement(), "parent");
            assertThat(parent).as("%s has a parent", pom).isNotNull();
            assertThat(child(parent, "artifactId")).as("%s's parent", pom).isEqualTo("phylo-functions");
            assertThat(f.getValue()
                            .path("Properties")
                            .path("Environment")
                            .path("Variables")
                            .path("QUARKUS_FUNQY_EXPORT")
                            .asText())
                    .as("%s exports one @Funq", f.getKey())
                    .isNotBlank();
        }
    }

    @Test
    void noFunctionPackageCarriesLocalToolsOrFlywayUnlessItMigrates() throws Exception {
        int checked = 0;
        for (JsonNode f : functions.values()) {
            Path zip = ROOT.resolve("functions").resolve(module(f)).resolve("target/function.zip");
            if (!Files.isRegularFile(zip)) { // built earlier in this reactor (mvn verify); absent on a lone test run
                continue;
            }
            checked++;
            try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
                List<String> libs = z.stream()
                        .map(java.util.zip.ZipEntry::getName)
                        .filter(n -> n.startsWith("lib/"))
                        .toList();
                assertThat(libs)
                        .as("%s", zip)
                        .isNotEmpty()
                        .noneMatch(n -> n.startsWith("lib/io.zonky."))
                        .noneMatch(n -> n.startsWith("lib/dev.phylo.infra."))
                        .noneMatch(n -> n.startsWith("lib/dev.phylo.functions."));
                boolean migrates = module(f).equals("maintenance");
                assertThat(libs.stream().anyMatch(n -> n.startsWith("lib/org.flywaydb.")))
                        .as("%s carries Flyway", zip)
                        .isEqualTo(migrates);
                assertThat(libs.stream().anyMatch(n -> n.startsWith("lib/dev.phylo.shared.phylo-schema-")))
                        .as("%s carries the migrations", zip)
                        .isEqualTo(migrates);
            }
        }
        if (checked == 0) {
            System.out.println("no function.zip built yet: package contents not checked (run mvn verify)");
        }
    }

    @Test
    void everyJvmFunctionRunsTheRequestIdHandlerAndLogsJson() throws Exception {
        String handler = root.path("Globals").path("Function").path("Handler").asText();
        assertThat(handler).isEqualTo("dev.phylo.function.LambdaHandler::handleRequest");
        functions.forEach((id, f) -> assertThat(f.path("Properties").has("Handler"))
                .as("%s overrides Handler", id)
                .isFalse());
        Path source = ROOT.resolve("shared/function/src/main/java")
                .resolve(handler.substring(0, handler.indexOf("::")).replace('.', '/') + ".java");
        assertThat(Files.readString(source))
                .contains(
                        "implements RequestStreamHandler",
                        "public void handleRequest(InputStream input, OutputStream output, Context context)");
        // every function's parent brings the handler and the JSON log format
        assertThat(declaredDependencies(ROOT.resolve("functions/pom.xml")))
                .contains("phylo-function", "quarkus-logging-json");
        for (JsonNode f : functions.values()) {
            Path zip = ROOT.resolve("functions").resolve(module(f)).resolve("target/function.zip");
            if (Files.isRegularFile(zip)) { // built earlier in this reactor (mvn verify); absent on a lone test run
                try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
                    assertThat(z.stream().map(java.util.zip.ZipEntry::getName))
                            .as("%s", zip)
                            .anyMatch(n -> n.matches("lib/dev\\.phylo\\.shared\\.phylo-function-.*\\.jar"));
                }
            }
        }
    }

    @Test
    void theMaintenanceFunctionsRunOnTheJvmUnderEveryPackagingAndTheirModuleBuildsAJvmZipUnderNative()
            throws Exception {
        assertThat(root.path("Globals").path("Function").path("Runtime").toString())
                .as("Globals Runtime is the Packaging condition")
                .contains("IsNative", "provided.al2023", "java21");
        functions.forEach((id, f) -> {
            boolean maintenance = module(f).equals("maintenance");
            JsonNode runtime = f.path("Properties").path("Runtime");
            if (maintenance) {
                assertThat(runtime.asText()).as("%s Runtime", id).isEqualTo("java21");
            } else {
                assertThat(runtime.isMissingNode())
                        .as("%s follows Packaging", id)
                        .isTrue();
            }
        });
        Element project = pom(ROOT.resolve("functions/maintenance/pom.xml")).getDocumentElement();
        NodeList profiles = project.getElementsByTagName("profile");
        Element nativeProfile = null;
        for (int i = 0; i < profiles.getLength(); i++) {
            if ("native".equals(child((Element) profiles.item(i), "id"))) {
                nativeProfile = (Element) profiles.item(i);
            }
        }
        assertThat(nativeProfile)
                .as("functions/maintenance overrides the native profile")
                .isNotNull();
        Element properties = childElement(nativeProfile, "properties");
        assertThat(child(properties, "quarkus.native.enabled")).isEqualTo("false");
        assertThat(child(properties, "quarkus.package.jar.enabled")).isEqualTo("true");
    }

    @Test
    void everyAslPlaceholderIsBoundByDefinitionSubstitutionsAndViceVersa() throws IOException {
        Map<String, JsonNode> machines = ofType("AWS::Serverless::StateMachine");
        assertThat(machines).hasSize(1);
        JsonNode props = machines.values().iterator().next().path("Properties");
        assertThat(props.path("DefinitionUri").asText()).isEqualTo("statemachine/evolution.asl.json");

        Set<String> placeholders = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(
                Files.readString(SAM.resolve(props.path("DefinitionUri").asText())));
        while (m.find()) {
            placeholders.add(m.group(1));
        }
        Set<String> bound = new TreeSet<>();
        props.path("DefinitionSubstitutions").properties().forEach(e -> bound.add(e.getKey()));

        assertThat(placeholders).isNotEmpty().isEqualTo(bound);
        props.path("DefinitionSubstitutions").properties().forEach(s -> {
            String value = s.getValue().asText();
            assertThat(value).as(s.getKey()).endsWith(".Arn");
            assertThat(functions).as(s.getKey()).containsKey(value.substring(0, value.length() - ".Arn".length()));
        });
    }

    @Test
    void everyDatabaseFacingFunctionHasReservedConcurrencyAndEvaluateHasNoDatabase() throws Exception {
        List<String> databaseFacing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> f : functions.entrySet()) {
            if (databaseFacing(module(f.getValue()))) {
                databaseFacing.add(f.getKey());
                assertThat(reserved(f.getValue()))
                        .as("%s ReservedConcurrentExecutions", f.getKey())
                        .isBetween(1, 10);
            }
        }
        // docs/architecture.md decision 1: these open Neon connections; evaluate never does.
        assertThat(databaseFacing)
                .contains("IngestFunction", "PersistFunction", "SeedFunction", "ReportFunction", "HealthFunction")
                .doesNotContain("EvaluateFunction");
        assertThat(databaseFacing(module(functions.get("EvaluateFunction")))).isFalse();

        // Connection budget from the template comment: pool 2 per environment, well under Neon 0.25 CU's ~100.
        int connections = databaseFacing.stream()
                .mapToInt(id -> reserved(functions.get(id)) * 2)
                .sum();
        assertThat(connections).isLessThanOrEqualTo(60);
    }

    /**
     * A database-facing function's reservation: {@code !If [ReservesConcurrency, n, !Ref AWS::NoValue]} (ReserveConcurrency
     * false drops every reservation, for accounts with a small concurrency quota), read as the array [cond, n, ref].
     */
    private static int reserved(JsonNode function) {
        JsonNode reserved = function.path("Properties").path("ReservedConcurrentExecutions");
        assertThat(reserved.isArray() && reserved.size() == 3)
                .as("!If [ReservesConcurrency, n, !Ref AWS::NoValue]: %s", reserved)
                .isTrue();
        assertThat(reserved.path(0).asText()).isEqualTo("ReservesConcurrency");
        assertThat(reserved.path(1).isInt()).as("n is a number: %s", reserved).isTrue();
        assertThat(reserved.path(2).asText()).isEqualTo("AWS::NoValue");
        return reserved.path(1).asInt();
    }

    @Test
    void everyBucketIsEncryptedPrivateAndTlsOnlyAndVersionedUnlessItsObjectsExpire() {
        Map<String, JsonNode> buckets = ofType("AWS::S3::Bucket");
        assertThat(buckets).containsOnlyKeys("RawDataBucket", "ReportBucket", "WorkBucket");
        buckets.forEach((id, bucket) -> {
            JsonNode props = bucket.path("Properties");
            JsonNode sse = props.path("BucketEncryption")
                    .path("ServerSideEncryptionConfiguration")
                    .path(0)
                    .path("ServerSideEncryptionByDefault")
                    .path("SSEAlgorithm");
            assertThat(sse.asText()).as("%s encryption", id).isIn("AES256", "aws:kms", "aws:kms:dsse");
            JsonNode block = props.path("PublicAccessBlockConfiguration");
            for (String flag :
                    List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
                assertThat(block.path(flag).asBoolean(false))
                        .as("%s %s", id, flag)
                        .isTrue();
            }
            if (id.equals("WorkBucket")) {
                // derived, per-run objects (batch lists, map run results): they expire instead
                assertThat(props.path("LifecycleConfiguration")
                                .path("Rules")
                                .path(0)
                                .path("ExpirationInDays")
                                .asInt())
                        .as(id)
                        .isPositive();
            } else {
                assertThat(props.path("VersioningConfiguration").path("Status").asText())
                        .as(id)
                        .isEqualTo("Enabled");
            }

            JsonNode policy = ofType("AWS::S3::BucketPolicy").values().stream()
                    .filter(p -> p.path("Properties").path("Bucket").asText().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(id + " has no bucket policy"))
                    .path("Properties")
                    .path("PolicyDocument");
            assertThat(deniesInsecureTransport(policy))
                    .as("%s denies non-TLS requests", id)
                    .isTrue();
        });
        // the report function may write reports, and nothing else may
        JsonNode report = functions.get("ReportFunction").path("Properties");
        assertThat(report.path("Environment")
                        .path("Variables")
                        .path("PHYLO_REPORT_BUCKET")
                        .asText())
                .isEqualTo("ReportBucket");
        // PutObject under reports/ and nothing else (SAM's S3WritePolicy would add PutObjectAcl and
        // PutLifecycleConfiguration)
        List<JsonNode> reportStatements = new ArrayList<>();
        report.path("Policies").forEach(p -> p.path("Statement").forEach(reportStatements::add));
        assertThat(report.path("Policies").toString()).doesNotContain("S3WritePolicy", "S3CrudPolicy");
        assertThat(reportStatements)
                .filteredOn(st -> st.toString().contains("ReportBucket"))
                .singleElement()
                .satisfies(st -> {
                    assertThat(st.path("Action").asText()).isEqualTo("s3:PutObject");
                    assertThat(st.path("Resource").asText()).isEqualTo("${ReportBucket.Arn}/reports/*");
                });
        functions.forEach((id, f) -> {
            if (!id.equals("ReportFunction")) {
                assertThat(f.path("Properties").path("Policies").toString())
                        .as(id)
                        .doesNotContain("ReportBucket");
            }
        });
    }

    @Test
    void ingestRunsOnCsvAndGzippedCsvUploadsAndFailuresGoToADeadLetterQueueWithAnAlarm() {
        JsonNode props = functions.get("IngestFunction").path("Properties");
        List<String> suffixes = new ArrayList<>();
        props.path("Events").forEach(e -> {
            assertThat(e.path("Type").asText()).isEqualTo("S3");
            assertThat(e.path("Properties").path("Bucket").asText()).isEqualTo("RawDataBucket");
            e.path("Properties").path("Filter").path("S3Key").path("Rules").forEach(r -> {
                if (r.path("Name").asText().equals("suffix")) {
                    suffixes.add(r.path("Value").asText());
                }
            });
        });
        assertThat(suffixes).containsExactlyInAnyOrder(".csv", ".csv.gz");

        String dlq = props.path("EventInvokeConfig")
                .path("DestinationConfig")
                .path("OnFailure")
                .path("Destination")
                .asText();
        assertThat(dlq).endsWith(".Arn");
        String queue = dlq.substring(0, dlq.length() - ".Arn".length());
        assertThat(resources.path(queue).path("Type").asText()).isEqualTo("AWS::SQS::Queue");
        assertThat(ofType("AWS::CloudWatch::Alarm").values()).anySatisfy(a -> {
            assertThat(a.path("Properties").path("MetricName").asText())
                    .isEqualTo("ApproximateNumberOfMessagesVisible");
            assertThat(a.path("Properties")
                            .path("Dimensions")
                            .path(0)
                            .path("Value")
                            .asText())
                    .startsWith(queue + ".");
        });
    }

    @Test
    void efsIsEncryptedAndDeniesNonTlsAccessAndEveryFunctionMountsItAfterTheMountTargets() {
        Map<String, JsonNode> fileSystems = ofType("AWS::EFS::FileSystem");
        assertThat(fileSystems).hasSize(1);
        JsonNode props = fileSystems.values().iterator().next().path("Properties");
        assertThat(props.path("Encrypted").asBoolean()).isTrue();
        assertThat(props.path("ThroughputMode").asText()).isEqualTo("elastic");
        assertThat(deniesInsecureTransport(props.path("FileSystemPolicy"))).isTrue();

        Set<String> mountTargets = ofType("AWS::EFS::MountTarget").keySet();
        assertThat(mountTargets).hasSize(2);
        JsonNode accessPoint =
                ofType("AWS::EFS::AccessPoint").values().iterator().next().path("Properties");
        assertThat(accessPoint.path("RootDirectory").path("Path").asText()).isEqualTo("/phylo");
        assertThat(accessPoint
                        .path("RootDirectory")
                        .path("CreationInfo")
                        .path("Permissions")
                        .asText())
                .isEqualTo("0755");

        // Globals carry the mount; each function waits for the mount targets.
        JsonNode mount =
                root.path("Globals").path("Function").path("FileSystemConfigs").path(0);
        assertThat(mount.path("LocalMountPath").asText()).isEqualTo("/mnt/phylo");
        functions.forEach((id, f) -> {
            List<String> dependsOn = new ArrayList<>();
            f.path("DependsOn").forEach(d -> dependsOn.add(d.asText()));
            assertThat(dependsOn).as("%s DependsOn", id).containsAll(mountTargets);
        });
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithRetention() {
        functions.forEach((id, f) -> {
            String group =
                    f.path("Properties").path("LoggingConfig").path("LogGroup").asText();
            assertThat(group).as("%s LoggingConfig.LogGroup", id).isNotBlank();
            JsonNode logGroup = resources.path(group);
            assertThat(logGroup.path("Type").asText()).as(group).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.path("Properties").path("RetentionInDays").isMissingNode())
                    .as(group)
                    .isFalse();
        });
        assertThat(functions.values().stream()
                        .map(f -> f.path("Properties")
                                .path("LoggingConfig")
                                .path("LogGroup")
                                .asText())
                        .distinct())
                .hasSize(functions.size());
    }

    private static boolean deniesInsecureTransport(JsonNode policy) {
        for (JsonNode statement : policy.path("Statement")) {
            JsonNode secure = statement.path("Condition").path("Bool").path("aws:SecureTransport");
            if (statement.path("Effect").asText().equals("Deny")
                    && secure.asText().equals("false")) {
                return true;
            }
        }
        return false;
    }
}
