package dev.phylo.evolution.validation;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Reference values from SciPy, computed at test time by {@code python3 -c script}. Numbers go in on standard input
 * and come out on standard output one per line, both as shortest round-trip decimals (Java's {@code Double.toString},
 * Python's {@code repr}), so no digit is lost either way. A test calls {@link #assumeAvailable()} first: without
 * python3 and scipy it is skipped, not failed.
 */
final class Scipy {

    private static Boolean available;

    private Scipy() {}

    static synchronized void assumeAvailable() {
        if (available == null) {
            try {
                available = run("import scipy.stats, numpy\nprint(1.0)", "").equals(List.of(1.0));
            } catch (RuntimeException e) {
                available = false;
            }
        }
        Assumptions.assumeTrue(available, "python3 with scipy and numpy is not installed");
    }

    /** Runs {@code script} with {@code input} as values ({@code sys.stdin}); returns what it prints, one per line. */
    static List<Double> run(String script, double... input) {
        StringBuilder in = new StringBuilder();
        for (double v : input) {
            in.append(Double.toString(v)).append('\n');
        }
        return run(script, in.toString());
    }

    /** The common prelude: {@code xs} is the list of input values. */
    static String withInput(String body) {
        return "import sys, math\nimport numpy as np\nfrom scipy import stats\nfrom scipy.stats import norm\n"
                + "xs = [float(line) for line in sys.stdin.read().split()]\n"
                + "def out(v):\n    print(repr(float(v)))\n" + body;
    }

    private static List<Double> run(String script, String input) {
        try {
            Process process = new ProcessBuilder("python3", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("python3 failed:\n" + output);
            }
            List<Double> values = new ArrayList<>();
            for (String line : output.strip().split("\n")) {
                values.add(Double.parseDouble(line.strip()));
            }
            return values;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run python3: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while python3 ran", e);
        }
    }
}
