/**
 * {@code phylo cloud plan}: what a run will do, take and cost on AWS before it starts, without AWS.
 * {@link dev.phylo.cli.plan.CloudPlan} computes every figure from the run input ({@link dev.phylo.cli.plan.PlanInput}),
 * the template and its state machine ({@link dev.phylo.cli.plan.Deployment},
 * {@link dev.phylo.cli.plan.StateMachineShape}), the engine measured on this machine
 * ({@link dev.phylo.cli.plan.EngineProbe}), the stated assumptions ({@link dev.phylo.cli.plan.PlanningFigures}) and
 * the one price table ({@link dev.phylo.cli.plan.Price}); batches are sized by the seed function's own
 * {@link dev.phylo.evolution.BatchSizing}. {@link dev.phylo.cli.plan.PlanText} and {@link dev.phylo.cli.plan.PlanJson}
 * print it. It may depend on the engine, {@code dev.phylo.evolution}, {@code dev.phylo.efs}'s record types and the
 * local runner's template reader ({@code dev.phylo.cli.run.SamTemplates}); never on the AWS SDK.
 */
package dev.phylo.cli.plan;
