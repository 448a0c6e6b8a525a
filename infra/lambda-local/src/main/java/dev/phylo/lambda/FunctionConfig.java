package dev.phylo.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How to run one function: what {@code sam/template.yaml} says about it (name, handler, memory, timeout, reserved
 * concurrency, environment) plus the local knobs (concurrency, start-up timeout, JVM options).
 *
 * @param name               {@code AWS_LAMBDA_FUNCTION_NAME} (and the log file name)
 * @param artifact           what to run
 * @param handler            {@code _HANDLER}; for JVM artifacts the RIC's argument
 * @param memoryMb           {@code AWS_LAMBDA_FUNCTION_MEMORY_SIZE}; for the JVM also the heap (see
 *                           {@link FunctionProcess})
 * @param timeout            the invocation timeout ({@code Lambda-Runtime-Deadline-Ms}, then the process is killed)
 * @param concurrency        at most this many processes (execution environments) at once: this machine's limit;
 *                           invocations beyond it wait for a process (see {@link LocalFunction})
 * @param reservedConcurrency Lambda's {@code ReservedConcurrentExecutions}, or empty for an unreserved function: at
 *                           most this many invocations in flight (waiting for a process or running); one more is
 *                           throttled with {@value InvocationResult#TOO_MANY_REQUESTS}, and 0 throttles every
 *                           invocation, as in AWS (see {@link LocalFunction}). Independent of {@code concurrency}.
 * @param environment        the function's own variables (QUARKUS_FUNQY_EXPORT, NEON_DATABASE_URL, …); the
 *                           Lambda-reserved ones ({@code AWS_LAMBDA_*}, {@code AWS_REGION}, {@code _HANDLER},
 *                           {@code LAMBDA_TASK_ROOT}) are set by the emulator and win
 * @param region             {@code AWS_REGION} / {@code AWS_DEFAULT_REGION}
 * @param startupTimeout     how long a process may take to reach its first {@code /next} (Lambda's own init limit is
 *                           10 s; a cold JVM on a busy laptop can need more)
 * @param jvmOptions         extra JVM options, appended after the defaults (so they win); ignored for native
 * @param workingDirectory   the process's working directory, or null for the default (see {@link FunctionProcess})
 * @param inheritEnvironment pass this JVM's environment through (default false: a clean environment, as in Lambda,
 *                           plus PATH)
 */
public record FunctionConfig(
        String name,
        FunctionArtifact artifact,
        String handler,
        int memoryMb,
        Duration timeout,
        int concurrency,
        OptionalInt reservedConcurrency,
        Map<String, String> environment,
        String region,
        Duration startupTimeout,
        List<String> jvmOptions,
        Path workingDirectory,
        boolean inheritEnvironment) {

    /** The handler of every Quarkus Funqy Lambda (JVM); native artifacts ignore it. */
    public static final String FUNQY_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    public static final String DEFAULT_REGION = "us-east-1";

    public FunctionConfig {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("invalid Lambda function name: " + name);
        }
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(handler, "handler");
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("memoryMb must be 128..10240 (Lambda's range): " + memoryMb);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
        }
        reservedConcurrency = reservedConcurrency == null ? OptionalInt.empty() : reservedConcurrency;
        if (reservedConcurrency.isPresent() && reservedConcurrency.getAsInt() < 0) {
            throw new IllegalArgumentException(
                    "reservedConcurrency must be >= 0 (Lambda's range): " + reservedConcurrency.getAsInt());
        }
        environment = Map.copyOf(environment == null ? Map.of() : environment);
        region = region == null ? DEFAULT_REGION : region;
        startupTimeout = startupTimeout == null ? Duration.ofSeconds(60) : startupTimeout;
        jvmOptions = List.copyOf(jvmOptions == null ? List.of() : jvmOptions);
    }

    /** {@code arn:aws:lambda:<region>:123456789012:function:<name>} (the account id is a placeholder). */
    public String functionArn() {
        return "arn:aws:lambda:" + region + ":123456789012:function:" + name;
    }

    public static Builder builder(String name, FunctionArtifact artifact) {
        return new Builder(name, artifact);
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, artifact);
        b.handler = handler;
        b.memoryMb = memoryMb;
        b.timeout = timeout;
        b.concurrency = concurrency;
        b.reservedConcurrency = reservedConcurrency;
        b.environment.putAll(environment);
        b.region = region;
        b.startupTimeout = startupTimeout;
        b.jvmOptions = jvmOptions;
        b.workingDirectory = workingDirectory;
        b.inheritEnvironment = inheritEnvironment;
        return b;
    }

    /** Defaults are Lambda's: 128 MB, 3 s, the Funqy handler, unreserved; concurrency 1; start-up timeout 60 s. */
    public static final class Builder {
        private final String name;
        private final FunctionArtifact artifact;
        private String handler = FUNQY_HANDLER;
        private int memoryMb = 128;
        private Duration timeout = Duration.ofSeconds(3);
        private int concurrency = 1;
        private OptionalInt reservedConcurrency = OptionalInt.empty();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private String region = DEFAULT_REGION;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private List<String> jvmOptions = List.of();
        private Path workingDirectory;
        private boolean inheritEnvironment;

        private Builder(String name, FunctionArtifact artifact) {
            this.name = name;
            this.artifact = artifact;
        }

        public Builder handler(String handler) {
            this.handler = handler;
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /**
         * Reserves {@code reservedConcurrency} concurrent executions (the template's
         * {@code ReservedConcurrentExecutions}); invocations beyond it are throttled. Not called: unreserved.
         */
        public Builder reservedConcurrency(int reservedConcurrency) {
            this.reservedConcurrency = OptionalInt.of(reservedConcurrency);
            return this;
        }

        public Builder env(String key, String value) {
            this.environment.put(key, value);
            return this;
        }

        public Builder environment(Map<String, String> environment) {
            this.environment.putAll(environment);
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = startupTimeout;
            return this;
        }

        public Builder jvmOptions(List<String> jvmOptions) {
            this.jvmOptions = jvmOptions;
            return this;
        }

        public Builder workingDirectory(Path workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        public Builder inheritEnvironment(boolean inheritEnvironment) {
            this.inheritEnvironment = inheritEnvironment;
            return this;
        }

        public FunctionConfig build() {
            return new FunctionConfig(
                    name,
                    artifact,
                    handler,
                    memoryMb,
                    timeout,
                    concurrency,
                    reservedConcurrency,
                    environment,
                    region,
                    startupTimeout,
                    jvmOptions,
                    workingDirectory,
                    inheritEnvironment);
        }
    }
}
