/**
 * The implementation of {@link dev.phylo.schema}; not an API. {@link dev.phylo.schema.internal.SecretScrubber} copies
 * an exception chain with the database password masked ({@code ***}, as {@code DatabaseUrl} prints it), so that a
 * failed migration can be logged without leaking it. It uses the JDK only. Only {@code dev.phylo.schema} should use
 * this package.
 */
package dev.phylo.schema.internal;
