/**
 * The implementation of {@link dev.phylo.stepfunctions}; not an API. The parser ({@code Parser} with its
 * {@code StateParsers}, {@code ActionParsers}, {@code TaskParsers} and {@code FanOutParsers}) turns a definition into
 * the immutable {@code Model} ({@code MapIoParsers} reads a Distributed Map's ItemReader and ResultWriter); the engine
 * ({@code Engine}, {@code Interpreter}, {@code History}) runs it, with the states' behaviour in {@code SimpleStates},
 * {@code TaskStates}, {@code MapStates}, {@code ParallelStates} and {@code DistributedMap} (reading items with
 * {@code ItemReaders}, exporting results with {@code ResultExporter}), the object stores in {@code
 * DirectoryObjectStore} and {@code NoObjectStore}, Retry and Catch in {@code ErrorHandler}, paths in {@code PathExpr}
 * and {@code ResultPath}, and the intrinsic functions in {@code Intrinsics} and its per-family classes. Only {@code
 * dev.phylo.stepfunctions} should use this package.
 */
package dev.phylo.stepfunctions.internal;
