/**
 * The {@code phylo} command line, the local entry point (picocli; the jar's main class is {@link dev.phylo.cli.Phylo}).
 * This package holds the root command, its error handling (one line on stderr, exit code 1, the stack trace only with
 * {@code --debug}) and the commands that need nothing but the engine: {@code backtest} (one strategy on one CSV file,
 * as a readable report or JSON), {@code synth} (a seeded synthetic OHLCV series as CSV) and {@code examples} (the
 * bundled example strategies). The pipeline commands live in {@link dev.phylo.cli.run} ({@code run}, {@code runs},
 * {@code report}) and {@link dev.phylo.cli.cloud} ({@code cloud}); {@code Phylo} only registers them. This package may
 * depend on the engine ({@code data}, {@code strategy}, {@code backtest}, {@code metrics}), picocli, Jackson and its
 * two subpackages; neither subpackage depends on it. Like everything under {@code infra/}, the CLI runs on a
 * developer's machine and never in Lambda, and no module under {@code shared/} or {@code functions/} may depend on it.
 */
package dev.phylo.cli;
