package dev.phylo.cli.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code phylo cloud plan} through the command line, against the shipped template and state machine, with the
 * engine's throughput fixed by {@code --strategy-bars-per-second} so that the figures are the same every time. The run:
 * SPY and QQQ, 100,000 bars each, 10,000 strategies for 20 generations at maxConcurrency 50 (CloudPlanArithmeticTest
 * works the same run by hand).
 */
class CloudPlanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] RUN = {
        "plan",
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
        "1e8"
    };

    record Result(int exit, String out, String err) {}

    private static Result cloud(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new CloudCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("phylo: " + ex.getMessage());
            return 1;
        });
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private static String[] with(String... more) {
        String[] all = new String[RUN.length + more.length];
        System.arraycopy(RUN, 0, all, 0, RUN.length);
        System.arraycopy(more, 0, all, RUN.length, more.length);
        return all;
    }

    @Test
    void printsTheWorkTheTransitionsAndTheDollarsWithThePricesNamed() {
        Result r = cloud(RUN);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("Run       SPY,QQQ, 1h bars: 100,000 per symbol (--bars), 70,000 in sample")
                .contains("Work      200,000 evaluations (28,000,000,000 strategy-bars); validation re-tests 10,010")
                .contains("Batches   100 per generation of 100 strategies (2,000 in all)")
                .contains("Engine    100,000,000 strategy-bars/s per vCPU, given (--strategy-bars-per-second); "
                        + "Lambda gives 1 vCPU per 1,769 MB")
                // evaluate at the template's 1,769 MB: 320 s, 320 x 1,769 / 1,024 = 552.8 GB-s
                .containsPattern("evaluate +2,000 +1769 MB +320\\.0 +552\\.8 ")
                .containsPattern("breed +19 ")
                .containsPattern("persist +20 ")
                .contains("STANDARD 2,086 transitions: 86 parent states (4 x generations + 6)")
                .contains("EXPRESS 2,000 children, 25.0 GB-seconds")
                .contains("S3        43 PUT")
                .contains("nat mode:")
                .contains("private mode:")
                .containsPattern("Cost      \\$[0-9.,]+ \\(")
                .contains("GB-second of Lambda duration, x86_64")
                .contains("us-east-1, https://aws.amazon.com/lambda/pricing/, checked 2026-12-06")
                .contains("https://neon.com/docs/introduction/plans");
    }

    @Test
    void jsonCarriesTheSameFigures() throws Exception {
        Result r = cloud(with("--json"));

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode plan = JSON.readTree(r.out());
        assertThat(plan.at("/work/evaluations").asLong()).isEqualTo(200_000);
        assertThat(plan.at("/work/strategyBars").asLong()).isEqualTo(28_000_000_000L);
        assertThat(plan.at("/work/batchSize").asInt()).isEqualTo(100);
        assertThat(plan.at("/work/batches").asLong()).isEqualTo(2_000);
        assertThat(plan.at("/engine/mbPerVcpu").asInt()).isEqualTo(1769);
        assertThat(plan.at("/lambda/functions/evaluate/gbSeconds").asDouble()).isCloseTo(552.8125, within(1e-9));
        assertThat(plan.at("/stepFunctions/standard/transitions").asLong()).isEqualTo(2_086);
        assertThat(plan.at("/stepFunctions/express/executions").asLong()).isEqualTo(2_000);
        assertThat(plan.at("/s3/puts").asLong()).isEqualTo(43);
        assertThat(plan.at("/time/accountConcurrencyQuota").asInt())
                .isEqualTo(plan.at("/time/reservedConcurrency").asInt() + 100);
        JsonNode usd = plan.get("usd");
        assertThat(usd.get("total").asDouble())
                .isCloseTo(
                        usd.get("lambda").asDouble()
                                + usd.get("stepFunctions").asDouble()
                                + usd.get("efs").asDouble()
                                + usd.get("s3").asDouble()
                                + usd.get("network").asDouble()
                                + usd.get("neon").asDouble(),
                        within(1e-9));
        assertThat(plan.get("prices")).isNotEmpty().allSatisfy(price -> {
            assertThat(price.get("usd").asDouble()).isPositive();
            assertThat(price.get("region").asText()).isNotBlank();
            assertThat(price.get("source").asText()).startsWith("https://");
            assertThat(price.get("checked").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(plan.get("summary").asText()).startsWith("200,000 evaluations in 100 batch(es) of 100");
    }

    @Test
    void theConsolesJsonIsAnInputAndOptionsOverrideIt(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("run.json");
        Files.writeString(input, """
                {"runId": "nightly", "symbols": ["ORCL"], "interval": "1m", "populationSize": 1000,
                 "generations": 5, "objective": "sortino", "maxConcurrency": 10}""");

        Result r = cloud(
                "plan",
                "--input",
                input.toString(),
                "--population",
                "2000",
                "--years",
                "1",
                "--strategy-bars-per-second",
                "1e8",
                "--json");

        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode plan = JSON.readTree(r.out());
        assertThat(plan.at("/input/symbols/0").asText()).isEqualTo("ORCL");
        assertThat(plan.at("/input/populationSize").asInt()).isEqualTo(2_000);
        // a year of minutes, 24 h a day: 365.25 x 1,440
        assertThat(plan.at("/input/barsPerSymbol").asLong()).isEqualTo(525_960);
        assertThat(plan.at("/work/evaluations").asLong()).isEqualTo(10_000);
        assertThat(plan.at("/work/concurrency").asInt()).isEqualTo(10);
    }

    @Test
    void withoutAnOverrideTheEngineIsMeasuredHere() {
        Result r = cloud("plan", "--bars", "10000", "--population", "100", "--generations", "2");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("Engine    [1-9][0-9,]* strategy-bars/s per vCPU, measured on this machine");
    }

    @Test
    void mistakesAreNamed(@TempDir Path dir) throws Exception {
        assertThat(cloud("plan", "--population", "100").err()).contains("a plan needs the data's size: --bars N");
        assertThat(cloud("plan", "--bars", "1000", "--years", "2").err()).contains("give --bars or --years, not both");
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"symbols\": [\"SPY\"], \"populaton\": 10}");
        assertThat(cloud("plan", "--input", typo.toString(), "--bars", "1000").err())
                .contains("--input " + typo + ": unknown field(s) [populaton]");
        assertThat(cloud("plan", "--bars", "1000", "--walk-forward", "4").err())
                .contains("a plan prices one ordinary run; a walk-forward run is its 4 folds");
        Result outOfRange = cloud(with("--batch-size", "20000"));
        assertThat(outOfRange.exit()).isEqualTo(1);
        assertThat(outOfRange.err()).contains("batchSize (--batch-size) = 20000: expected 1..10000");
        // seed's own refusal: 5,000 strategies of 2 x 700,000 in-sample bars need 140 s at the planning 5e7/s, and a
        // batch may take 30 s: 30 x 5e7 / 1,400,000 = 1,071 would fit
        Result misfit = cloud(
                "plan",
                "--symbols",
                "SPY,QQQ",
                "--bars",
                "1000000",
                "--batch-size",
                "5000",
                "--strategy-bars-per-second",
                "1e8");
        assertThat(misfit.exit()).isEqualTo(1);
        assertThat(misfit.err())
                .contains("batchSize 5000 over 1,400,000 bars per strategy needs about 140 s per batch")
                .contains("use batchSize <= 1071");
    }
}
