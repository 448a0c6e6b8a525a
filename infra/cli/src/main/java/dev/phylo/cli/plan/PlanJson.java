package dev.phylo.cli.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.phylo.cli.plan.CloudPlan.FunctionUse;
import dev.phylo.cli.plan.Deployment.Step;

/** {@code phylo cloud plan --json}: the text's figures, unrounded, for programs. Bytes are bytes; money is USD. */
public final class PlanJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlanJson() {}

    public static ObjectNode of(CloudPlan plan) {
        PlanInput in = plan.input();
        CloudPlan.Work w = plan.work();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode input = root.putObject("input");
        ArrayNode symbols = input.putArray("symbols");
        in.symbols().forEach(symbols::add);
        input.put("interval", in.interval())
                .put("barsPerSymbol", in.bars())
                .put("barsBasis", in.barsBasis())
                .put("inSampleBarsPerSymbol", in.inSampleBars())
                .put("outOfSampleFraction", in.outOfSampleFraction())
                .put("populationSize", in.population())
                .put("generations", in.generations())
                .put("maxConcurrency", in.maxConcurrency());
        if (in.batchSize() != null) {
            input.put("batchSize", in.batchSize());
        }
        root.putObject("work")
                .put("evaluations", w.evaluations())
                .put("strategyBars", w.strategyBars())
                .put("validationRetests", w.validationRetests())
                .put("validationStrategyBars", w.validationStrategyBars())
                .put("concurrency", w.concurrency())
                .put("batchSize", w.batchSize())
                .put("batchesPerGeneration", w.batchesPerGeneration())
                .put("batches", w.batches())
                .put("batchSeconds", w.batchSeconds())
                .put("seedBatchSeconds", w.seedBatchSeconds())
                .put("batchBudgetSeconds", w.batchBudgetSeconds())
                .put("planningStrategyBarsPerSecondPerVcpu", plan.deployment().planningThroughput());
        root.putObject("engine")
                .put("strategyBarsPerSecondPerVcpu", plan.measured().strategyBarsPerSecond())
                .put("basis", plan.measured().throughputBasis())
                .put("mbPerVcpu", PlanningFigures.MB_PER_VCPU)
                .put("mbPerVcpuSource", "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html")
                .put("batchBytesPerStrategy", plan.measured().batchBytesPerStrategy())
                .put("resultBytesPerStrategy", plan.measured().resultBytesPerStrategy());
        ObjectNode lambda = root.putObject("lambda");
        lambda.put("architecture", plan.deployment().architecture())
                .put("template", plan.deployment().template().toString());
        ObjectNode functions = lambda.putObject("functions");
        for (Step step : Step.values()) {
            FunctionUse f = plan.lambda().get(step);
            functions
                    .putObject(step.label())
                    .put("logicalId", f.logicalId())
                    .put("invocations", f.invocations())
                    .put("memoryMb", f.memoryMb())
                    .put("seconds", f.seconds())
                    .put("gbSeconds", f.gbSeconds())
                    .put("usd", f.usd());
        }
        CloudPlan.StepFunctionsUse sfn = plan.stepFunctions();
        ObjectNode steps = root.putObject("stepFunctions");
        steps.putObject("standard")
                .put("transitions", sfn.standardTransitions())
                .put("parentStates", sfn.parentStates())
                .put("parentStatesFormula", sfn.formula())
                .put("mapChildrenStarted", sfn.expressRequests())
                .put("usd", sfn.standardUsd());
        steps.putObject("express")
                .put("executions", sfn.expressRequests())
                .put("gbSeconds", sfn.expressGbSeconds())
                .put("usd", sfn.expressUsd());
        CloudPlan.EfsUse efs = plan.efs();
        root.putObject("efs")
                .put("snapshotBytesPerSymbol", efs.snapshotBytes())
                .put("cacheHoldsSnapshots", efs.cacheHoldsSnapshots())
                .put("evaluateEnvironments", efs.environments())
                .put("readBytesWithCache", efs.readBytesWithCache())
                .put("readBytesWithoutCache", efs.readBytesWithoutCache())
                .put("writeBytes", efs.writeBytes())
                .put("usdWithCache", efs.usdWithCache())
                .put("usdWithoutCache", efs.usdWithoutCache());
        root.putObject("s3")
                .put("puts", plan.s3().puts())
                .put("gets", plan.s3().gets())
                .put("usd", plan.s3().usd());
        ObjectNode network = root.putObject("network");
        network.put("mode", plan.choices().networkMode());
        for (CloudPlan.NetworkUse n : new CloudPlan.NetworkUse[] {plan.nat(), plan.privateLink()}) {
            network.putObject(n.mode())
                    .put("hours", n.hours())
                    .put("gb", n.gb())
                    .put("usd", n.usd())
                    .put("basis", n.basis());
        }
        CloudPlan.NeonUse neon = plan.neon();
        root.putObject("neon")
                .put("activeSeconds", neon.activeSeconds())
                .put("cu", neon.cu())
                .put("cuHours", neon.cuHours())
                .put("plan", neon.plan())
                .put("usd", neon.usd());
        CloudPlan.Timing time = plan.time();
        root.putObject("time")
                .put("seconds", time.seconds())
                .put("mapSecondsPerGeneration", time.mapSeconds())
                .put("wavesPerGeneration", time.waves())
                .put("scalingSeconds", time.rampSeconds())
                .put("accountConcurrencyQuota", time.quota())
                .put("reservedConcurrency", time.reserved());
        CloudPlan.Costs c = plan.costs();
        root.putObject("usd")
                .put("lambda", c.lambda())
                .put("stepFunctions", c.stepFunctions())
                .put("efs", c.efs())
                .put("s3", c.s3())
                .put("network", c.network())
                .put("neon", c.neon())
                .put("total", c.total())
                .put("totalOtherNetworkMode", c.otherNetworkTotal());
        ArrayNode prices = root.putArray("prices");
        for (Price price : PlanText.used(plan)) {
            prices.addObject()
                    .put("name", price.name())
                    .put("usd", price.usd())
                    .put("unit", price.unit())
                    .put("region", price.region())
                    .put("source", price.source())
                    .put("checked", price.checked().toString());
        }
        ArrayNode warnings = root.putArray("warnings");
        plan.warnings().forEach(warnings::add);
        root.put("summary", plan.summary());
        return root;
    }
}
