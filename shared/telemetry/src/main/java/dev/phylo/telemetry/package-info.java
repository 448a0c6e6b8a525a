/**
 * Custom CloudWatch metrics without an API call: {@link dev.phylo.telemetry.Emf} writes a
 * {@link dev.phylo.telemetry.Metric} (name, CloudWatch unit, value) as one Embedded Metric Format JSON line on standard
 * output, in namespace {@code Phylo} with the dimension {@code FunctionName} (from {@code AWS_LAMBDA_FUNCTION_NAME},
 * {@code "local"} elsewhere), and CloudWatch Logs turns the line into a metric. Used by the store (database latency,
 * the connection pool) and by the ingest, evaluate and health functions; {@link dev.phylo.telemetry.Emf#tap()} gives
 * tests a copy of the lines a function emitted. It depends on no other Phylo module and on no framework, only on Jackson
 * (to build the line) and the JDK, so that any shared module can use it; it writes nothing but standard output and
 * never talks to AWS itself.
 */
package dev.phylo.telemetry;
