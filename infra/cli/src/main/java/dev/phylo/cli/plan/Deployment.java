package dev.phylo.cli.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.phylo.cli.run.SamTemplate;
import dev.phylo.cli.run.SamTemplates;
import dev.phylo.evolution.BatchSizing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * What a plan reads from {@code sam/template.yaml} with every parameter at its Default, as {@code sam deploy} without
 * overrides would deploy it: each function's MemorySize, Timeout and reserved concurrency ({@link SamTemplates}, the
 * local runner's reader), the state machine ({@link StateMachineShape}), the functions' architecture, and the network:
 * NAT gateways, Elastic IPs and interface endpoints, and which network mode is the default.
 *
 * @param functions               the functions a run invokes, by the part each plays
 * @param planningThroughput      the strategy-bars per second per vCPU seed sizes batches with
 * @param snapshotCacheBytes      evaluate's warm-instance snapshot cache
 * @param validateTopK            how many strategies validate re-tests in and out of sample
 * @param reservedConcurrency     the concurrency every function of the template reserves, together
 * @param architecture            {@code x86_64} or {@code arm64}
 * @param networkMode             the template's default: {@code nat} or {@code private}
 * @param natGateways             NAT gateways the nat mode runs
 * @param publicIpv4              public IPv4 addresses (the NAT gateways' Elastic IPs)
 * @param interfaceEndpointZones  interface endpoints times the Availability Zones each is in (the private mode)
 */
public record Deployment(
        Path template,
        StateMachineShape stateMachine,
        Map<Step, SamTemplate.Function> functions,
        double planningThroughput,
        long snapshotCacheBytes,
        int validateTopK,
        int reservedConcurrency,
        String architecture,
        String networkMode,
        int natGateways,
        int publicIpv4,
        int interfaceEndpointZones) {

    /** functions/evaluate's {@code phylo.evaluate.snapshot-cache-bytes} (DeploymentTest reads the file). */
    static final long DEFAULT_SNAPSHOT_CACHE_BYTES = 268_435_456L;
    /** functions/report's {@code phylo.validate.top-k} (DeploymentTest reads the file). */
    static final int DEFAULT_VALIDATE_TOP_K = 10;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The part a function plays in a run, by the name the state machine substitutes its ARN under. */
    public enum Step {
        HEALTH("HealthFunctionArn"),
        SEED("SeedFunctionArn"),
        EVALUATE("EvaluateFunctionArn"),
        PERSIST("PersistFunctionArn"),
        BREED("BreedFunctionArn"),
        VALIDATE("ValidateFunctionArn"),
        REPORT("ReportFunctionArn");

        private final String substitution;

        Step(String substitution) {
            this.substitution = substitution;
        }

        public String substitution() {
            return substitution;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Deployment {
        functions = Map.copyOf(functions);
    }

    public SamTemplate.Function function(Step step) {
        return functions.get(step);
    }

    /** Reads {@code template} and the state machine it names; fails naming the file and what is missing. */
    public static Deployment read(Path template) {
        SamTemplate sam = SamTemplates.read(template);
        StateMachineShape shape = StateMachineShape.read(sam.definition());
        Map<Step, SamTemplate.Function> functions = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            String logicalId = sam.substitutions().get(step.substitution());
            if (logicalId == null) {
                throw new IllegalArgumentException(template + ": the state machine has no DefinitionSubstitutions."
                        + step.substitution() + " (the " + step.label() + " function)");
            }
            functions.put(step, sam.functions().get(logicalId));
        }
        if (!shape.childFunctions().equals(java.util.List.of(Step.EVALUATE.substitution()))) {
            throw new IllegalArgumentException(sam.definition() + ": a plan expects each Distributed Map child to "
                    + "invoke ${" + Step.EVALUATE.substitution() + "} once; it invokes " + shape.childFunctions());
        }
        Map<String, String> seedEnv = functions.get(Step.SEED).environment();
        Map<String, String> evaluateEnv = functions.get(Step.EVALUATE).environment();
        Map<String, String> validateEnv = functions.get(Step.VALIDATE).environment();
        int reserved = sam.functions().values().stream()
                .mapToInt(f -> f.reservedConcurrency().orElse(0))
                .sum();
        JsonNode root = yaml(template);
        return new Deployment(
                template,
                shape,
                functions,
                number(seedEnv, "PHYLO_EVALUATE_STRATEGY_BARS_PER_SECOND")
                        .orElse(BatchSizing.PLANNING_STRATEGY_BARS_PER_SECOND),
                number(evaluateEnv, "PHYLO_EVALUATE_SNAPSHOT_CACHE_BYTES")
                        .map(Double::longValue)
                        .orElse(DEFAULT_SNAPSHOT_CACHE_BYTES),
                number(validateEnv, "PHYLO_VALIDATE_TOP_K")
                        .map(Double::intValue)
                        .orElse(DEFAULT_VALIDATE_TOP_K),
                reserved,
                architecture(root),
                networkMode(root),
                count(root, "AWS::EC2::NatGateway"),
                count(root, "AWS::EC2::EIP"),
                interfaceEndpointZones(root));
    }

    private static JsonNode yaml(Path template) {
        try {
            return YAML.readTree(Files.readString(template));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + template + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Double> number(Map<String, String> env, String name) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is '" + text + "' in the template: expected a number", e);
        }
    }

    /** Globals.Function.Architectures[0], a literal or a !Ref to a parameter (its Default); x86_64 when absent. */
    private static String architecture(JsonNode root) {
        String value = root.path("Globals")
                .path("Function")
                .path("Architectures")
                .path(0)
                .asText("x86_64");
        JsonNode parameter = root.path("Parameters").path(value);
        return parameter.isMissingNode() ? value : parameter.path("Default").asText("x86_64");
    }

    /** The NetworkMode parameter's Default; without one, nat when the template has a NAT gateway. */
    private static String networkMode(JsonNode root) {
        String mode =
                root.path("Parameters").path("NetworkMode").path("Default").asText("");
        if (!mode.isEmpty()) {
            return mode;
        }
        return count(root, "AWS::EC2::NatGateway") > 0 ? "nat" : "private";
    }

    private static int count(JsonNode root, String type) {
        int n = 0;
        for (Iterator<JsonNode> it = root.path("Resources").elements(); it.hasNext(); ) {
            n += it.next().path("Type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    /** Interface endpoints, each counted once per subnet (Availability Zone) it is placed in. */
    private static int interfaceEndpointZones(JsonNode root) {
        int zones = 0;
        for (Iterator<JsonNode> it = root.path("Resources").elements(); it.hasNext(); ) {
            JsonNode resource = it.next();
            JsonNode props = resource.path("Properties");
            if (resource.path("Type").asText().equals("AWS::EC2::VPCEndpoint")
                    && props.path("VpcEndpointType").asText().equals("Interface")) {
                JsonNode subnets = props.path("SubnetIds");
                zones += subnets.isArray() ? subnets.size() : 1;
            }
        }
        return zones;
    }
}
