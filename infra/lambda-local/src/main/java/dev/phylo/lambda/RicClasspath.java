package dev.phylo.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The jars of AWS's Runtime Interface Client ({@code com.amazonaws:aws-lambda-java-runtime-interface-client} 2.10.1)
 * and its runtime dependencies ({@code aws-lambda-java-core}, {@code aws-lambda-java-serialization},
 * {@code software.amazon.awssdk:utils-lite} and its {@code annotations}): the classpath the Lambda Java runtime puts
 * in front of a function's code.
 *
 * <p>{@link #detect()} looks, in order, at
 * <ol>
 *   <li>the system property {@value #PROPERTY}, then the environment variable {@value #ENV}: a directory of jars or
 *       a {@code File.pathSeparator}-separated list of jars;</li>
 *   <li>the jars the current JVM loads those classes from (each class's {@code CodeSource}). This module depends on
 *       the RIC at compile scope, so this works in this module's tests, under Maven/surefire (whose manifest-only
 *       booter jar hides the real jars from {@code java.class.path}), and in any application that depends on this
 *       module and keeps its dependencies as separate jars (plain classpath, Quarkus fast-jar/legacy-jar).</li>
 * </ol>
 * An uber-jar that bundles the RIC with everything else cannot be used (its Jackson, Quarkus… would shadow the
 * function's own); {@code detect()} refuses it and asks for {@value #PROPERTY}.
 *
 * <p><b>The JNI library.</b> The RIC talks HTTP through a bundled native library ({@code jni/libaws-lambda-jni.*.so},
 * curl inside). Left alone, every RIC process copies it to the one fixed path {@code /tmp/.libaws-lambda-jni.so}
 * and loads it from there, so two processes starting together overwrite the file under each other and crash
 * (SIGBUS in {@code ld-linux}, seen here with a pool of two). {@link #jvmOptions()} therefore extracts the library
 * once, atomically, to a content-addressed file in {@code java.io.tmpdir}, and points every process at it with
 * {@value #JNI_PROPERTY}, which the RIC honours instead of unpacking.
 */
public final class RicClasspath {

    public static final String PROPERTY = "phylo.lambda.ric.path";
    public static final String ENV = "PHYLO_LAMBDA_RIC_PATH";
    /** The RIC's entry point: {@code java -cp … AWSLambda <handler>}. */
    public static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    /** One class per artifact the RIC needs at run time; the optional ones only carry annotations. */
    private static final List<String> REQUIRED_CLASSES = List.of(
            MAIN_CLASS,
            "com.amazonaws.services.lambda.runtime.Context",
            "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
            "software.amazon.awssdk.utilslite.SdkInternalThreadLocal");

    private static final List<String> OPTIONAL_CLASSES = List.of("software.amazon.awssdk.annotations.SdkInternalApi");

    /** The RIC's switch for a pre-extracted JNI library (see the class comment). */
    public static final String JNI_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private final List<Path> entries;
    private volatile Path jniLibrary;

    private RicClasspath(List<Path> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("empty RIC classpath");
        }
        this.entries = List.copyOf(entries);
    }

    /** Exactly these jars (or directories). */
    public static RicClasspath of(List<Path> entries) {
        List<Path> abs = new ArrayList<>();
        for (Path p : entries) {
            Path a = p.toAbsolutePath().normalize();
            if (!Files.exists(a)) {
                throw new IllegalArgumentException("RIC classpath entry does not exist: " + a);
            }
            abs.add(a);
        }
        return new RicClasspath(abs);
    }

    /** Every {@code *.jar} in {@code dir} (for instance one filled by maven-dependency-plugin's copy-dependencies). */
    public static RicClasspath fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a directory: " + dir.toAbsolutePath());
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
            if (jars.isEmpty()) {
                throw new IllegalArgumentException("no jars in " + dir.toAbsolutePath());
            }
            return of(jars);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory of jars, or a path-separator-separated list of jars. */
    public static RicClasspath parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String trimmed = spec.trim();
        Path single = Path.of(trimmed);
        if (!trimmed.contains(File.pathSeparator) && Files.isDirectory(single)) {
            return fromDirectory(single);
        }
        List<Path> jars = new ArrayList<>();
        for (String part : trimmed.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                jars.add(Path.of(part.trim()));
            }
        }
        return of(jars);
    }

    /** See the class comment for the search order. */
    public static RicClasspath detect() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return parse(property);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return parse(env);
        }
        return fromClassLoader(RicClasspath.class.getClassLoader());
    }

    /** The jars {@code loader} loads the RIC's classes from. */
    public static RicClasspath fromClassLoader(ClassLoader loader) {
        Set<Path> jars = new LinkedHashSet<>();
        for (String name : REQUIRED_CLASSES) {
            Path location = locationOf(name, loader);
            if (location == null) {
                throw new IllegalStateException("Cannot find the Lambda Runtime Interface Client: class " + name
                        + " is not loadable from a jar here. Depend on com.amazonaws:"
                        + "aws-lambda-java-runtime-interface-client, or set -D" + PROPERTY + " (or " + ENV
                        + ") to a directory of its jars.");
            }
            jars.add(location);
        }
        for (String name : OPTIONAL_CLASSES) {
            Path location = locationOf(name, loader);
            if (location != null) {
                jars.add(location);
            }
        }
        Path self = locationOf(RicClasspath.class.getName(), RicClasspath.class.getClassLoader());
        if (self != null && jars.contains(self)) {
            throw new IllegalStateException("The Lambda Runtime Interface Client is bundled into " + self
                    + " together with other code; a function process cannot use that jar. Set -D" + PROPERTY
                    + " (or " + ENV + ") to a directory holding aws-lambda-java-runtime-interface-client and its "
                    + "dependencies.");
        }
        return new RicClasspath(new ArrayList<>(jars));
    }

    private static Path locationOf(String className, ClassLoader loader) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            if (url == null || !"file".equals(url.getProtocol())) {
                return null;
            }
            Path path = Path.of(url.toURI()).toAbsolutePath().normalize();
            return Files.exists(path) ? path : null;
        } catch (ClassNotFoundException | LinkageError | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    public List<Path> entries() {
        return entries;
    }

    /**
     * The JVM options a RIC process needs besides the classpath: {@code -D}{@value #JNI_PROPERTY}{@code =<library>}
     * (empty if no RIC jar holds a library for this platform; the RIC then falls back to its own unpacking).
     */
    public List<String> jvmOptions() {
        return jniLibrary().map(lib -> List.of("-D" + JNI_PROPERTY + "=" + lib)).orElse(List.of());
    }

    /** The RIC's JNI library for this platform, extracted once (content-addressed, atomic) into java.io.tmpdir. */
    public Optional<Path> jniLibrary() {
        Path lib = jniLibrary;
        if (lib != null && Files.isRegularFile(lib)) {
            return Optional.of(lib);
        }
        synchronized (this) {
            if (jniLibrary != null && Files.isRegularFile(jniLibrary)) {
                return Optional.of(jniLibrary);
            }
            String entry = "jni/" + jniLibraryName();
            for (Path jar : entries) {
                if (!Files.isRegularFile(jar)) {
                    continue;
                }
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    ZipEntry e = zip.getEntry(entry);
                    if (e == null) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = zip.getInputStream(e)) {
                        bytes = in.readAllBytes();
                    }
                    jniLibrary = writeOnce(bytes, jniLibraryName());
                    return Optional.of(jniLibrary);
                } catch (IOException ex) {
                    throw new UncheckedIOException("cannot extract " + entry + " from " + jar, ex);
                }
            }
            return Optional.empty();
        }
    }

    /** The library the RIC would pick first here: glibc or musl, x86_64 or aarch64. */
    static String jniLibraryName() {
        String arch = System.getProperty("os.arch", "");
        boolean arm = arch.equals("aarch64") || arch.equals("arm64");
        boolean musl = !Files.exists(Path.of(arm ? "/lib/ld-linux-aarch64.so.1" : "/lib64/ld-linux-x86-64.so.2"))
                && Files.exists(Path.of(arm ? "/lib/ld-musl-aarch64.so.1" : "/lib/ld-musl-x86_64.so.1"));
        return "libaws-lambda-jni.linux" + (musl ? "_musl-" : "-") + (arm ? "aarch_64" : "x86_64") + ".so";
    }

    private static Path writeOnce(byte[] bytes, String name) throws IOException {
        String hash;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            hash = HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = dir.resolve("phylo-" + name.replace(".so", "") + "-" + hash + ".so");
        if (Files.isRegularFile(target) && Files.size(target) == bytes.length) {
            return target;
        }
        Path temp = Files.createTempFile(dir, "phylo-jni-", ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** The entries joined with {@code File.pathSeparator}. */
    public String toClasspath() {
        return String.join(
                File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    @Override
    public String toString() {
        return "RicClasspath" + entries;
    }
}
