package dev.phylo.cli.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer relies on when reading the repository: every package says what it is for, files stay small, the
 * reasoning the code cites is in the repository itself, and the README's map of the modules is the real one. (The
 * dependency rules between the layers are the build's: the Maven Enforcer in each layer's parent pom.)
 */
class RepositoryLayoutTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path ARCHITECTURE = ROOT.resolve("docs/architecture.md");
    private static final int MAX_LINES = 400;
    /** The team's reference notes beside the repository: a clone does not have them (spelt so as not to cite them). */
    private static final List<String> OUTSIDE_DOCUMENTS = List.of("DESIGN" + ".md", "STYLE" + ".md", "DESIGN" + " 4b");

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern SECTION_CITE = Pattern.compile("docs/architecture\\.md,\\s+\"([^\"]+)\"");
    private static final Pattern DECISION_CITE = Pattern.compile("docs/architecture\\.md,?\\s+decision (\\d+)");

    @Test
    void everyMainPackageHasAPackageInfo() throws IOException {
        Set<Path> packages = new TreeSet<>();
        for (Path file : sources("src/main/java")) {
            packages.add(file.getParent());
        }
        assertThat(packages).hasSizeGreaterThan(30);
        assertThat(packages.stream()
                        .filter(p -> !Files.isRegularFile(p.resolve("package-info.java")))
                        .toList())
                .as("packages without a package-info.java")
                .isEmpty();
    }

    @Test
    void noMainFileIsOverFourHundredLinesUnlessItsHeaderSaysWhy() throws IOException {
        List<String> long_ = new ArrayList<>();
        for (Path file : sources("src/main/java")) {
            List<String> lines = Files.readAllLines(file);
            String header = String.join("\n", lines.subList(0, Math.min(60, lines.size())));
            if (lines.size() > MAX_LINES && !header.contains("is one file because")) {
                long_.add(ROOT.relativize(file) + " (" + lines.size() + " lines)");
            }
        }
        assertThat(long_).isEmpty();
    }

    @Test
    void nothingCitesADocumentOutsideTheRepository() throws IOException {
        List<String> cites = new ArrayList<>();
        for (Path file : textFiles()) {
            String text = Files.readString(file);
            if (OUTSIDE_DOCUMENTS.stream().anyMatch(text::contains)) {
                cites.add(ROOT.relativize(file).toString());
            }
        }
        assertThat(cites).isEmpty();
    }

    @Test
    void everyCiteOfTheArchitectureDocumentFindsItsSection() throws IOException {
        String architecture = Files.readString(ARCHITECTURE);
        List<String> missing = new ArrayList<>();
        int cites = 0;
        for (Path file : textFiles()) {
            String text = Files.readString(file).replaceAll("\\s*\\n\\s*(\\*|#|//)?\\s*", " ");
            Matcher section = SECTION_CITE.matcher(text);
            while (section.find()) {
                cites++;
                String name = section.group(1);
                if (!architecture.contains("## " + name)
                        && !architecture.contains(". " + name + "\n")
                        && !architecture.contains("**" + name + ".**")) {
                    missing.add(ROOT.relativize(file) + ": \"" + name + "\"");
                }
            }
            Matcher decision = DECISION_CITE.matcher(text);
            while (decision.find()) {
                cites++;
                if (!architecture.contains("### " + decision.group(1) + ". ")) {
                    missing.add(ROOT.relativize(file) + ": decision " + decision.group(1));
                }
            }
        }
        assertThat(cites).isGreaterThan(10);
        assertThat(missing).isEmpty();
    }

    @Test
    void theReadmeLinksTheArchitectureAndItsMapIsTheModules() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains("(docs/architecture.md)");
        int start = readme.indexOf("## Architecture");
        String block =
                readme.substring(readme.indexOf("```", start), readme.indexOf("```", readme.indexOf("```", start) + 3));

        for (String module : modules()) {
            String shown = module.startsWith("functions/") ? "functions/*" : module;
            assertThat(block)
                    .as("the README's architecture block names %s", module)
                    .containsPattern("(?m)^" + Pattern.quote(shown) + "\\s");
        }
        Matcher named = Pattern.compile("(?m)^((?:shared|infra)/[\\w-]+)\\s").matcher(block);
        while (named.find()) {
            assertThat(ROOT.resolve(named.group(1)).resolve("pom.xml"))
                    .as("%s in the README", named.group(1))
                    .isRegularFile();
        }
    }

    /** Every Maven module folder under shared/, functions/ and infra/, from the poms. */
    private static List<String> modules() throws IOException {
        List<String> modules = new ArrayList<>();
        for (String layer : List.of("shared", "functions", "infra")) {
            Matcher m = MODULE.matcher(Files.readString(ROOT.resolve(layer).resolve("pom.xml")));
            while (m.find()) {
                modules.add(layer + "/" + m.group(1));
            }
        }
        assertThat(modules).hasSizeGreaterThan(15);
        return modules;
    }

    private static List<Path> sources(String under) throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java")
                            && !f.getFileName().toString().equals("package-info.java"))
                    .filter(f -> f.toString().contains("/" + under + "/") && !skipped(f))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> textFiles() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !skipped(f))
                    .filter(f -> f.toString().matches(".*\\.(java|xml|properties|yaml|yml|json|md|sql|sh)$")
                            || f.getParent().endsWith("scripts")
                            || f.getParent().endsWith(".ci"))
                    .sorted()
                    .toList();
        }
    }

    private static boolean skipped(Path file) {
        String path = ROOT.relativize(file).toString();
        return path.startsWith(".git/")
                || path.contains("/target/")
                || path.startsWith(".phylo/")
                || path.contains("node_modules/");
    }
}
