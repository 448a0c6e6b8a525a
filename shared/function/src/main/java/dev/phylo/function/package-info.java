/**
 * What every Phylo function shares: {@link dev.phylo.function.LambdaHandler}, the JVM Lambda handler every function
 * names (Funqy's stream handler, with the invocation's request id in the logging context so that each JSON log line
 * carries it, and with the function's own exception reported instead of Funqy's wrapper),
 * {@link dev.phylo.function.InvalidRequestException}, the one exception type a function throws for a bad request
 * (Lambda reports it under its class name, which a Step Functions {@code Retry} or {@code Catch} can match), and the
 * configuration defaults every function starts from, in {@code META-INF/microprofile-config.properties}.
 *
 * <p>It depends only on Quarkus Funqy for Amazon Lambda (which brings the Lambda runtime interfaces, Jackson and JBoss
 * Logging), on no other Phylo module, so that it stays a few classes every function can carry; the parent POM of
 * {@code functions/} puts it on every function's classpath. Anything that needs the database, the shared folder or the
 * engine belongs in another shared module, not here.
 */
package dev.phylo.function;
