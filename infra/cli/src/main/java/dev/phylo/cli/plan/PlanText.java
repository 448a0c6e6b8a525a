package dev.phylo.cli.plan;

import static dev.phylo.cli.plan.PlanningFigures.BYTES_PER_GB;

import dev.phylo.cli.plan.CloudPlan.FunctionUse;
import dev.phylo.cli.plan.Deployment.Step;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** {@code phylo cloud plan}'s text: the figures by section, then the dollars, the prices they used and the warnings. */
public final class PlanText {

    private PlanText() {}

    public static void print(CloudPlan plan, PrintWriter out) {
        PlanInput in = plan.input();
        CloudPlan.Work w = plan.work();
        Deployment d = plan.deployment();
        line(
                out,
                "Run       %s, %s bars: %,d per symbol (%s), %,d in sample",
                String.join(",", in.symbols()),
                in.interval(),
                in.bars(),
                in.barsBasis(),
                in.inSampleBars());
        line(
                out,
                "          population %,d x %,d generations at maxConcurrency %,d; every generation counted "
                        + "(stallGenerations may stop a run earlier)",
                in.population(),
                in.generations(),
                w.concurrency());
        line(
                out,
                "Work      %,d evaluations (%,d strategy-bars); validation re-tests %,d (%,d strategy-bars: the top "
                        + "%d in and out of sample on every symbol, the last generation once for PBO)",
                w.evaluations(),
                w.strategyBars(),
                w.validationRetests(),
                w.validationStrategyBars(),
                w.validationRetests() - in.population());
        line(
                out,
                "Batches   %,d per generation of %,d strategies (%,d in all), sized as seed sizes them: about %.1f s "
                        + "each at the planning %,.0f strategy-bars/s per vCPU, within the %.0f s a batch may take",
                w.batchesPerGeneration(),
                w.batchSize(),
                w.batches(),
                w.seedBatchSeconds(),
                d.planningThroughput(),
                w.batchBudgetSeconds());
        line(
                out,
                "Engine    %,.0f strategy-bars/s per vCPU, %s; Lambda gives 1 vCPU per %,d MB "
                        + "(https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html): a batch takes "
                        + "about %.1f s on evaluate's %,d MB",
                plan.measured().strategyBarsPerSecond(),
                plan.measured().throughputBasis(),
                PlanningFigures.MB_PER_VCPU,
                w.batchSeconds(),
                d.function(Step.EVALUATE).memoryMb());
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        line(
                out,
                "Lambda    %s, from %s",
                d.architecture(),
                d.template().startsWith(here) ? here.relativize(d.template()) : d.template());
        line(
                out,
                "          %-10s %13s %9s %14s %14s %10s",
                "function",
                "invocations",
                "memory",
                "seconds",
                "GB-seconds",
                "USD");
        for (Step step : Step.values()) {
            FunctionUse f = plan.lambda().get(step);
            line(
                    out,
                    "          %-10s %,13d %6d MB %,14.1f %,14.1f %10.4f",
                    step.label(),
                    f.invocations(),
                    f.memoryMb(),
                    f.seconds(),
                    f.gbSeconds(),
                    f.usd());
        }
        CloudPlan.StepFunctionsUse sfn = plan.stepFunctions();
        line(
                out,
                "Steps     STANDARD %,d transitions: %,d parent states (%s) and one per child the Distributed Map "
                        + "starts",
                sfn.standardTransitions(),
                sfn.parentStates(),
                sfn.formula());
        line(
                out,
                "          EXPRESS %,d children, %,.1f GB-seconds (64 MB, 100 ms increments)",
                sfn.expressRequests(),
                sfn.expressGbSeconds());
        CloudPlan.EfsUse efs = plan.efs();
        line(
                out,
                "EFS       reads %.2f GB with the warm-instance snapshot cache (%,d environments load %d snapshot(s) "
                        + "of %.1f MB once), %.2f GB without; writes %.2f GB",
                efs.readBytesWithCache() / BYTES_PER_GB,
                efs.environments(),
                in.symbols().size(),
                efs.snapshotBytes() / 1e6,
                efs.readBytesWithoutCache() / BYTES_PER_GB,
                efs.writeBytes() / BYTES_PER_GB);
        line(
                out,
                "S3        %,d PUT (batch list, each map run's ResultWriter, the report) and %,d GET (each map "
                        + "run's ItemReader)",
                plan.s3().puts(),
                plan.s3().gets());
        for (CloudPlan.NetworkUse n : new CloudPlan.NetworkUse[] {plan.nat(), plan.privateLink()}) {
            line(
                    out,
                    "%-9s %s mode: %.2f h and %.3f GB, $%.4f: %s",
                    n == plan.nat() ? "Network" : "",
                    n.mode(),
                    n.hours(),
                    n.gb(),
                    n.usd(),
                    n.basis());
        }
        CloudPlan.NeonUse neon = plan.neon();
        line(
                out,
                "Neon      %.2f CU-hours: %s at %.2f CU (%s plan); it is up from the first connection to %.0f min "
                        + "after the last, and persist connects every generation",
                neon.cuHours(),
                duration(neon.activeSeconds()),
                neon.cu(),
                neon.plan(),
                PlanningFigures.NEON_SUSPEND_SECONDS / 60);
        CloudPlan.Timing time = plan.time();
        line(
                out,
                "Time      about %s: %,d wave(s) of batches a generation (%.1f s), %s of Lambda scaling; needs an "
                        + "account concurrency quota of %,d (%,d reserved, %,d for evaluate and the unreserved minimum)",
                duration(time.seconds()),
                time.waves(),
                time.mapSeconds(),
                duration(time.rampSeconds()),
                time.quota(),
                time.reserved(),
                time.quota() - time.reserved());
        CloudPlan.Costs c = plan.costs();
        line(
                out,
                "Cost      $%,.2f (%s network mode; the %s mode: $%,.2f) = Lambda $%,.2f + Step Functions $%,.2f + "
                        + "EFS $%,.2f + S3 $%,.4f + network $%,.2f + Neon $%,.2f; EFS without the cache would add $%,.2f",
                c.total(),
                plan.choices().networkMode(),
                other(plan),
                c.otherNetworkTotal(),
                c.lambda(),
                c.stepFunctions(),
                c.efs(),
                c.s3(),
                c.network(),
                c.neon(),
                efs.usdWithoutCache() - efs.usdWithCache());
        line(
                out,
                "          not counted: free tiers, storage (EFS, S3, Neon GB-months), CloudWatch, X-Ray, cold "
                        + "starts and retries");
        out.println("Prices    (dev.phylo.cli.plan.Price; dollars per unit)");
        for (Price price : used(plan)) {
            line(
                    out,
                    "          %-12s %-66s %s, %s, checked %s",
                    String.format(Locale.ROOT, "%.10f", price.usd())
                            .replaceAll("0+$", "")
                            .replaceAll("\\.$", ""),
                    price.unit(),
                    price.region(),
                    price.source(),
                    price.checked());
        }
        for (String warning : plan.warnings()) {
            line(out, "Warning   %s", warning);
        }
        out.flush();
    }

    /** 45 s, 12.5 min, 3.2 h. */
    public static String duration(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "%.0f s", seconds);
        }
        if (seconds < 5400) {
            return String.format(Locale.ROOT, "%.1f min", seconds / 60);
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
    }

    static Set<Price> used(CloudPlan plan) {
        Set<Price> used = EnumSet.allOf(Price.class);
        used.remove(
                plan.deployment().architecture().equals("arm64")
                        ? Price.LAMBDA_GB_SECOND_X86
                        : Price.LAMBDA_GB_SECOND_ARM);
        return used;
    }

    private static String other(CloudPlan plan) {
        return plan.choices().networkMode().equals("nat") ? "private" : "nat";
    }

    private static void line(PrintWriter out, String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
