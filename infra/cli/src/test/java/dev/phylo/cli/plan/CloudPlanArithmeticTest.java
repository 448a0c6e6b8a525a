package dev.phylo.cli.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.phylo.cli.plan.Deployment.Step;
import dev.phylo.cli.run.SamTemplate;
import dev.phylo.evolution.BatchDoesNotFitException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The plan's arithmetic against a hand calculation. The deployment is written out here (every function at 1,769 MB,
 * one vCPU, so that seconds are work over throughput), with the state machine's shape as StateMachineShapeTest reads
 * it from the file, and the engine's throughput fixed at 100 M strategy-bars/s; nothing is measured.
 *
 * <p>The run: SPY and QQQ, 100,000 bars each with 30 % held out, 10,000 strategies for 20 generations at
 * maxConcurrency 50. Run files: 250 bytes per strategy in a batch, 500 in a result.
 */
class CloudPlanArithmeticTest {

    private static final double GB = 1024.0 * 1024 * 1024;
    private static final double MB_1769_IN_GB = 1769 / 1024.0;

    private final PlanInput input =
            new PlanInput(List.of("SPY", "QQQ"), "1h", 100_000, "--bars", 0.3, 10_000, 20, null, 50);
    private final Measured measured = new Measured(1e8, "given", 250, 500);
    private final CloudPlan plan =
            CloudPlan.of(input, deployment(0), measured, new CloudPlan.Choices("nat", "launch", 0.25));

    @Test
    void workAndBatchesFollowFromTheInputAndSeedsSizing() {
        CloudPlan.Work w = plan.work();
        // 100,000 x (1 - 0.3) = 70,000 in-sample bars per symbol; 2 symbols: 140,000 bars per strategy
        assertThat(input.inSampleBars()).isEqualTo(70_000);
        assertThat(w.evaluations()).isEqualTo(200_000); // 10,000 x 20
        assertThat(w.strategyBars()).isEqualTo(28_000_000_000L); // 200,000 x 140,000
        // top 10 on 2 symbols over all 100,000 bars, and 10,000 for PBO on SPY's 70,000 in-sample bars
        assertThat(w.validationRetests()).isEqualTo(10_010);
        assertThat(w.validationStrategyBars()).isEqualTo(10L * 2 * 100_000 + 10_000L * 70_000);
        // seed: a batch may take 90 / 3 = 30 s at 50 M/s on 1 vCPU = 1.5e9 strategy-bars = 10,714 strategies of
        // 140,000 bars (capped at 10,000); two batches per evaluator: 10,000 / (2 x 50) = 100
        assertThat(w.batchSize()).isEqualTo(100);
        assertThat(w.batchesPerGeneration()).isEqualTo(100);
        assertThat(w.batches()).isEqualTo(2_000);
        assertThat(w.seedBatchSeconds()).isCloseTo(100 * 140_000 / 5e7, within(1e-12)); // 0.28 s
        assertThat(w.batchSeconds()).isCloseTo(100 * 140_000 / 1e8 + 0.020, within(1e-12)); // 0.16 s
    }

    @Test
    void aGenerationTooLargeForAFunctionsMemoryIsAWarningWithTheFigure() {
        // every function has 1,769 MB here; nothing warns at 10,000 strategies
        assertThat(plan.warnings()).noneMatch(w -> w.contains("MemorySize"));

        PlanInput million = new PlanInput(List.of("SPY", "QQQ"), "1h", 300, "--bars", 0.3, 1_000_000, 2, 100, 50);
        CloudPlan big = CloudPlan.of(million, deployment(0), measured, new CloudPlan.Choices("nat", "launch", 0.25));

        // breed: 1,000,000 x 3,550 bytes = 3,385.5 MB (2^20 bytes), rounded up
        assertThat(big.warnings())
                .contains("breed needs about 3,386 MB for a generation of 1,000,000; it has 1,769 MB: raise "
                        + "BreedMemorySize (at most 10,240), or run a smaller population");
        // seed: 2,000 bytes each = 1,907.3 MB
        assertThat(big.warnings())
                .anyMatch(w -> w.startsWith("seed needs about 1,908 MB for a generation of 1,000,000"));
        // validate: 1,000,000 x 2,500 + 2,000,000 evaluations x 430 = 3.36e9 bytes = 3,204.3 MB
        assertThat(big.warnings())
                .anyMatch(w -> w.startsWith("validate needs about 3,205 MB for a generation of 1,000,000 and "
                        + "2,000,000 evaluations; it has 1,769 MB"));
    }

