/** JMH benchmarks of the engine. */
package dev.phylo.bench;
