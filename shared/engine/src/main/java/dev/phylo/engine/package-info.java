/** Phylo's backtest engine: pure Java, no framework. */
package dev.phylo.engine;