    @Test
    void lambdaSecondsAndGbSecondsPerFunction() {
        Map<Step, CloudPlan.FunctionUse> f = plan.lambda();
        // evaluate: 2.8e10 strategy-bars / 1e8 per s + 2,000 invocations x 20 ms = 280 + 40 s
        assertThat(f.get(Step.EVALUATE).invocations()).isEqualTo(2_000);
        assertThat(f.get(Step.EVALUATE).seconds()).isCloseTo(320.0, within(1e-9));
        assertThat(f.get(Step.EVALUATE).gbSeconds()).isCloseTo(320.0 * MB_1769_IN_GB, within(1e-9)); // 552.8125
        assertThat(f.get(Step.EVALUATE).usd()).isCloseTo(552.8125 * 0.0000166667 + 2_000 * 0.20 / 1e6, within(1e-12));
        // health: 1 s; seed: 1 s + 10,000 x 250 bytes written twice (population, batches) at 20 MB/s = 1.25 s
        assertThat(f.get(Step.HEALTH).seconds()).isEqualTo(1.0);
        assertThat(f.get(Step.SEED).seconds()).isCloseTo(1.25, within(1e-12));
        // persist, 20 times: 1 s + 30,000 rows (a strategy and 2 metrics rows each) at 60,000/s + 7.5 MB read
        // at 20 MB/s = 1 + 0.5 + 0.375
        assertThat(f.get(Step.PERSIST).invocations()).isEqualTo(20);
        assertThat(f.get(Step.PERSIST).seconds()).isCloseTo(20 * 1.875, within(1e-9));
        // breed, 19 times: 1 s + 10,000 x (750 read + 500 written) bytes at 20 MB/s = 1.625 s
        assertThat(f.get(Step.BREED).invocations()).isEqualTo(19);
        assertThat(f.get(Step.BREED).seconds()).isCloseTo(19 * 1.625, within(1e-9));
        // validate: 1 s + the run's 20 x 10,000 x 750 = 150 MB of run files at 20 MB/s + 702 M strategy-bars at 1e8/s
        assertThat(f.get(Step.VALIDATE).seconds()).isCloseTo(1 + 7.5 + 7.02, within(1e-9));
        assertThat(f.get(Step.REPORT).seconds()).isCloseTo(1 + 7.5, within(1e-9));
        for (CloudPlan.FunctionUse use : f.values()) {
            assertThat(use.gbSeconds()).isCloseTo(use.seconds() * MB_1769_IN_GB, within(1e-9));
        }
    }

    @Test
    void stepFunctionsCountsTheParentsStatesAndOneTransitionPerChild() {
        CloudPlan.StepFunctionsUse sfn = plan.stepFunctions();
        // 3 states before the loop, 3 every generation, 1 between generations, 3 after: 3 + 60 + 19 + 3 = 85
        assertThat(sfn.parentStates()).isEqualTo(85);
        assertThat(sfn.standardTransitions()).isEqualTo(85 + 2_000);
        assertThat(sfn.standardUsd()).isCloseTo(2_085 * 0.025 / 1000, within(1e-12));
        // each child: its 0.16 s evaluate invocation, billed as 0.2 s at 64 MB = 0.0125 GB-s
        assertThat(sfn.expressRequests()).isEqualTo(2_000);
        assertThat(sfn.expressGbSeconds()).isCloseTo(2_000 * 0.2 * 64 / 1024, within(1e-9));
        assertThat(sfn.expressUsd()).isCloseTo(2_000 * 1.0 / 1e6 + 25.0 * 0.00001667, within(1e-12));
    }

    @Test
    void efsReadsWithAndWithoutTheCache() {
        CloudPlan.EfsUse efs = plan.efs();
        long snapshot = 48L * 100_000 + 6 * 128 + 1024; // six 8-byte columns, six .npy headers, snapshot.json
        assertThat(efs.snapshotBytes()).isEqualTo(snapshot);
        assertThat(efs.cacheHoldsSnapshots()).isTrue(); // 2 x 4.8 MB under 256 MiB
        assertThat(efs.environments()).isEqualTo(50);
        double others = 20 * 10_000 * 250.0 // evaluate reads its batches
                + 19 * 10_000 * 750.0 // breed reads populations and results
                + 20 * 10_000 * 750.0 // persist too
                + 2 * 150_000_000.0 // validate and report read the whole run
                + 2 * 2 * snapshot; // and load both snapshots
        assertThat(efs.readBytesWithoutCache()).isCloseTo(2_000 * 2.0 * snapshot + others, within(1e-3));
        assertThat(efs.readBytesWithCache()).isCloseTo(50 * 2.0 * snapshot + others, within(1e-3));
        assertThat(efs.writeBytes()).isCloseTo(20 * 10_000 * 500.0 + 2 * 20 * 10_000 * 250.0, within(1e-3));
        assertThat(efs.usdWithCache())
                .isCloseTo((50 * 2.0 * snapshot + others) / GB * 0.03 + 2e8 / GB * 0.06, within(1e-12));
    }

