package dev.phylo.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.phylo.testkit.MotoServer;
import dev.phylo.testkit.TestDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionListItem;

/**
 * {@code phylo cloud} against moto_server on loopback: real SDK calls, no mocks.
 *
 * <p>moto's CloudFormation creates {@code AWS::StepFunctions::StateMachine} resources, but only in its non-executing
 * Step Functions backend, where executions stay RUNNING forever. With {@code stepfunctions.execute_state_machine}
 * switched on (POST /moto-api/config) moto really runs Pass/Wait/Choice/Succeed/Fail states, but only for state
 * machines created through the Step Functions API. So the tests create the state machine with the SDK and a stack
 * (with an S3 bucket resource) whose {@code StateMachineArn} output is that ARN as a constant string.
 */
class CloudCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Region REGION = Region.US_EAST_1;
    private static final String PREFIX =
            "cloudtest-" + UUID.randomUUID().toString().substring(0, 8);

    private static String endpoint;
    private static CloudFormationClient cloudFormation;
    private static SfnClient sfn;
    /** Stands in for evolution.asl.json: the state names and the $.persisted shape the follower reads. */
    private static final String SUCCEEDS = """
            {"StartAt": "Seed first generation", "States": {
              "Seed first generation": {"Type": "Pass", "ResultPath": "$.generation",
                "Result": {"generation": 0}, "Next": "Persist generation"},
              "Persist generation": {"Type": "Pass", "ResultPath": "$.persisted",
                "Result": {"done": true, "bestFitness": 1.25, "evaluated": 8}, "Next": "Write report"},
              "Write report": {"Type": "Pass", "ResultPath": "$.report", "Result": {
                "html": "/mnt/phylo/runs/run-follow-1/report.html",
                "htmlUri": "s3://phylo-reports-test/reports/run-follow-1/report.html"}, "Next": "Settle"},
              "Settle": {"Type": "Wait", "Seconds": 1, "Next": "Run succeeded"},
              "Run succeeded": {"Type": "Succeed"}}}""";

    private static final String FAILS = """
            {"StartAt": "Run failed", "States": {
              "Run failed": {"Type": "Fail", "Error": "Phylo.NoBars", "Cause": "no bars for SPY 1h"}}}""";
    private static boolean executedBefore;

    @BeforeAll
    static void stacks() throws Exception {
        endpoint = MotoServer.url();
        HttpResponse<String> config = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/config"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        executedBefore = JSON.readTree(config.body())
                .path("stepfunctions")
                .path("execute_state_machine")
                .asBoolean(false);
        motoConfig(true);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        cloudFormation = CloudFormationClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        sfn = SfnClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(REGION)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void restore() throws Exception {
        motoConfig(executedBefore); // a shared moto (PHYLO_TEST_MOTO_URL) goes back to how it was
        cloudFormation.close();
        sfn.close();
    }

    record Deployed(String stack, String stateMachineArn, String bucket, String region) {
        String execution(String name) {
            return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
        }
    }

    /**
     * A state machine and a stack pointing at it, in their own region. moto 5.2.1's executing Step Functions backend
     * answers HTTP 500 (a deepcopy of a lock) to every StartExecution after the first one in an account and region, so
     * each test that starts an execution gets a region of its own.
     */
    private static Deployed deploy(String name, String definition, Region region) {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        CloudFormationClient cloudFormation = CloudFormationClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        SfnClient sfn = SfnClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        String machineArn = sfn.createStateMachine(r -> r.name(PREFIX + "-" + name)
                        .definition(definition)
                        .roleArn("arn:aws:iam::123456789012:role/" + PREFIX))
                .stateMachineArn();
        String stack = createStack(cloudFormation, PREFIX + "-" + name, machineArn);
        String bucket = cloudFormation.describeStacks(r -> r.stackName(stack)).stacks().get(0).outputs().stream()
                .filter(o -> o.outputKey().equals("RawDataBucketName"))
                .findFirst()
                .orElseThrow()
                .outputValue();
        return new Deployed(stack, machineArn, bucket, region.id());
    }

    private static String createStack(CloudFormationClient cloudFormation, String name, String machineArn) {
        String template = """
                {"Resources": {"RawDataBucket": {"Type": "AWS::S3::Bucket"}},
                 "Outputs": {"StateMachineArn": {"Value": "%s"},
                             "RawDataBucketName": {"Value": {"Ref": "RawDataBucket"}}}}""".formatted(machineArn);
        cloudFormation.createStack(r -> r.stackName(name).templateBody(template));
        assertThat(cloudFormation
                        .describeStacks(r -> r.stackName(name))
                        .stacks()
                        .get(0)
                        .stackStatus())
                .isEqualTo(StackStatus.CREATE_COMPLETE);
        return name;
    }

    private static void motoConfig(boolean execute) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/config"))
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"stepfunctions\": {\"execute_state_machine\": " + execute + "}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    private static SfnClient sfn(Deployed app) {
        return SfnClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(app.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    record Result(int exit, String out, String err) {}

    private static Result cloud(String... args) {
        return cloudIn(REGION, args);
    }

    private static Result cloudIn(Region region, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CloudCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // as dev.phylo.cli.Errors does: one line with the message
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("phylo: " + ex.getMessage());
            return 1;
        });
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--endpoint-url", endpoint, "--region", region.id()));
        int exit = cli.execute(all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void runStartsTheExecutionWithTheRunInputAndFollowsItToSuccess() throws Exception {
        Deployed app = deploy("follow", SUCCEEDS, Region.EU_WEST_1);
        Result result = cloudIn(
                Region.EU_WEST_1,
                "run",
                "--stack",
                app.stack(),
                "--symbols",
                "SPY,QQQ",
                "--interval",
                "1d",
                "--population",
                "64",
                "--generations",
                "3",
                "--batch-size",
                "16",
                "--seed",
                "7",
                "--max-concurrency",
                "4",
                "--objective",
                "sortino",
                "--from",
                "2015-01-01",
                "--run-id",
                "Run-Follow-1",
                "--poll-seconds",
                "0.2");

        assertThat(result.err()).isEmpty();
        assertThat(result.exit()).as(result.out()).isZero();
        assertThat(result.out())
                .contains("run run-follow-1 started")
                .contains("generation   1/3   best   1.2500")
                .contains("run run-follow-1 SUCCEEDED")
                .contains("report s3://phylo-reports-test/reports/run-follow-1/report.html");

        ExecutionListItem listed =
                sfn(app).listExecutions(r -> r.stateMachineArn(app.stateMachineArn())).executions().stream()
                        .filter(e -> e.name().equals("run-follow-1"))
                        .findFirst()
                        .orElseThrow();
        DescribeExecutionResponse execution = sfn(app).describeExecution(r -> r.executionArn(listed.executionArn()));
        assertThat(execution.statusAsString()).isEqualTo("SUCCEEDED");
        JsonNode input = JSON.readTree(execution.input());
        assertThat(input.path("runId").asText()).isEqualTo("run-follow-1");
        assertThat(input.path("symbols").toString()).isEqualTo("[\"SPY\",\"QQQ\"]");
        assertThat(input.path("interval").asText()).isEqualTo("1d");
        assertThat(input.path("populationSize").asInt()).isEqualTo(64);
        assertThat(input.path("generations").asInt()).isEqualTo(3);
        assertThat(input.path("batchSize").asInt()).isEqualTo(16);
        assertThat(input.path("seed").asLong()).isEqualTo(7);
        assertThat(input.path("maxConcurrency").asInt()).isEqualTo(4);
        assertThat(input.path("objective").asText()).isEqualTo("sortino");
        assertThat(input.path("from").asText()).isEqualTo("2015-01-01");
        assertThat(input.has("to"))
                .as("options not given are left to the seed function")
                .isFalse();
    }

    @Test
    void runWithOnlyTheStackSendsRunIdAndSymbolsAndADefaultRunId() throws Exception {
        Deployed app = deploy("defaults", SUCCEEDS, Region.EU_WEST_2);
        Result result = cloudIn(Region.EU_WEST_2, "run", "--stack", app.stack(), "--no-follow");

        assertThat(result.exit()).as(result.err()).isZero();
        String arn = result.out()
                .lines()
                .filter(l -> l.strip().startsWith("execution "))
                .findFirst()
                .orElseThrow()
                .strip()
                .substring("execution ".length());
        JsonNode input = JSON.readTree(
                sfn(app).describeExecution(r -> r.executionArn(arn)).input());
        assertThat(input.path("runId").asText()).matches("run-\\d{8}-\\d{6}-s42");
        assertThat(arn).endsWith(":" + input.path("runId").asText());
        List<String> fields = new ArrayList<>();
        input.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("runId", "symbols");
    }

    @Test
    void progressComesFromTheRunRowWithADatabaseUrl(@TempDir Path dir) throws IOException {
        Deployed app = deploy("database", SUCCEEDS, Region.EU_SOUTH_1);
        String runId = "run-db-" + PREFIX.substring("cloudtest-".length());
        TestDatabase.execute("""
                INSERT INTO runs (run_id, config, seed, status, generations_planned, generation, evaluated, best_fitness)
                VALUES (?, '{}'::jsonb, 7, 'running', 5, 3, 400, 2.5)""", runId);

        Result result = cloudIn(
                Region.EU_SOUTH_1,
                "run",
                "--stack",
                app.stack(),
                "--run-id",
                runId,
                "--database-url-file",
                Files.writeString(
                                dir.resolve("database-url"), TestDatabase.url().toConnectionUri() + "\n")
                        .toString(),
                "--poll-seconds",
                "0.2");

        assertThat(result.exit()).as(result.out() + result.err()).isZero();
        assertThat(result.out())
                .contains("progress from postgresql://")
                .doesNotContain(TestDatabase.url().password())
                .contains("generation   4/5   best   2.5000  evaluated 400")
                .contains("SUCCEEDED");
    }

    @Test
    void runPrintsThePlansSummaryBeforeItStartsAndWithoutTheStack() {
        // the stack does not exist: the plan line comes first, from the template and the options alone
        Result sized = cloud(
                "run",
                "--stack",
                PREFIX + "-nope",
                "--symbols",
                "SPY,QQQ",
                "--bars",
                "100000",
                "--population",
                "10000",
                "--generations",
                "20",
                "--max-concurrency",
                "50",
                "--strategy-bars-per-second",
                "1e8");
        assertThat(sized.exit()).isEqualTo(1);
        assertThat(sized.err()).contains("stack " + PREFIX + "-nope does not exist");
        assertThat(sized.out())
                .containsPattern("plan      200,000 evaluations in 100 batch\\(es\\) of 100 per generation; about "
                        + ".+ and \\$[0-9.,]+ at maxConcurrency 50 \\(account concurrency quota needed: [0-9,]+\\)")
                .contains("(phylo cloud plan for the details)");

        Result unsized = cloud("run", "--stack", PREFIX + "-nope");
        assertThat(unsized.out()).contains("plan      add --bars N or --years Y");

        // seed would refuse it; the run still goes to the seed, which decides with the deployed settings
        Result misfit = cloud(
                "run",
                "--stack",
                PREFIX + "-nope",
                "--bars",
                "10000000",
                "--batch-size",
                "5000",
                "--strategy-bars-per-second",
                "1e8");
        assertThat(misfit.out())
                .contains("plan      seed will refuse this run with the template's defaults: "
                        + "batchSize 5000 over 7,000,000 bars per strategy");
    }

    @Test
    void aBadDatabaseUrlFailsBeforeStarting() {
        Result result = cloud("run", "--stack", PREFIX + "-nope", "--database-url", "mysql://x");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("bad --database-url");
    }

    @Test
    void noFollowThenStatus() throws InterruptedException {
        Deployed app = deploy("status", SUCCEEDS, Region.EU_WEST_3);
        Result started = cloudIn(
                Region.EU_WEST_3,
                "run",
                "--stack",
                app.stack(),
                "--symbols",
                "SPY",
                "--run-id",
                "run-status-1",
                "--no-follow");
        assertThat(started.exit()).as(started.err()).isZero();
        assertThat(started.out()).contains("phylo cloud status arn:aws:states:");
        String arn = app.execution("run-status-1");

        Result status = cloudIn(Region.EU_WEST_3, "status", arn);
        assertThat(status.exit()).as(status.err()).isZero();
        assertThat(status.out())
                .contains("execution " + arn)
                .containsPattern("status +(RUNNING|SUCCEEDED)")
                .contains("run id  run-status-1")
                .contains("started ");

        // once it has finished, status names the report in S3 (from the execution output's $.report)
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!sfn(app).describeExecution(r -> r.executionArn(arn))
                        .statusAsString()
                        .equals("SUCCEEDED")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        Result done = cloudIn(Region.EU_WEST_3, "status", arn);
        assertThat(done.out())
                .contains("status  SUCCEEDED")
                .contains("report  s3://phylo-reports-test/reports/run-follow-1/report.html");
    }

    @Test
    void aFailedRunExitsOneWithTheErrorAndCause() {
        Deployed app = deploy("fails", FAILS, Region.EU_NORTH_1);
        Result result = cloudIn(
                Region.EU_NORTH_1, "run", "--stack", app.stack(), "--run-id", "run-fails-1", "--poll-seconds", "0.2");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out())
                .contains("run run-fails-1 FAILED")
                .contains("Phylo.NoBars")
                .contains("no bars for SPY 1h")
                .doesNotContain("report.html");

        String arn = app.execution("run-fails-1");
        Result status = cloudIn(Region.EU_NORTH_1, "status", arn);
        assertThat(status.out())
                .contains("status  FAILED")
                .contains("error   Phylo.NoBars")
                .contains("cause   no bars for SPY 1h")
                .contains("stopped ");
    }

    @Test
    void uploadPutsTheFileUnderRawSymbolIntervalWithMetadata(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("orcl-1995-2014.csv");
        Files.writeString(csv, "time,open,high,low,close,volume\n1995-01-03,1,2,0.5,1.5,100\n");

        Deployed app = deploy("upload", SUCCEEDS, REGION);
        String bucket = app.bucket();
        Result result = cloud("upload", csv.toString(), "--stack", app.stack(), "--symbol", "ORCL", "--interval", "1d");

        assertThat(result.exit()).as(result.err()).isZero();
        String key = "raw/ORCL/1d/orcl-1995-2014.csv";
        assertThat(result.out()).contains("s3://" + bucket + "/" + key).contains("etag \"");
        HeadObjectResponse head =
                MotoServer.s3().headObject(r -> r.bucket(bucket).key(key));
        assertThat(head.metadata()).containsEntry("symbol", "ORCL").containsEntry("interval", "1d");
        assertThat(head.contentLength()).isEqualTo(Files.size(csv));
    }

    @Test
    void uploadRejectsMissingAndNonCsvFiles(@TempDir Path dir) throws Exception {
        String stack = deploy("badfiles", SUCCEEDS, REGION).stack();
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "x");
        Result wrongType = cloud("upload", text.toString(), "--stack", stack, "--symbol", "ORCL", "--interval", "1d");
        assertThat(wrongType.exit()).isEqualTo(1);
        assertThat(wrongType.err()).contains("is not a .csv or .csv.gz file");

        Result missing = cloud(
                "upload",
                dir.resolve("nope.csv.gz").toString(),
                "--stack",
                stack,
                "--symbol",
                "ORCL",
                "--interval",
                "1d");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.csv.gz does not exist");

        Path csv = dir.resolve("a.csv");
        Files.writeString(csv, "x");
        Result badInterval = cloud("upload", csv.toString(), "--stack", stack, "--symbol", "ORCL", "--interval", "7q");
        assertThat(badInterval.exit()).isEqualTo(1);
        assertThat(badInterval.err()).contains("bad --interval '7q'");
    }

    @Test
    void missingStackOutputNamesTheStackAndItsOutputs() {
        String bare = PREFIX + "-bare";
        cloudFormation.createStack(r -> r.stackName(bare).templateBody("""
                {"Resources": {"Bucket": {"Type": "AWS::S3::Bucket"}},
                 "Outputs": {"SomethingElse": {"Value": "x"}}}"""));

        Result result = cloud("run", "--stack", bare, "--no-follow");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("stack " + bare + " has no output StateMachineArn (it has SomethingElse)");
    }

    @Test
    void unknownStackAndBadRunIdAreClearErrors() {
        Result unknown = cloud("run", "--stack", PREFIX + "-nope");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("stack " + PREFIX + "-nope does not exist");

        Result badId = cloud("run", "--stack", PREFIX + "-nope", "--run-id", "run_with_underscores");
        assertThat(badId.exit()).isEqualTo(1);
        assertThat(badId.err()).contains("bad --run-id 'run_with_underscores'");

        Result badArn = cloud("status", "not-an-arn");
        assertThat(badArn.exit()).isEqualTo(1);
        assertThat(badArn.err()).contains("is not an execution ARN");
    }
}
