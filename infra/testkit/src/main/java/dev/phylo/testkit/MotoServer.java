package dev.phylo.testkit;

import dev.phylo.testkit.internal.MotoProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One moto server (a local S3, Secrets Manager, Step Functions... on loopback) for all tests of a JVM.
 *
 * <p>If the environment variable {@value #URL_ENV} is set (e.g. {@code http://127.0.0.1:5000}, as {@code .ci/run}
 * does), that server is used. Otherwise {@code moto_server} from the PATH is started on a free loopback port and
 * stopped at JVM exit. Without either, {@link #url()} fails with a {@link MotoUnavailableException} saying how to
 * install moto.
 */
public final class MotoServer {

    public static final String URL_ENV = "PHYLO_TEST_MOTO_URL";
    public static final Region REGION = Region.US_EAST_1;

    private static String url;
    private static S3Client s3;

    private MotoServer() {}

    /** Base URL of the moto server, without a trailing slash. */
    public static synchronized String url() {
        if (url == null) {
            String external = System.getenv(URL_ENV);
            url = external != null && !external.isBlank()
                    ? stripSlash(external.strip())
                    : MotoProcess.start().url();
        }
        return url;
    }

    /** An S3 client for moto: path-style addressing, region us-east-1, dummy static credentials. Shared; do not close. */
    public static synchronized S3Client s3() {
        if (s3 == null) {
            s3 = S3Client.builder()
                    .endpointOverride(URI.create(url()))
                    .region(REGION)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                    .forcePathStyle(true)
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return s3;
    }

    /** Forgets every bucket, object and other resource moto holds ({@code POST /moto-api/reset}). */
    public static void reset() {
        URI endpoint = URI.create(url() + "/moto-api/reset");
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(endpoint)
                                    .timeout(Duration.ofSeconds(30))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new MotoUnavailableException(
                        "POST " + endpoint + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new MotoUnavailableException("POST " + endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MotoUnavailableException("interrupted during POST " + endpoint, e);
        }
    }

    private static String stripSlash(String text) {
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
