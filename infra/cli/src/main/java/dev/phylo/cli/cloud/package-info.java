/**
 * {@code phylo cloud}: works with a deployed stack, whose state machine and buckets it finds from the stack's
 * CloudFormation outputs. {@link dev.phylo.cli.cloud.CloudCommand} groups {@link dev.phylo.cli.cloud.CloudRunCommand}
 * (start the stack's state machine with a run input and follow the execution to its end),
 * {@link dev.phylo.cli.cloud.CloudStatusCommand} (one execution's status, times, run id and error) and
 * {@link dev.phylo.cli.cloud.CloudUploadCommand} (put a CSV into the raw-data bucket, where its {@code ObjectCreated}
 * notification runs ingest); {@link dev.phylo.cli.cloud.AwsOptions} holds the {@code --region}, {@code --endpoint-url}
 * and {@code --profile} options shared by all of them. It may depend on the AWS SDK v2 (CloudFormation, Step Functions
 * and S3, over the URL-connection HTTP client), picocli, Jackson, the engine's {@code data} package and
 * {@code dev.phylo.store}'s {@code DatabaseUrl} (progress read over JDBC from the {@code runs} row, for users with
 * database access). It reaches the deployment only through AWS APIs and that optional database URL, never through the
 * local runner in {@code dev.phylo.cli.run}.
 */
package dev.phylo.cli.cloud;
