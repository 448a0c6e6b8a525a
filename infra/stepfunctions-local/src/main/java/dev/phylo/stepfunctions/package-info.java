/**
 * The stand-in for AWS Step Functions on a developer's machine: a small, strict interpreter of the Amazon States
 * Language. {@link dev.phylo.stepfunctions.StateMachine#parse} validates a definition (anything it does not implement
 * fails there, naming the state and the field) and {@link dev.phylo.stepfunctions.StateMachine#start} runs an
 * {@link dev.phylo.stepfunctions.Execution}, calling tasks through a {@link dev.phylo.stepfunctions.TaskInvoker} and
 * recording a console-style history of {@link dev.phylo.stepfunctions.HistoryEvent}s. A Distributed Map's ItemReader
 * and ResultWriter use an {@link dev.phylo.stepfunctions.ObjectStore} in place of Amazon S3. It fails the way AWS fails:
 * the service's limits (payload sizes, including the results a Map or Parallel state collects, history length,
 * timeouts, the EXPRESS duration) with AWS's error names; {@link dev.phylo.stepfunctions.ExecutionOptions} holds them.
 *
 * <p>Runs only on a developer's machine (infra/): it depends on the JDK, Jackson and JsonPath and on no other Phylo
 * module, and no function may depend on it. {@code dev.phylo.stepfunctions.internal} holds the implementation.
 */
package dev.phylo.stepfunctions;
