package dev.phylo.cli.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Puts a plan together: the run input, the template, this machine's measurement and the user's choices. */
public final class Planner {

    private Planner() {}

    /**
     * @param input       a run input (the console's JSON, the command line's options put in)
     * @param where       names the input for messages
     * @param networkMode nat or private, or null for the template's default
     */
    public static CloudPlan plan(
            ObjectNode input, String where, PlanOptions options, String networkMode, String neonPlan, double neonCu) {
        PlanInput in = PlanInput.of(input, options.dataSize(), where);
        Deployment deployment = Deployment.read(options.template());
        CloudPlan.Choices choices =
                new CloudPlan.Choices(networkMode != null ? networkMode : deployment.networkMode(), neonPlan, neonCu);
        return CloudPlan.of(in, deployment, EngineProbe.measure(in.symbols(), options.throughput()), choices);
    }
}
