/**
 * The stand-in for AWS Lambda on a developer's machine: {@link dev.phylo.lambda.LocalFunctions} starts each function's
 * packaged artifact ({@link dev.phylo.lambda.FunctionArtifact}: a Quarkus runner jar run through AWS's Runtime
 * Interface Client, as the {@code java21} runtime runs it, or a native {@code bootstrap}) as processes polling a
 * {@link dev.phylo.lambda.RuntimeApiServer}, the Lambda Runtime API on loopback, and
 * {@link dev.phylo.lambda.LocalFunction#invoke} returns an {@link dev.phylo.lambda.InvocationResult} as Lambda reports
 * it, with Lambda's limits and error names (timeouts, payload sizes, crashed environments).
 * {@link dev.phylo.lambda.FunctionConfig} is what {@code sam/template.yaml} says about a function.
 *
 * <p>Runs only on a developer's machine (infra/): it depends on the JDK and Jackson and on no other Phylo module, and
 * no function may depend on it. {@code dev.phylo.lambda.internal} holds the implementation.
 */
package dev.phylo.lambda;
