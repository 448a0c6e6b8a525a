package dev.phylo.cli.cloud;

import dev.phylo.engine.data.BarInterval;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * {@code phylo cloud upload FILE.csv --stack NAME --symbol S --interval I}: puts the file into the stack's raw-data
 * bucket at {@code raw/<SYMBOL>/<INTERVAL>/<file name>}, with metadata {@code symbol} and {@code interval}; the
 * bucket's ObjectCreated notification then runs ingest.
 */
@Command(
        name = "upload",
        mixinStandardHelpOptions = true,
        description = "Upload a CSV (.csv or .csv.gz) into the stack's raw-data bucket; ingest runs on it.")
public final class CloudUploadCommand implements Callable<Integer> {

    /** The symbols ingest accepts (functions/ingest Dataset.SYMBOL). */
    static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9^][A-Za-z0-9._^=/:-]{0,39}");

    @Spec
    CommandSpec spec;

    @Mixin
    AwsOptions aws;

    @Parameters(index = "0", paramLabel = "FILE", description = "A .csv or .csv.gz file of bars.")
    Path file;

    @Option(names = "--stack", required = true, description = "The stack `sam deploy` created.")
    String stack;

    @Option(names = "--symbol", required = true, description = "The symbol the file holds, e.g. ORCL.")
    String symbol;

    @Option(names = "--interval", required = true, description = "The bar interval, e.g. 1d or 1h.")
    String interval;

    @Override
    public Integer call() {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv") && !lower.endsWith(".csv.gz")) {
            throw new IllegalArgumentException(file + " is not a .csv or .csv.gz file (ingest only picks those up)");
        }
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(file + " does not exist");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(file + " is not a readable file");
        }
        String sym = symbol.strip();
        if (!SYMBOL.matcher(sym).matches()) {
            throw new IllegalArgumentException("bad --symbol '" + symbol + "': expected 1-40 of letters, digits and "
                    + "._^=/:- starting with a letter, digit or ^");
        }
        String iv = interval.strip();
        try {
            BarInterval.parse(iv);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad --interval '" + interval + "': " + e.getMessage(), e);
        }
        String bucket;
        try (var cloudFormation = aws.cloudFormation()) {
            bucket = StackOutputs.describe(cloudFormation, stack).require("RawDataBucketName");
        }
        // the key's symbol segment cannot hold '/' (EUR/USD); the metadata, which ingest reads first, keeps it
        String key = "raw/" + sym.replace('/', '-') + "/" + iv + "/" + name;
        PutObjectResponse put;
        try (S3Client s3 = aws.s3()) {
            put = s3.putObject(
                    r -> r.bucket(bucket)
                            .key(key)
                            .metadata(Map.of("symbol", sym, "interval", iv))
                            .contentType(lower.endsWith(".gz") ? "application/gzip" : "text/csv"),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw new IllegalStateException(
                    "cannot upload " + file + " to s3://" + bucket + "/" + key + ": " + AwsErrors.message(e), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("s3://%s/%s%n  etag %s%n", bucket, key, put.eTag());
        out.flush();
        return 0;
    }
}
