/**
 * The report Lambda, the last steps of a run, deployed once per export: {@code validate} backtests the run's top K
 * distinct strategies in and out of sample on every symbol and judges them (deflated Sharpe ratio, probability of
 * backtest overfitting, overfit flag), writing {@code validation.json}; {@code report} writes the self-contained
 * {@code report.html} (inline CSS and SVG charts, no script) and {@code report.json}, copies them to the report bucket
 * when one is configured, and marks the run succeeded; {@code fail}, the state machine's failure handler, records a
 * failed run and never fails itself. {@link dev.phylo.functions.report.ReportFunctions} is the thin {@code @Funq} class
 * over the {@code @ApplicationScoped} {@link dev.phylo.functions.report.ValidationService},
 * {@link dev.phylo.functions.report.ReportService} and {@link dev.phylo.functions.report.FailureService}. Every file it
 * writes is a function of the run files and snapshots alone (no timestamp), so a replayed step rewrites nothing. It may
 * depend on {@code dev.phylo.evolution} and {@code dev.phylo.evolution.validation}, {@code dev.phylo.efs}, the engine,
 * {@code dev.phylo.store} (the {@code runs} row only: {@code validate} does not touch the database), the common
 * {@code dev.phylo.function} module, Quarkus Funqy and the AWS SDK's S3 client (URL-connection HTTP client only); on
 * nothing else in {@code functions/} and nothing in {@code infra/} outside test scope. Its one use of
 * {@code dev.phylo.efs.internal} is naming the snapshot records of {@code EfsJson.JSON_TYPES} for native-image
 * reflection ({@code NativeTypes}); nothing else here may use that package.
 */
package dev.phylo.functions.report;
