package dev.phylo.cli.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What the local runner takes from {@code sam/template.yaml}: each function (its code, handler, memory, timeout,
 * reserved concurrency and environment, Globals merged in) and the state machine's definition file and substitutions.
 *
 * @param functions    by logical id
 * @param definition   the state machine's DefinitionUri, resolved against the template's folder
 * @param substitutions DefinitionSubstitutions: name to the logical id of the function whose ARN it is
 */
public record SamTemplate(
        Path file, Map<String, Function> functions, Path definition, Map<String, String> substitutions) {

    /**
     * @param moduleDir           the function's Maven module ({@code functions/evaluate}), from its CodeUri
     * @param reservedConcurrency its ReservedConcurrentExecutions; empty when it has none (unreserved)
     */
    public record Function(
            String logicalId,
            Path moduleDir,
            String handler,
            String runtime,
            int memoryMb,
            int timeoutSeconds,
            OptionalInt reservedConcurrency,
            Map<String, String> environment) {

        /** The JVM artifact Quarkus packages: {@code target/<module>-runner.jar}. */
        public Path runnerJar() {
            return moduleDir.resolve("target").resolve(moduleDir.getFileName() + "-runner.jar");
        }

        /** A native build's {@code bootstrap}, when one exists. */
        public Path bootstrap() {
            return moduleDir.resolve("target").resolve("bootstrap");
        }
    }
}