    @Test
    void timeNeonNetworkS3AndTheQuota() {
        // start 2.25 s; each generation 2 waves of 0.16 s and persist 1.875 s; 19 breeds of 1.625 s; validate 15.52 s
        // and report 8.5 s
        double wall = 2.25 + 20 * (0.32 + 1.875) + 19 * 1.625 + 15.52 + 8.5;
        assertThat(plan.time().waves()).isEqualTo(2);
        assertThat(plan.time().seconds()).isCloseTo(wall, within(1e-9)); // 101.045 s
        // every gap between database uses is under Neon's 5 minutes: up from the start to 300 s after report
        double neonSeconds = wall + 300;
        assertThat(plan.neon().activeSeconds()).isCloseTo(neonSeconds, within(1e-9));
        assertThat(plan.neon().usd()).isCloseTo(neonSeconds / 3600 * 0.25 * 0.14, within(1e-12));
        // 24 reserved elsewhere + 50 evaluators, but at least the 100 Lambda keeps unreserved
        assertThat(plan.time().quota()).isEqualTo(124);
        // batch list, 2 ResultWriter objects per map run, 2 report files; one ItemReader GET per map run
        assertThat(plan.s3().puts()).isEqualTo(43);
        assertThat(plan.s3().gets()).isEqualTo(20);
        double hours = wall / 3600;
        double gb = 20 * 10_000 * 750.0 / GB;
        assertThat(plan.nat().usd()).isCloseTo(hours * 0.045 + hours * 0.005 + gb * 0.045, within(1e-12));
        assertThat(plan.privateLink().usd()).isCloseTo(4 * hours * 0.01 + gb * 0.01 + gb * 0.01, within(1e-12));
        CloudPlan.Costs c = plan.costs();
        assertThat(c.total())
                .isCloseTo(
                        c.lambda()
                                + c.stepFunctions()
                                + c.efs()
                                + c.s3()
                                + plan.nat().usd()
                                + c.neon(),
                        within(1e-12));
        // the private mode prices Neon at the Scale plan, which Private Networking needs
        assertThat(c.otherNetworkTotal())
                .isCloseTo(
                        c.lambda()
                                + c.stepFunctions()
                                + c.efs()
                                + c.s3()
                                + plan.privateLink().usd()
                                + neonSeconds / 3600 * 0.25 * 0.26,
                        within(1e-12));
    }

    @Test
    void reservedEvaluateConcurrencyCapsTheFanOutAndCountsInTheQuota() {
        CloudPlan capped = CloudPlan.of(input, deployment(20), measured, new CloudPlan.Choices("nat", "launch", 0.25));
        // seed caps maxConcurrency 50 at 20: 10,000 / (2 x 20) = 250 per batch, 40 batches, 2 waves
        assertThat(capped.work().concurrency()).isEqualTo(20);
        assertThat(capped.work().batchSize()).isEqualTo(250);
        assertThat(capped.time().waves()).isEqualTo(2);
        assertThat(capped.time().quota()).isEqualTo(24 + 20 + 100);
        assertThat(capped.warnings()).anyMatch(w -> w.contains("capped at evaluate's reserved concurrency 20"));
    }

    @Test
    void aRunSeedWouldRefuseIsRefusedWithSeedsMessage() {
        PlanInput tooLong = new PlanInput(List.of("SPY"), "1m", 3_000_000_000L, "--bars", 0.3, 100, 1, null, 10);
        assertThatThrownBy(() -> CloudPlan.of(tooLong, deployment(0), measured, plan.choices()))
                .isInstanceOf(BatchDoesNotFitException.class)
                .hasMessageContaining("even one strategy would take 42 s"); // 2.1e9 bars / 5e7 per s
    }

    /** The template's functions, every one at 1,769 MB, evaluate reserving {@code evaluateReserved} (0: none). */
    private static Deployment deployment(int evaluateReserved) {
        Map<Step, SamTemplate.Function> functions = new EnumMap<>(Step.class);
        Map<Step, Integer> timeouts = Map.of(
                Step.HEALTH,
                60,
                Step.SEED,
                300,
                Step.EVALUATE,
                90,
                Step.PERSIST,
                300,
                Step.BREED,
                300,
                Step.VALIDATE,
                600,
                Step.REPORT,
                300);
        for (Step step : Step.values()) {
            OptionalInt reserved = step == Step.EVALUATE
                    ? (evaluateReserved > 0 ? OptionalInt.of(evaluateReserved) : OptionalInt.empty())
                    : OptionalInt.of(2);
            functions.put(
                    step,
                    new SamTemplate.Function(
                            step.name() + "Function",
                            Path.of("functions"),
                            "h",
                            "java21",
                            1769,
                            timeouts.get(step),
                            reserved,
                            Map.of()));
        }
        StateMachineShape shape = new StateMachineShape(
                Path.of("evolution.asl.json"),
                List.of("Name the run", "Check health", "Seed first generation"),
                List.of("Evaluate generation", "Persist generation", "Breed next generation or finish?"),
                List.of("Breed next generation"),
                List.of("Validate out of sample", "Write report", "Run succeeded"),
                Map.of(
                        "Check health", "HealthFunctionArn",
                        "Seed first generation", "SeedFunctionArn",
                        "Persist generation", "PersistFunctionArn",
                        "Breed next generation", "BreedFunctionArn",
                        "Validate out of sample", "ValidateFunctionArn",
                        "Write report", "ReportFunctionArn"),
                List.of("EvaluateFunctionArn"));
        // 24 reserved by the other functions of the template (as the shipped one does), plus evaluate's own
        return new Deployment(
                Path.of("template.yaml"),
                shape,
                functions,
                5e7,
                268_435_456L,
                10,
                24 + evaluateReserved,
                "x86_64",
                "nat",
                1,
                1,
                4);
    }
}
