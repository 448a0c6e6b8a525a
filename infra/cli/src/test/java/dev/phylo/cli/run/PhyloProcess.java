package dev.phylo.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.phylo.store.DatabaseUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The packaged CLI ({@code infra/cli/target/phylo.jar}, built by {@code mvn verify} before the ITs run) as its own
 * process, in a checkout of links to the real one ({@code sam/}, {@code functions/}), so that its {@code .phylo} state
 * stays in a temporary folder, against the database a URL file names.
 */
final class PhyloProcess {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    private final Path checkout;
    private final Path urlFile;
    private final Map<String, String> environment;

    /** Links {@code checkout}/sam and /functions to the real checkout and writes {@code database}'s URL file there. */
    PhyloProcess(Path checkout, DatabaseUrl database, Map<String, String> environment) throws IOException {
        this.checkout = checkout;
        this.environment = Map.copyOf(environment);
        if (!Files.exists(checkout.resolve("sam"))) {
            Files.createSymbolicLink(checkout.resolve("sam"), ROOT.resolve("sam"));
            Files.createSymbolicLink(checkout.resolve("functions"), ROOT.resolve("functions"));
        }
        this.urlFile = Files.writeString(
                Files.createTempFile(checkout, "database-url", ""), database.toConnectionUri() + "\n");
    }

    record Result(String stdout, String stderr) {}

    /** Starts {@code phylo ARGS --root CHECKOUT --database-url-file FILE}. */
    Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                ROOT.resolve("infra/cli/target/phylo.jar").toString()));
        command.addAll(args);
        command.addAll(List.of("--root", checkout.toString(), "--database-url-file", urlFile.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs the command to its end; fails unless it exits 0. Its stderr (the progress) is echoed for the log. */
    Result run(List<String> args) throws Exception {
        Process p = start(args);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        String out = read(p.getInputStream());
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("phylo %s\n%s\n%s", args, out, err.join()).isZero();
        System.out.print(err.join());
        return new Result(out, err.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
