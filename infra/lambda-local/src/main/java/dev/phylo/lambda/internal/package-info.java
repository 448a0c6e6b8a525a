/**
 * Implementation details of the local Lambda: how a function process is launched, supervised and stopped, and how
 * its Runtime API server queues invocations and answers HTTP requests. Not part of the module's API; use the types
 * in {@code dev.phylo.lambda}.
 */
package dev.phylo.lambda.internal;
