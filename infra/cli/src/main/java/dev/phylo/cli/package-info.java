/** The phylo command line. */
package dev.phylo.cli;
