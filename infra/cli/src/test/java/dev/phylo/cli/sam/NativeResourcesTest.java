package dev.phylo.cli.sam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A native image holds only the classpath resources listed in {@code quarkus.native.resources.includes} (config
 * files, CDI's beans.xml, service registrations and native-image configuration aside: Quarkus and GraalVM take those
 * themselves). For each native function this walks the resources of its module and of the shared modules it depends
 * on, and the resource lookups in their code, and fails on any that its configuration does not include. No native
 * image can be built on our machines, so this is where a missing resource shows (docs/architecture.md, decision 8).
 */
class NativeResourcesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern SHARED_DEPENDENCY = Pattern.compile(
            "<groupId>dev\\.phylo\\.shared</groupId>\\s*<artifactId>phylo-([\\w-]+)</artifactId>"
                    + "(?:\\s*<exclusions>.*?</exclusions>)?\\s*(<scope>(\\w+)</scope>)?",
            Pattern.DOTALL);
    private static final Pattern LOOKUP = Pattern.compile("getResource(?:AsStream)?\\(\\s*([A-Z_]+|\"[^\"]*\")");
    /** What Quarkus and GraalVM put into a native image themselves. */
    private static final List<String> TAKEN_CARE_OF = List.of(
            "application.properties",
            "META-INF/microprofile-config.properties",
            "META-INF/beans.xml",
            "META-INF/services/**",
            "META-INF/native-image/**");
    /**
     * Resources no function reads, each with the reason; {@link #theExceptionsHoldForEveryFunction} checks them. The
     * schema's migrations belong to maintenance, which always ships as a JVM function.
     */
    private static final Map<String, String> NOT_READ_BY_FUNCTIONS = Map.of(
            "phylo/strategies/**", "ExampleStrategies",
            "db/migration/**", "Migrations");

    @Test
    void everyResourceANativeFunctionReadsIsIncluded() throws IOException {
        Map<String, List<String>> missing = new TreeMap<>();
        for (String function : nativeFunctions()) {
            List<String> uncovered = uncovered(function, includes(function));
            if (!uncovered.isEmpty()) {
                missing.put(function, uncovered);
            }
        }
        assertThat(missing).as("resources a native image would lack").isEmpty();
    }

    @Test
    void theCheckFailsWhenTheNeonRootCertificatesAreLeftOut() throws IOException {
        Set<String> includes = includes("ingest");
        assertThat(includes).contains("phylo/tls/isrg-roots.pem");
        includes.remove("phylo/tls/isrg-roots.pem");

        assertThat(uncovered("ingest", includes)).contains("phylo/tls/isrg-roots.pem");
    }

    @Test
    void theExceptionsHoldForEveryFunction() throws IOException {
        for (String function : nativeFunctions()) {
            for (Path source : mainSources(List.of("functions/" + function))) {
                String text = Files.readString(source);
                NOT_READ_BY_FUNCTIONS
                        .values()
                        .forEach(reader -> assertThat(text)
                                .as("%s uses %s, whose resources the native image lacks", source, reader)
                                .doesNotContain(reader));
            }
        }
    }

    /** The resources {@code function} may read that {@code includes} misses. */
    private static List<String> uncovered(String function, Set<String> includes) throws IOException {
        List<Pattern> globs = new ArrayList<>();
        includes.forEach(g -> globs.add(glob(g)));
        TAKEN_CARE_OF.forEach(g -> globs.add(glob(g)));
        NOT_READ_BY_FUNCTIONS.keySet().forEach(g -> globs.add(glob(g)));
        List<String> modules = modulesOf(function);
        Set<String> read = new TreeSet<>(resources(modules));
        read.addAll(lookups(modules));
        return read.stream()
                .filter(r -> globs.stream().noneMatch(g -> g.matcher(r).matches()))
                .toList();
    }

    /** The function's module and the shared modules it reaches, as folders under the root. */
    private static List<String> modulesOf(String function) throws IOException {
        Set<String> modules = new LinkedHashSet<>();
        modules.add("functions/" + function);
        List<String> queue = new ArrayList<>(modules);
        while (!queue.isEmpty()) {
            String module = queue.remove(0);
            Matcher m = SHARED_DEPENDENCY.matcher(
                    Files.readString(ROOT.resolve(module).resolve("pom.xml"))
                            .replaceFirst("(?s)<parent>.*?</parent>", ""));
            while (m.find()) {
                String scope = m.group(3);
                String shared = "shared/" + m.group(1);
                if ((scope == null || scope.equals("compile") || scope.equals("runtime")) && modules.add(shared)) {
                    queue.add(shared);
                }
            }
            if (module.startsWith("functions/")) { // the functions' parent brings phylo-function to each
                if (modules.add("shared/function")) {
                    queue.add("shared/function");
                }
            }
        }
        return List.copyOf(modules);
    }

    /** Every file under the modules' src/main/resources, as a classpath path. */
    private static List<String> resources(List<String> modules) throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : modules) {
            Path dir = ROOT.resolve(module).resolve("src/main/resources");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(Files::isRegularFile)
                            .forEach(f -> found.add(dir.relativize(f).toString().replace('\\', '/')));
                }
            }
        }
        return found;
    }

    /** What the modules' code looks up by name: a literal, or a constant of the same file, and its prefix. */
    private static List<String> lookups(List<String> modules) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path source : mainSources(modules)) {
            String text = Files.readString(source);
            Matcher m = LOOKUP.matcher(text);
            while (m.find()) {
                String argument = m.group(1);
                String name = argument.startsWith("\"")
                        ? argument.substring(1, argument.length() - 1)
                        : constant(text, argument, source);
                found.add(name.startsWith("/") ? name.substring(1) : name);
            }
        }
        return found;
    }

    private static String constant(String text, String name, Path source) {
        Matcher m = Pattern.compile("String " + name + "\\s*=\\s*\"([^\"]*)\"").matcher(text);
        assertThat(m.find())
                .as("%s looks a resource up by %s, which this test cannot resolve", source, name)
                .isTrue();
        return m.group(1) + (m.group(1).endsWith("/") ? "x" : ""); // a folder: anything in it
    }

    private static List<Path> mainSources(List<String> modules) throws IOException {
        List<Path> found = new ArrayList<>();
        for (String module : modules) {
            Path dir = ROOT.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(found::add);
                }
            }
        }
        return found;
    }

    /** {@code quarkus.native.resources.includes} as the function's build sees it: its own, else its shared modules'. */
    private static Set<String> includes(String function) throws IOException {
        Set<String> includes = new LinkedHashSet<>();
        Properties own = properties(
                ROOT.resolve("functions").resolve(function).resolve("src/main/resources/application.properties"));
        if (own.containsKey("quarkus.native.resources.includes")) { // application.properties wins over the defaults
            includes.addAll(split(own.getProperty("quarkus.native.resources.includes")));
            return includes;
        }
        for (String module : modulesOf(function)) {
            Properties defaults = properties(
                    ROOT.resolve(module).resolve("src/main/resources/META-INF/microprofile-config.properties"));
            includes.addAll(split(defaults.getProperty("quarkus.native.resources.includes", "")));
        }
        return includes;
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Properties properties(Path file) throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                p.load(in);
            }
        }
        return p;
    }

    /** The functions built as native images: all but maintenance, which always ships as a JVM function. */
    private static List<String> nativeFunctions() throws IOException {
        List<String> functions = new ArrayList<>();
        Matcher m = MODULE.matcher(Files.readString(ROOT.resolve("functions/pom.xml")));
        while (m.find()) {
            if (!m.group(1).equals("maintenance")) {
                functions.add(m.group(1));
            }
        }
        assertThat(functions).hasSize(6);
        return functions;
    }

    /** A resources glob as Quarkus reads it: {@code **} across folders, {@code *} within one. */
    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
