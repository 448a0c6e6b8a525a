package dev.phylo.cli.sam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the deployed stack grants, read from the CloudFormation template AWS SAM makes of {@code sam/template.yaml}
 * (the translator {@code sam deploy} runs, through {@code src/test/resources/sam/transform.py}): Globals merged into
 * every function, policy templates expanded into role policies. Issue 13's least-privilege findings, one test each.
 */
class TransformedTemplateTest {

    private static final Path TEMPLATE = Path.of("../../sam/template.yaml");
    private static final Set<String> DATABASE_SETTINGS =
            Set.of("NEON_DATABASE_URL", "NEON_SECRET_ARN", "PHYLO_DB_REQUIRE_TIMESCALEDB");
    /** The functions that open Neon connections: every one but evaluate (docs/architecture.md, decision 1). */
    private static final Set<String> DATABASE_FACING = Set.of(
            "HealthFunction",
            "IngestFunction",
            "SeedFunction",
            "BreedFunction",
            "PersistFunction",
            "ValidateFunction",
            "ReportFunction",
            "MarkRunFailedFunction",
            "MigrateFunction",
            "RetentionFunction");

    private static JsonNode resources;
    private static JsonNode mappings;

    @BeforeAll
    static void transform(@TempDir Path tmp) throws Exception {
        Path script = tmp.resolve("transform.py");
        try (var in = TransformedTemplateTest.class.getResourceAsStream("/sam/transform.py")) {
            Files.copy(in, script);
        }
        requireTranslator();
        Path out = tmp.resolve("transformed.json");
        Path err = tmp.resolve("stderr.txt");
        Process p = new ProcessBuilder("python3", script.toString(), TEMPLATE.toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("transform finished").isTrue();
        assertThat(p.exitValue())
                .as("sam transform of %s: %s", TEMPLATE, Files.readString(err))
                .isZero();
        JsonNode transformed = new ObjectMapper().readTree(out.toFile());
        resources = transformed.path("Resources");
        mappings = transformed.path("Mappings");
    }

    /** cfn-lint brings aws-sam-translator; CI has cfn-lint (.ci/run), so there a missing translator is a failure. */
    private static void requireTranslator() throws IOException, InterruptedException {
        boolean present;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import samtranslator")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            present = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        }
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("python3 with aws-sam-translator is required in CI (pip install cfn-lint)");
        }
        Assumptions.assumeTrue(present, "python3 -c 'import samtranslator' failed: pip install cfn-lint");
    }

    private static Map<String, JsonNode> ofType(String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        resources.properties().forEach(r -> {
            if (r.getValue().path("Type").asText().equals(type)) {
                found.put(r.getKey(), r.getValue());
            }
        });
        return found;
    }

    /** Every statement of a function's role: inline policies and the stack's own managed policies it attaches. */
    private static List<JsonNode> statements(String function) {
        JsonNode role = resources.path(function + "Role").path("Properties");
        assertThat(role.isMissingNode()).as("%s has its own role", function).isFalse();
        List<JsonNode> found = new ArrayList<>();
        role.path("Policies")
                .forEach(p -> p.path("PolicyDocument").path("Statement").forEach(found::add));
        for (JsonNode arn : role.path("ManagedPolicyArns")) {
            String text = arn.toString();
            ofType("AWS::IAM::ManagedPolicy").forEach((id, policy) -> {
                if (text.contains("\"Ref\":\"" + id + "\"")) {
                    policy.path("Properties")
                            .path("PolicyDocument")
                            .path("Statement")
                            .forEach(found::add);
                }
            });
        }
        return found;
    }

