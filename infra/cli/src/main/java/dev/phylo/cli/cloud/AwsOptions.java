package dev.phylo.cli.cloud;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * {@code --region}, {@code --endpoint-url} and {@code --profile}, shared by every {@code phylo cloud} subcommand, and
 * the SDK clients built from them (all over the JDK's URL connection client).
 */
public final class AwsOptions {

    /** Read when {@code --endpoint-url} is not given, as the AWS CLI does. */
    static final String ENDPOINT_ENV = "AWS_ENDPOINT_URL";

    @Option(
            names = "--region",
            description =
                    "AWS region (default: AWS_REGION / the profile's region; " + "us-east-1 with --endpoint-url).")
    String region;

    @Option(
            names = "--endpoint-url",
            description = "Send every AWS call here (moto, LocalStack; default: "
                    + "AWS_ENDPOINT_URL). Without AWS credentials configured, dummy ones are used.")
    String endpointUrl;

    @Option(names = "--profile", description = "A named profile from ~/.aws/config (default: the default chain).")
    String profile;

    @Option(names = "--debug", description = "Print stack traces on failure.")
    boolean debug;

    CloudFormationClient cloudFormation() {
        return configure(CloudFormationClient.builder()).build();
    }

    SfnClient sfn() {
        return configure(SfnClient.builder()).build();
    }

    S3Client s3() {
        // path-style: moto and LocalStack need it, and AWS accepts it for every bucket name we create
        return configure(S3Client.builder()).forcePathStyle(endpoint() != null).build();
    }

    /** The endpoint from the option or the environment, or null for AWS itself. */
    URI endpoint() {
        String url = endpointUrl != null && !endpointUrl.isBlank() ? endpointUrl : System.getenv(ENDPOINT_ENV);
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--endpoint-url '" + url + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(
                    "--endpoint-url '" + url + "' needs a scheme and host, e.g. " + "http://127.0.0.1:5000");
        }
        return uri;
    }

    Region resolvedRegion() {
        if (region != null && !region.isBlank()) {
            return Region.of(region.strip());
        }
        try {
            return profile != null
                    ? DefaultAwsRegionProviderChain.builder()
                            .profileName(profile)
                            .build()
                            .getRegion()
                    : new DefaultAwsRegionProviderChain().getRegion();
        } catch (RuntimeException e) {
            if (endpoint() != null) {
                return Region.US_EAST_1;
            }
            throw new IllegalArgumentException("no AWS region: pass --region, set AWS_REGION, or set a region in "
                    + "~/.aws/config" + (profile != null ? " for profile " + profile : ""));
        }
    }

    private AwsCredentialsProvider credentials() {
        if (profile != null && !profile.isBlank()) {
            return ProfileCredentialsProvider.create(profile);
        }
        if (endpoint() != null && !hasConfiguredCredentials()) {
            // moto and LocalStack accept anything; these are not secrets
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean hasConfiguredCredentials() {
        return present(System.getenv("AWS_ACCESS_KEY_ID"))
                || present(System.getProperty("aws.accessKeyId"))
                || present(System.getenv("AWS_PROFILE"))
                || present(System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE"))
                || present(System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI"))
                || present(System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder) {
        builder.region(resolvedRegion()).credentialsProvider(credentials());
        URI endpoint = endpoint();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(10))
                    .socketTimeout(Duration.ofSeconds(60))
                    .build());
        }
        return builder;
    }
}
