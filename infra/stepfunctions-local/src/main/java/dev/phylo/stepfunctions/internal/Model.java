package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed, validated state machine, built once by {@link Parser} and shared by all its executions. Immutable: the
 * machine, its branches, states and their parts are records, and their collections are unmodifiable copies. The one
 * JSON value it holds, a Pass state's Result, is a Jackson node, which cannot be frozen; the runner never mutates it.
 */
public final class Model {

    private Model() {}

    public record Machine(String comment, Integer timeoutSeconds, Branch root) {}

    /** StartAt + States: the top level, a Parallel branch or a Map's ItemProcessor/Iterator. */
    public record Branch(String startAt, Map<String, State> states) {

        /** Keeps the states in definition order. */
        public Branch {
            states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
        }
    }

    /**
     * The fields every state has.
     *
     * @param inputPath  null means JSON null (discard: {}); default {@link PathExpr#ROOT}
     * @param outputPath likewise
     */
    public record Common(String name, String type, String next, boolean end, PathExpr inputPath, PathExpr outputPath) {}

    /** A state of any type; its common fields are reachable directly. */
    public sealed interface State {

        Common common();

        default String name() {
            return common().name();
        }

        default String type() {
            return common().type();
        }

        default String next() {
            return common().next();
        }

        default boolean end() {
            return common().end();
        }

        default PathExpr inputPath() {
            return common().inputPath();
        }

        default PathExpr outputPath() {
            return common().outputPath();
        }
    }

    public record Retrier(
            List<String> errorEquals,
            int intervalSeconds,
            int maxAttempts,
            double backoffRate,
            Integer maxDelaySeconds,
            boolean fullJitter) {

        public Retrier {
            errorEquals = List.copyOf(errorEquals);
        }
    }

    public record Catcher(List<String> errorEquals, String next, ResultPath resultPath) {

        public Catcher {
            errorEquals = List.copyOf(errorEquals);
        }
    }

    /** The result processing and error handling that Task, Parallel and Map share. */
    public record Action(
            Template parameters,
            Template resultSelector,
            ResultPath resultPath,
            List<Retrier> retriers,
            List<Catcher> catchers) {

        public Action {
            retriers = List.copyOf(retriers);
            catchers = List.copyOf(catchers);
        }
    }

    /** Task, Parallel or Map; the fields of its {@link Action} are reachable directly. */
    public sealed interface ActionState extends State {

        Action action();

        default Template parameters() {
            return action().parameters();
        }

        default Template resultSelector() {
            return action().resultSelector();
        }

        default ResultPath resultPath() {
            return action().resultPath();
        }

        default List<Retrier> retriers() {
            return action().retriers();
        }

        default List<Catcher> catchers() {
            return action().catchers();
        }
    }

    public record PassState(Common common, Template parameters, JsonNode result, ResultPath resultPath)
            implements State {}

    public enum ResourceKind {
        LAMBDA_ARN,
        LAMBDA_INVOKE,
        /** arn:aws:states:::states:startExecution.sync:2 on this same state machine. */
        START_EXECUTION_SYNC
    }

    public record TaskState(
            Common common,
            Action action,
            String resource,
            ResourceKind kind,
            Integer timeoutSeconds,
            PathExpr timeoutSecondsPath)
            implements ActionState {}

    public record ChoiceState(Common common, List<Choice.Rule> choices, String defaultNext) implements State {

        public ChoiceState {
            choices = List.copyOf(choices);
        }
    }

    /** Exactly one of the four fields is set. */
    public record WaitState(
            Common common, Long seconds, PathExpr secondsPath, Instant timestamp, PathExpr timestampPath)
            implements State {}

    public record SucceedState(Common common) implements State {}

    public record FailState(Common common, String error, String cause, Template errorPath, Template causePath)
            implements State {}

    public record ParallelState(Common common, Action action, List<Branch> branches) implements ActionState {

        public ParallelState {
            branches = List.copyOf(branches);
        }
    }

    /** A Distributed Map's ItemBatcher. */
    public record Batcher(
            Integer maxItems, PathExpr maxItemsPath, Integer maxBytes, PathExpr maxBytesPath, Template batchInput) {}

    /** A Distributed Map's ToleratedFailurePercentage(Path) and ToleratedFailureCount(Path); all may be null. */
    public record Tolerance(Double percentage, PathExpr percentagePath, Long count, PathExpr countPath) {}

    /**
     * A Distributed Map's ItemReader: one S3 object (s3:getObject) read as a JSON array or as JSON Lines.
     *
     * @param inputType    JSON or JSONL
     * @param maxItems     at most this many items are read (the first ones); null when not given
     * @param maxItemsPath where the input holds that number; null when not given
     * @param parameters   the payload template giving Bucket and Key
     */
    public record ItemReader(String inputType, Integer maxItems, PathExpr maxItemsPath, Template parameters) {}

    /** A Distributed Map's ResultWriter: the payload template giving the Bucket (and Prefix) to export to. */
    public record ResultWriter(Template parameters) {}

    /**
     * A Map state, inline or distributed.
     *
     * @param executionType  EXPRESS or STANDARD for a distributed Map, null for an inline one
     * @param itemSelector   ItemSelector, or the legacy Parameters of a Map
     * @param maxConcurrency 0 means no limit
     * @param itemReader     null unless the (distributed) Map reads its items from S3
     * @param resultWriter   null unless the (distributed) Map exports its results to S3
     */
    public record MapState(
            Common common,
            Action action,
            Branch processor,
            boolean distributed,
            String executionType,
            PathExpr itemsPath,
            Template itemSelector,
            int maxConcurrency,
            PathExpr maxConcurrencyPath,
            Batcher batcher,
            Tolerance tolerance,
            String label,
            ItemReader itemReader,
            ResultWriter resultWriter)
            implements ActionState {}
}
