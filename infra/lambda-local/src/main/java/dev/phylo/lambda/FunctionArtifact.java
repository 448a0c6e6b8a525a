package dev.phylo.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What a function process runs: a JVM classpath (run through the Runtime Interface Client) or a native
 * {@code bootstrap} executable (which polls the Runtime API itself).
 */
public sealed interface FunctionArtifact permits FunctionArtifact.Jvm, FunctionArtifact.Native {

    /** {@code LAMBDA_TASK_ROOT}: where the function's code lives. */
    Path taskRoot();

    /**
     * A JVM function. {@code classpath} is the function's own code: for a Quarkus Lambda module just
     * {@code target/<name>-runner.jar}, whose manifest {@code Class-Path} names every {@code lib/} jar.
     */
    record Jvm(List<Path> classpath, Path taskRoot) implements FunctionArtifact {
        public Jvm {
            classpath = List.copyOf(classpath);
            if (classpath.isEmpty()) {
                throw new IllegalArgumentException("empty classpath");
            }
            Objects.requireNonNull(taskRoot, "taskRoot");
        }
    }

    /** A native (custom runtime) function: {@code bootstrap} is executed with the Lambda environment. */
    record Native(Path bootstrap, Path taskRoot) implements FunctionArtifact {
        public Native {
            Objects.requireNonNull(bootstrap, "bootstrap");
            Objects.requireNonNull(taskRoot, "taskRoot");
        }
    }

    /** A Quarkus runner jar: checks that every manifest {@code Class-Path} entry exists (i.e. {@code lib/} is there). */
    static Jvm runnerJar(Path runnerJar) {
        Path jar = runnerJar.toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("runner jar not found: " + jar);
        }
        for (Path entry : manifestClassPath(jar)) {
            if (!Files.exists(entry)) {
                throw new IllegalStateException(jar + " names " + entry + " in its manifest Class-Path, but it is "
                        + "missing; rebuild the function (mvn package)");
            }
        }
        return new Jvm(List.of(jar), jar.getParent());
    }

    /** Classes or jars with an explicit task root (tests, plain handlers). */
    static Jvm classpath(Path taskRoot, List<Path> classpath) {
        return new Jvm(
                classpath.stream().map(p -> p.toAbsolutePath().normalize()).toList(),
                taskRoot.toAbsolutePath().normalize());
    }

    static Native bootstrap(Path bootstrap) {
        Path exe = bootstrap.toAbsolutePath().normalize();
        if (!Files.isRegularFile(exe)) {
            throw new IllegalArgumentException("bootstrap not found: " + exe);
        }
        return new Native(exe, exe.getParent());
    }

    /**
     * The packaged artifact of a Quarkus Lambda module. {@code functionDir} is the module directory (holding
     * {@code target/}) or its {@code target/} directory itself.
     *
     * @param preferNative use {@code target/bootstrap}, or the {@code bootstrap} inside {@code target/function.zip}
     *                     (extracted under {@code extractDir}), when there is one; otherwise the runner jar
     * @param extractDir   where to unpack a native {@code function.zip} (a {@code <module>} subdirectory is used)
     */
    static FunctionArtifact locate(Path functionDir, boolean preferNative, Path extractDir) {
        Path target = targetDir(functionDir);
        if (preferNative) {
            Optional<Native> nativeArtifact = findNative(target, extractDir);
            if (nativeArtifact.isPresent()) {
                return nativeArtifact.get();
            }
        }
        Optional<Path> runner = findRunnerJar(target);
        if (runner.isPresent()) {
            return runnerJar(runner.get());
        }
        throw new IllegalStateException("No packaged function in " + target + ": expected *-runner.jar"
                + (preferNative ? " or bootstrap / function.zip with bootstrap" : "")
                + " (build it with mvn package)");
    }

    /** The newest {@code *-runner.jar} in a module's {@code target/} (stale jars from an older finalName lose). */
    static Optional<Path> findRunnerJar(Path functionDir) {
        Path target = targetDir(functionDir);
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar") && Files.isRegularFile(f))
                    .max(Comparator.comparing(FunctionArtifact::modified));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code target/bootstrap}, or {@code bootstrap} extracted from {@code target/function.zip}. */
    static Optional<Native> findNative(Path functionDir, Path extractDir) {
        Path target = targetDir(functionDir);
        Path bootstrap = target.resolve("bootstrap");
        if (Files.isRegularFile(bootstrap)) {
            makeExecutable(bootstrap);
            return Optional.of(bootstrap(bootstrap));
        }
        Path zip = target.resolve("function.zip");
        if (!Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.getEntry("bootstrap") == null) {
                return Optional.empty(); // a JVM function.zip
            }
            String module = target.getParent() == null
                    ? "function"
                    : target.getParent().getFileName().toString();
            Path root = extractDir.toAbsolutePath().normalize().resolve(module + "-native");
            unzip(z, root);
            Path exe = root.resolve("bootstrap");
            makeExecutable(exe);
            return Optional.of(new Native(exe, root));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip, e);
        }
    }

    private static Path targetDir(Path functionDir) {
        Path dir = functionDir.toAbsolutePath().normalize();
        Path target = dir.resolve("target");
        return Files.isDirectory(target) ? target : dir;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static List<Path> manifestClassPath(Path jar) {
        try (JarFile jf = new JarFile(jar.toFile())) {
            Manifest manifest = jf.getManifest();
            String cp = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            List<Path> entries = new ArrayList<>();
            if (cp != null) {
                for (String e : cp.trim().split("\\s+")) {
                    if (!e.isEmpty()) {
                        entries.add(jar.getParent().resolve(e).normalize());
                    }
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static void unzip(ZipFile zip, Path root) throws IOException {
        Files.createDirectories(root);
        var entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry e = entries.nextElement();
            Path out = root.resolve(e.getName()).normalize();
            if (!out.startsWith(root)) {
                throw new IOException("zip entry escapes the target directory: " + e.getName());
            }
            if (e.isDirectory()) {
                Files.createDirectories(out);
            } else {
                Files.createDirectories(out.getParent());
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void makeExecutable(Path file) {
        try {
            var perms = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            perms.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
            Files.setPosixFilePermissions(file, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not POSIX, or not ours to change: let the exec fail with its own message
        }
    }
}