    private static Set<String> actions(List<JsonNode> statements) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode st : statements) {
            collect(st.path("Action"), actions);
            // a conditional statement: !If [cond, statement, NoValue]
            st.path("Fn::If").forEach(branch -> collect(branch.path("Action"), actions));
        }
        return actions;
    }

    private static void collect(JsonNode action, Set<String> into) {
        if (action.isTextual()) {
            into.add(action.asText());
        } else {
            action.forEach(a -> into.add(a.asText()));
        }
    }

    @Test
    void onlyTheDatabaseFacingFunctionsSeeADatabaseSettingAndEvaluateSeesNone() {
        Map<String, JsonNode> functions = ofType("AWS::Lambda::Function");
        assertThat(functions.keySet()).containsAll(DATABASE_FACING).contains("EvaluateFunction");
        functions.forEach((id, f) -> {
            Set<String> names = new TreeSet<>();
            f.path("Properties")
                    .path("Environment")
                    .path("Variables")
                    .fieldNames()
                    .forEachRemaining(names::add);
            if (DATABASE_FACING.contains(id)) {
                assertThat(names).as(id).containsAll(DATABASE_SETTINGS);
            } else {
                assertThat(names).as(id).doesNotContainAnyElementsOf(DATABASE_SETTINGS);
            }
        });
        assertThat(actions(statements("EvaluateFunction")))
                .as("evaluate's role")
                .noneMatch(a -> a.startsWith("secretsmanager:") || a.startsWith("kms:"));
        for (String id : DATABASE_FACING) {
            assertThat(actions(statements(id))).as(id).contains("secretsmanager:GetSecretValue");
        }
    }

    @Test
    void theSecretsCustomerManagedKeyIsDecryptedOnlyThroughSecretsManagerAndOnlyWhenNamed() {
        JsonNode kms = statements("PersistFunction").stream()
                .filter(st -> st.path("Fn::If").path(0).asText().equals("HasSecretKmsKey"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no conditional kms:Decrypt statement"))
                .path("Fn::If")
                .path(1);
        assertThat(kms.path("Action").asText()).isEqualTo("kms:Decrypt");
        assertThat(kms.path("Resource").toString()).contains("NeonSecretKmsKeyArn");
        assertThat(kms.path("Condition")
                        .path("StringEquals")
                        .path("kms:ViaService")
                        .toString())
                .contains("secretsmanager.${AWS::Region}.amazonaws.com");
    }

    @Test
    void theReportFunctionMayOnlyPutReportsAndNoRoleMaySetAclsOrLifecycles() {
        List<JsonNode> report = statements("ReportFunction");
        Set<String> s3 = new TreeSet<>(actions(report));
        s3.removeIf(a -> !a.startsWith("s3:"));
        assertThat(s3).containsExactly("s3:PutObject");
        ofType("AWS::IAM::Role")
                .forEach((id, role) -> assertThat(role.toString())
                        .as(id)
                        .doesNotContain("s3:PutObjectAcl", "s3:PutLifecycleConfiguration", "s3:*\""));
    }

    @Test
    void functionsMayOnlyReachHttpsPostgresAndTheirFileSystem() {
        JsonNode egress =
                resources.path("FunctionSecurityGroup").path("Properties").path("SecurityGroupEgress");
        Set<Integer> ports = new TreeSet<>();
        egress.forEach(rule -> {
            assertThat(rule.path("IpProtocol").asText()).as("%s", rule).isEqualTo("tcp");
            assertThat(rule.path("FromPort").asInt())
                    .as("%s", rule)
                    .isEqualTo(rule.path("ToPort").asInt());
            ports.add(rule.path("FromPort").asInt());
        });
        assertThat(ports).containsExactly(443, 5432);

        JsonNode nfs = resources.path("FunctionToFileSystemEgress").path("Properties");
        assertThat(nfs.path("IpProtocol").asText()).isEqualTo("tcp");
        assertThat(nfs.path("FromPort").asInt()).isEqualTo(2049);
        assertThat(nfs.path("ToPort").asInt()).isEqualTo(2049);
        assertThat(nfs.path("DestinationSecurityGroupId").toString()).contains("FileSystemSecurityGroup");
        assertThat(nfs.has("CidrIp")).isFalse();
        ofType("AWS::EC2::SecurityGroupEgress")
                .values()
                .forEach(rule -> assertThat(
                                rule.path("Properties").path("IpProtocol").asText())
                        .isNotEqualTo("-1"));
    }

    @Test
    void theDistributedMapMayDescribeAndStopOnlyItsOwnChildExecutions() {
        JsonNode children = statements("EvolutionStateMachine").stream()
                .filter(st -> actions(List.of(st)).contains("states:StopExecution"))
                .findFirst()
                .orElseThrow();
        // a Map Run's children: arn:aws:states:<region>:<account>:execution:<state machine>/<map run label>:<id>
        assertThat(children.path("Resource").toString()).endsWith(":execution:${AWS::StackName}-evolution/*\"}");
    }

    @Test
    void natResourcesExistOnlyInNatModeAndPrivateModeHasEndpointsInstead() {
        for (String type : List.of("AWS::EC2::NatGateway", "AWS::EC2::EIP", "AWS::EC2::InternetGateway")) {
            assertThat(ofType(type))
                    .as(type)
                    .isNotEmpty()
                    .allSatisfy((id, r) ->
                            assertThat(r.path("Condition").asText()).as(id).isEqualTo("UseNat"));
        }
        Map<String, JsonNode> interfaces = new LinkedHashMap<>();
        ofType("AWS::EC2::VPCEndpoint").forEach((id, r) -> {
            if (r.path("Properties").path("VpcEndpointType").asText().equals("Interface")) {
                interfaces.put(id, r);
            }
        });
        assertThat(interfaces).containsOnlyKeys("SecretsManagerEndpoint", "NeonEndpoint");
        interfaces.forEach(
                (id, r) -> assertThat(r.path("Condition").asText()).as(id).isEqualTo("UsePrivateLink"));
    }

    @Test
    void evaluateIsNotTracedByDefaultAndTheArchitectureIsAParameter() throws IOException {
        JsonNode evaluate = resources.path("EvaluateFunction").path("Properties");
        assertThat(evaluate.path("TracingConfig").path("Mode").toString()).contains("EvaluateTracing");
        assertThat(evaluate.path("Architectures").toString()).contains("\"Ref\":\"Architecture\"");
        String template = Files.readString(TEMPLATE, StandardCharsets.UTF_8);
        assertThat(template)
                .contains("  EvaluateTracing:\n    Type: String\n    AllowedValues: [Active, PassThrough]\n"
                        + "    Default: PassThrough\n")
                .contains("  Architecture:\n    Type: String\n    AllowedValues: [x86_64, arm64]\n");
    }

    @Test
    void everyFunctionHasItsAlarmsAndEachDurationAlarmSitsAtEightyPercentOfItsTimeout() {
        Map<String, JsonNode> alarms = ofType("AWS::CloudWatch::Alarm");
        Map<String, JsonNode> functions = ofType("AWS::Lambda::Function");
        for (Map.Entry<String, JsonNode> f : functions.entrySet()) {
            String name = f.getKey().substring(0, f.getKey().length() - "Function".length());
            for (String kind : List.of("ErrorRate", "Throttles", "Duration")) {
                assertThat(alarms).as("%s %s alarm", name, kind).containsKey(name + kind + "Alarm");
                assertThat(alarms.get(name + kind + "Alarm").toString())
                        .as("%s %s alarm watches its function", name, kind)
                        .contains("{\"Ref\":\"" + f.getKey() + "\"}");
            }
            JsonNode threshold =
                    alarms.get(name + "DurationAlarm").path("Properties").path("Threshold");
            assertThat(threshold.path("Fn::FindInMap").path(1).asText()).isEqualTo(name);
            int timeoutSeconds = f.getValue().path("Properties").path("Timeout").asInt();
            assertThat(mappings.path("DurationAlarmMs")
                            .path(name)
                            .path("Threshold")
                            .asInt())
                    .as("%s: 80 %% of %d s in ms", name, timeoutSeconds)
                    .isEqualTo(timeoutSeconds * 800);
        }
        // latency alarms on the database-facing functions in a run's path (the template says why not the others)
        Set<String> latency = new TreeSet<>();
        alarms.keySet().stream()
                .filter(id -> id.endsWith("DatabaseLatencyAlarm"))
                .forEach(id -> latency.add(id.replace("DatabaseLatencyAlarm", "Function")));
        Set<String> expected = new TreeSet<>(DATABASE_FACING);
        expected.removeAll(Set.of("HealthFunction", "MigrateFunction", "RetentionFunction"));
        assertThat(latency).isEqualTo(expected);
        assertThat(alarms).containsKeys("StateMachineFailedAlarm", "IngestDeadLetterQueueAlarm");
        assertThat(alarms).hasSize(functions.size() * 3 + expected.size() + 2);
        alarms.forEach(
                (id, a) -> assertThat(a.path("Properties").path("AlarmActions").toString())
                        .as(id)
                        .contains("AlarmTopic"));
    }
}
