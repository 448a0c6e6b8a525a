package dev.phylo.lambda.internal;

import dev.phylo.lambda.FunctionArtifact;
import dev.phylo.lambda.FunctionConfig;
import dev.phylo.lambda.FunctionProcess;
import dev.phylo.lambda.RicClasspath;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Starts the child process of a {@link FunctionProcess}: its command line (the Runtime Interface Client's
 * {@code java} invocation with the Lambda Java runtime's JVM defaults, or the native {@code bootstrap}), its
 * environment and its working directory. The rules themselves are documented on {@link FunctionProcess}.
 */
public final class ProcessLauncher {

    private static final Pattern HEAP_OPTION = Pattern.compile("-Xmx|MaxHeapSize|MaxRAM");
    private static final Pattern GC_OPTION = Pattern.compile("-XX:[+-]Use\\w*GC\\b");
    private static final Pattern TIER_OPTION = Pattern.compile("TieredStopAtLevel|TieredCompilation");

    /**
     * A started process.
     *
     * @param startNanos       {@link System#nanoTime()} just before the start, to measure start-up from
     * @param temporaryWorkDir the working directory created for it, to delete once it is gone; null if none was
     */
    public record Launched(Process process, long startNanos, Path temporaryWorkDir) {}

    private ProcessLauncher() {}

    /**
     * Starts a process of {@code config} that polls the Runtime API at {@code runtimeApiAddress}. A working directory
     * created for it is deleted again if the process cannot start.
     */
    public static Launched launch(FunctionConfig config, RicClasspath ric, String runtimeApiAddress)
            throws IOException {
        Path workDir = config.workingDirectory();
        Path created = null;
        try {
            if (workDir == null) {
                if (config.artifact() instanceof FunctionArtifact.Jvm) {
                    created = TemporaryWorkDir.create(config.name());
                    workDir = created;
                } else {
                    workDir = config.artifact().taskRoot();
                }
            }
            ProcessBuilder pb = new ProcessBuilder(command(config, ric));
            pb.directory(workDir.toFile());
            pb.redirectErrorStream(true);
            Map<String, String> env = pb.environment();
            Map<String, String> wanted = environment(config, runtimeApiAddress);
            if (!config.inheritEnvironment()) {
                env.clear();
            }
            env.putAll(wanted);
            long startNanos = System.nanoTime();
            return new Launched(pb.start(), startNanos, created);
        } catch (IOException | RuntimeException e) {
            TemporaryWorkDir.delete(created);
            throw e;
        }
    }

    /** The command line for {@code config}; {@code ric} may be null for a native artifact. */
    public static List<String> command(FunctionConfig config, RicClasspath ric) {
        List<String> cmd = new ArrayList<>();
        FunctionArtifact artifact = config.artifact();
        if (artifact instanceof FunctionArtifact.Native n) {
            cmd.add(n.bootstrap().toString());
            return cmd;
        }
        FunctionArtifact.Jvm jvm = (FunctionArtifact.Jvm) artifact;
        if (ric == null) {
            throw new IllegalArgumentException("a JVM function needs the Runtime Interface Client's classpath");
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String userOptions = config.environment().getOrDefault("JAVA_TOOL_OPTIONS", "") + " "
                + String.join(" ", config.jvmOptions());
        if (!HEAP_OPTION.matcher(userOptions).find()) {
            cmd.add("-Xmx" + Math.max(16, (long) config.memoryMb() * FunctionProcess.HEAP_PERCENT / 100) + "m");
        }
        if (!GC_OPTION.matcher(userOptions).find()) {
            cmd.add("-XX:+UseSerialGC");
        }
        if (!TIER_OPTION.matcher(userOptions).find()) {
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(ric.jvmOptions());
        cmd.addAll(config.jvmOptions());
        List<String> cp = new ArrayList<>();
        ric.entries().forEach(p -> cp.add(p.toString()));
        jvm.classpath().forEach(p -> cp.add(p.toString()));
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add(RicClasspath.MAIN_CLASS);
        cmd.add(config.handler());
        return cmd;
    }

    /** The environment a process of {@code config} gets (without the inherited part). */
    public static Map<String, String> environment(FunctionConfig config, String runtimeApiAddress) {
        Map<String, String> env = new LinkedHashMap<>();
        String path = System.getenv("PATH");
        env.put("PATH", path == null ? "/usr/local/bin:/usr/bin:/bin" : path);
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.putAll(config.environment());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApiAddress);
        env.put("AWS_LAMBDA_FUNCTION_NAME", config.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(config.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + config.name());
        env.put(
                "AWS_LAMBDA_LOG_STREAM_NAME",
                LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "/[$LATEST]"
                        + UUID.randomUUID().toString().replace("-", ""));
        env.put("AWS_REGION", config.region());
        env.put("AWS_DEFAULT_REGION", config.region());
        env.put("_HANDLER", config.handler());
        env.put("LAMBDA_TASK_ROOT", config.artifact().taskRoot().toString());
        // the function halts when this process is gone, even if it is killed and cannot stop it (see RunnerWatch)
        env.put("PHYLO_LOCAL_RUNNER_PID", Long.toString(ProcessHandle.current().pid()));
        if (config.artifact() instanceof FunctionArtifact.Jvm) {
            env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java" + Runtime.version().feature());
        } else {
            env.put("DISABLE_SIGNAL_HANDLERS", "true");
        }
        return env;
    }
}
