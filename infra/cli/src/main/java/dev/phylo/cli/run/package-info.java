/**
 * {@code phylo run}, {@code phylo runs} and {@code phylo report}: the whole pipeline on one machine with the real
 * artifacts. {@link dev.phylo.cli.run.RunCommand} ({@link dev.phylo.cli.run.RunOptions}) opens the database (an
 * embedded PostgreSQL 17 under {@code .phylo/pg}, migrated on start, unless {@code --database-url} or
 * {@code NEON_DATABASE_URL} names one), reads {@code sam/template.yaml} ({@link dev.phylo.cli.run.SamTemplates}),
 * starts every function's packaged artifact as a process polling a local Lambda Runtime API, ingests the data through
 * the ingest function (a seeded synthetic market per symbol by default), executes the state machine definition locally
 * and follows progress from the database; {@link dev.phylo.cli.run.RunsCommand} lists past runs and
 * {@link dev.phylo.cli.run.ReportCommand} reprints a run's leaderboard from its {@code report.json}. It may depend on
 * {@code dev.phylo.postgres}, {@code dev.phylo.schema} and {@code dev.phylo.store} (for {@code DatabaseUrl}), the local
 * Step Functions interpreter ({@code dev.phylo.stepfunctions}) and Lambda runtime ({@code dev.phylo.lambda}), the
 * engine's {@code data} package, Jackson (JSON and YAML) and picocli. It talks to the functions only as Lambda
 * processes, through their packaged artifacts: it must not depend on the function modules' classes, so that a local run
 * exercises exactly what is deployed.
 */
package dev.phylo.cli.run;
