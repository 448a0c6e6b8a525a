package dev.phylo.cli.plan;

import static dev.phylo.cli.plan.PlanningFigures.BYTES_PER_GB;
import static dev.phylo.cli.plan.PlanningFigures.CONTROL_SECONDS;
import static dev.phylo.cli.plan.PlanningFigures.EVALUATE_OVERHEAD_SECONDS;
import static dev.phylo.cli.plan.PlanningFigures.MB_PER_VCPU;
import static dev.phylo.cli.plan.PlanningFigures.PERSIST_ROWS_PER_SECOND;
import static dev.phylo.cli.plan.PlanningFigures.RUN_FILE_BYTES_PER_SECOND;

import dev.phylo.cli.plan.Deployment.Step;
import dev.phylo.evolution.BatchSizing;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run will use and cost, before it starts: the work, each function's Lambda time, Step Functions, EFS, S3,
 * the network, Neon, the wall-clock time and the dollars. Every figure follows from the run input, the template
 * ({@link Deployment}), this machine's throughput ({@link Measured}), the assumptions in {@link PlanningFigures} and
 * the prices in {@link Price}; a run that succeeds the first time, with every generation planned (stallGenerations
 * may stop it earlier, so the figures are an upper bound).
 */
public record CloudPlan(
        PlanInput input,
        Deployment deployment,
        Measured measured,
        Choices choices,
        Work work,
        Map<Step, FunctionUse> lambda,
        StepFunctionsUse stepFunctions,
        EfsUse efs,
        S3Use s3,
        NetworkUse nat,
        NetworkUse privateLink,
        NeonUse neon,
        Timing time,
        Costs costs,
        List<String> warnings) {

    /** What the user chose: the network mode and Neon's plan and compute size. */
    public record Choices(String networkMode, String neonPlan, double neonCu) {
        public Choices {
            if (!networkMode.equals("nat") && !networkMode.equals("private")) {
                throw new IllegalArgumentException("--network must be nat or private, got " + networkMode);
            }
            if (!neonPlan.equals("launch") && !neonPlan.equals("scale")) {
                throw new IllegalArgumentException("--neon-plan must be launch or scale, got " + neonPlan);
            }
            if (!(neonCu >= 0.25 && neonCu <= 56)) {
                throw new IllegalArgumentException("--neon-cu must be 0.25..56, got " + neonCu);
            }
        }
    }

    /**
     * @param batchSeconds     one full batch's evaluate invocation at the measured throughput
     * @param seedBatchSeconds the same batch at the planning throughput seed sizes with
     */
    public record Work(
            long evaluations,
            long validationRetests,
            long strategyBars,
            long validationStrategyBars,
            int concurrency,
            int batchSize,
            int batchesPerGeneration,
            long batches,
            double batchSeconds,
            double seedBatchSeconds,
            double batchBudgetSeconds) {}

    public record FunctionUse(
            String logicalId, long invocations, int memoryMb, double seconds, double gbSeconds, double usd) {}

    public record StepFunctionsUse(
            long parentStates,
            String formula,
            long standardTransitions,
            long expressRequests,
            double expressGbSeconds,
            double standardUsd,
            double expressUsd) {}

    /** @param environments evaluate environments, each loading the snapshots once when the cache holds them */
    public record EfsUse(
            long snapshotBytes,
            boolean cacheHoldsSnapshots,
            long environments,
            double readBytesWithCache,
            double readBytesWithoutCache,
            double writeBytes,
            double usdWithCache,
            double usdWithoutCache) {}

    public record S3Use(long puts, long gets, double usd) {}

    public record NetworkUse(String mode, double hours, double gb, double usd, String basis) {}

    public record NeonUse(double activeSeconds, double cu, double cuHours, String plan, double usd) {}

    /** @param quota the account concurrency quota the run needs: what is reserved and evaluate's fan-out */
    public record Timing(double seconds, double mapSeconds, long waves, double rampSeconds, int quota, int reserved) {}

    /** @param otherNetworkTotal the total in the network mode not chosen */
    public record Costs(
            double lambda,
            double stepFunctions,
            double efs,
            double s3,
            double network,
            double neon,
            double total,
            double otherNetworkTotal) {}

    /**
     * The plan.
     *
     * @throws dev.phylo.evolution.BatchDoesNotFitException when seed would refuse the run, with seed's message
     */
    public static CloudPlan of(PlanInput in, Deployment d, Measured m, Choices choices) {
        int symbols = in.symbols().size();
        long inSample = in.inSampleBars();
        int p = in.population();
        int g = in.generations();
        double t = m.strategyBarsPerSecond();
        var evaluate = d.function(Step.EVALUATE);
        int reservedEvaluate = evaluate.reservedConcurrency().orElse(0);
        int concurrency = reservedEvaluate > 0 ? Math.min(in.maxConcurrency(), reservedEvaluate) : in.maxConcurrency();
        BatchSizing sizing = new BatchSizing(
                d.planningThroughput(), evaluate.memoryMb(), Duration.ofSeconds(evaluate.timeoutSeconds()));
        int batchSize = sizing.size(in.batchSize(), p, concurrency, in.barsPerStrategy());
        int perGeneration = (p + batchSize - 1) / batchSize;
        long batches = (long) perGeneration * g;

        long evaluations = (long) p * g;
        long strategyBars = evaluations * in.barsPerStrategy();
        int topK = (int) Math.min(d.validateTopK(), evaluations);
        long validationStrategyBars = (long) topK * symbols * in.bars() + (long) p * inSample;

        Map<Step, Double> seconds = new EnumMap<>(Step.class);
        double vEvaluate = vcpus(evaluate.memoryMb());
        double full = batchSize * (double) in.barsPerStrategy() / (t * vEvaluate) + EVALUATE_OVERHEAD_SECONDS;
        double runBytes = m.batchBytesPerStrategy() + m.resultBytesPerStrategy();
        double history = (double) g * p * runBytes; // every generation's population and results
        seconds.put(Step.HEALTH, CONTROL_SECONDS);
        seconds.put(Step.SEED, CONTROL_SECONDS + files(2.0 * p * m.batchBytesPerStrategy(), d, Step.SEED));
        seconds.put(Step.EVALUATE, strategyBars / (t * vEvaluate) + batches * EVALUATE_OVERHEAD_SECONDS);
        double persistEach =
                CONTROL_SECONDS + p * (1.0 + symbols) / PERSIST_ROWS_PER_SECOND + files(p * runBytes, d, Step.PERSIST);
        seconds.put(Step.PERSIST, g * persistEach);
        double breedEach = CONTROL_SECONDS + files(p * (runBytes + 2 * m.batchBytesPerStrategy()), d, Step.BREED);
        seconds.put(Step.BREED, (g - 1) * breedEach);
        seconds.put(
                Step.VALIDATE,
                CONTROL_SECONDS
                        + files(history, d, Step.VALIDATE)
                        + validationStrategyBars
                                / (t * vcpus(d.function(Step.VALIDATE).memoryMb())));
        seconds.put(Step.REPORT, CONTROL_SECONDS + files(history, d, Step.REPORT));

        Price gbSecond = d.architecture().equals("arm64") ? Price.LAMBDA_GB_SECOND_ARM : Price.LAMBDA_GB_SECOND_X86;
        Map<Step, FunctionUse> lambda = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            var f = d.function(step);
            long invocations = d.stateMachine().invocations(step.substitution(), g, batches);
            double gbSeconds = seconds.get(step) * f.memoryMb() / 1024.0;
            lambda.put(
                    step,
                    new FunctionUse(
                            f.logicalId(),
                            invocations,
                            f.memoryMb(),
                            seconds.get(step),
                            gbSeconds,
                            gbSecond.times(gbSeconds) + Price.LAMBDA_REQUEST.times(invocations)));
        }

        StepFunctionsUse sfn = stepFunctions(d, g, batches, batchSize, p, in.barsPerStrategy(), t * vEvaluate);

        long snapshot =
                (long) PlanningFigures.SNAPSHOT_BYTES_PER_BAR * in.bars() + PlanningFigures.SNAPSHOT_HEADER_BYTES;
        boolean cached = snapshot * symbols <= d.snapshotCacheBytes();
        long environments = Math.min(concurrency, perGeneration);
        double others = (double) g * p * m.batchBytesPerStrategy() // evaluate reads its batch
                + (g - 1.0) * p * runBytes // breed
                + (double) g * p * runBytes // persist
                + 2 * history // validate and report
                + 2.0 * symbols * snapshot; // validate and report load the data
        double withoutCache = (double) batches * symbols * snapshot + others;
        double withCache =
                (cached ? (double) environments * symbols * snapshot : batches * (double) symbols * snapshot) + others;
        double writes = (double) g * p * m.resultBytesPerStrategy() + 2.0 * g * p * m.batchBytesPerStrategy();
        EfsUse efs = new EfsUse(
                snapshot,
                cached,
                environments,
                withCache,
                withoutCache,
                writes,
                Price.EFS_READ_GB.times(withCache / BYTES_PER_GB) + Price.EFS_WRITE_GB.times(writes / BYTES_PER_GB),
                Price.EFS_READ_GB.times(withoutCache / BYTES_PER_GB) + Price.EFS_WRITE_GB.times(writes / BYTES_PER_GB));

        long puts = 1 + (long) PlanningFigures.RESULT_WRITER_PUTS * g + PlanningFigures.REPORT_PUTS;
        S3Use s3 = new S3Use(puts, g, Price.S3_PUT_REQUEST.times(puts) + Price.S3_GET_REQUEST.times(g));

        long waves = (perGeneration + concurrency - 1) / concurrency;
        double map = waves * full;
        long steps = (environments + PlanningFigures.SCALING_ENVIRONMENTS - 1) / PlanningFigures.SCALING_ENVIRONMENTS;
        double ramp = (steps - 1) * PlanningFigures.SCALING_SECONDS;
        Timeline timeline = Timeline.of(
                seconds.get(Step.HEALTH) + seconds.get(Step.SEED),
                map,
                ramp,
                persistEach,
                breedEach,
                g,
                seconds.get(Step.VALIDATE),
                seconds.get(Step.REPORT));
        int quota = d.reservedConcurrency()
                + Math.max(PlanningFigures.UNRESERVED_MINIMUM, reservedEvaluate > 0 ? 0 : concurrency);
        Timing time = new Timing(timeline.seconds(), map, waves, ramp, quota, d.reservedConcurrency());

        double hours = timeline.seconds() / 3600;
        double neonGb = (double) g * p * runBytes / BYTES_PER_GB; // persist turns the run files into rows
        NetworkUse nat = new NetworkUse(
                "nat",
                hours,
                neonGb,
                Price.NAT_GATEWAY_HOUR.times(d.natGateways() * hours)
                        + Price.PUBLIC_IPV4_HOUR.times(d.publicIpv4() * hours)
                        + Price.NAT_GATEWAY_GB.times(neonGb),
                d.natGateways() + " NAT gateway(s) and " + d.publicIpv4() + " public IPv4 address(es) for the run's "
                        + "hours; persist's rows to Neon pass the NAT (S3 takes the free gateway endpoint, EFS stays in "
                        + "the VPC)");
        NetworkUse privateLink = new NetworkUse(
                "private",
                hours,
                neonGb,
                Price.INTERFACE_ENDPOINT_HOUR.times(d.interfaceEndpointZones() * hours)
                        + Price.INTERFACE_ENDPOINT_GB.times(neonGb)
                        + Price.NEON_PRIVATE_TRANSFER_GB.times(neonGb),
                d.interfaceEndpointZones() + " interface endpoint-zone(s) for the run's hours; persist's rows to Neon "
                        + "pass the endpoint and count as Neon private transfer (Private Networking needs Neon's Scale "
                        + "plan)");

        String plan = choices.networkMode().equals("private") ? "scale" : choices.neonPlan();
        NeonUse neon = neon(timeline.neonSeconds(), choices.neonCu(), plan);
        NeonUse otherNeon = neon(
                timeline.neonSeconds(),
                choices.neonCu(),
                choices.networkMode().equals("private") ? choices.neonPlan() : "scale");
        double lambdaUsd =
                lambda.values().stream().mapToDouble(FunctionUse::usd).sum();
        double fixed = lambdaUsd + sfn.standardUsd() + sfn.expressUsd() + efs.usdWithCache() + s3.usd();
        boolean isNat = choices.networkMode().equals("nat");
        NetworkUse chosen = isNat ? nat : privateLink;
        NetworkUse other = isNat ? privateLink : nat;
        Costs costs = new Costs(
                lambdaUsd,
                sfn.standardUsd() + sfn.expressUsd(),
                efs.usdWithCache(),
                s3.usd(),
                chosen.usd(),
                neon.usd(),
                fixed + chosen.usd() + neon.usd(),
                fixed + other.usd() + otherNeon.usd());

        Work work = new Work(
                evaluations,
                topK + (long) p,
                strategyBars,
                validationStrategyBars,
                concurrency,
                batchSize,
                perGeneration,
                batches,
                full,
                sizing.seconds(batchSize, in.barsPerStrategy()),
                sizing.budgetSeconds());
        List<String> warnings = Warnings.of(in, d, m, work, lambda, efs);
        return new CloudPlan(
                in, d, m, choices, work, lambda, sfn, efs, s3, nat, privateLink, neon, time, costs, warnings);
    }

    private static StepFunctionsUse stepFunctions(
            Deployment d, int g, long batches, int batchSize, int p, long barsPerStrategy, double perSecond) {
        long parent = d.stateMachine().parentStates(g);
        int last = p % batchSize;
        long fullPerGeneration = p / batchSize;
        double gbSeconds = g
                * (fullPerGeneration * express(batchSize, barsPerStrategy, perSecond)
                        + (last > 0 ? express(last, barsPerStrategy, perSecond) : 0));
        long standard = d.stateMachine().standardTransitions(g, batches);
        return new StepFunctionsUse(
                parent,
                d.stateMachine().formula(),
                standard,
                batches,
                gbSeconds,
                Price.SFN_STANDARD_TRANSITION.times(standard),
                Price.SFN_EXPRESS_REQUEST.times(batches) + Price.SFN_EXPRESS_GB_SECOND.times(gbSeconds));
    }

    /** One EXPRESS child's billed GB-seconds: its evaluate invocation, in 100 ms increments, at 64 MB. */
    private static double express(int size, long barsPerStrategy, double perSecond) {
        double seconds = size * (double) barsPerStrategy / perSecond + EVALUATE_OVERHEAD_SECONDS;
        double billed = Math.ceil(seconds / PlanningFigures.EXPRESS_INCREMENT_SECONDS - 1e-9)
                * PlanningFigures.EXPRESS_INCREMENT_SECONDS;
        return billed * PlanningFigures.EXPRESS_MEMORY_GB;
    }

    private static NeonUse neon(double seconds, double cu, String plan) {
        double cuHours = seconds / 3600 * cu;
        Price price = plan.equals("scale") ? Price.NEON_SCALE_CU_HOUR : Price.NEON_LAUNCH_CU_HOUR;
        return new NeonUse(seconds, cu, cuHours, plan, price.times(cuHours));
    }

    /** Seconds to read or write {@code bytes} of run files as JSON on {@code step}'s vCPUs. */
    private static double files(double bytes, Deployment d, Step step) {
        return bytes / (RUN_FILE_BYTES_PER_SECOND * vcpus(d.function(step).memoryMb()));
    }

    static double vcpus(int memoryMb) {
        return memoryMb / (double) MB_PER_VCPU;
    }

    /** The one-line summary {@code phylo cloud run} prints before it starts. */
    public String summary() {
        return String.format(
                Locale.ROOT,
                "%,d evaluations in %,d batch(es) of %,d per generation; about %s and $%,.2f at maxConcurrency %,d "
                        + "(account concurrency quota needed: %,d)",
                work.evaluations(),
                work.batchesPerGeneration(),
                work.batchSize(),
                PlanText.duration(time.seconds()),
                costs.total(),
                work.concurrency(),
                time.quota());
    }
}
