package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The parsed, validated state machine. Immutable once the parser hands it out. */
public final class Model {
  private Model() {}

  public static final class Machine {
    public String comment;
    public Integer timeoutSeconds;
    public Branch root;
  }

  /** StartAt + States: the top level, a Parallel branch or a Map's ItemProcessor/Iterator. */
  public static final class Branch {
    public String startAt;
    public Map<String, State> states;
  }

  public abstract static class State {
    public String name;
    public String type;
    public String next;
    public boolean end;
    /** Null means JSON null (discard: {}); default {@link PathExpr#ROOT}. */
    public PathExpr inputPath = PathExpr.ROOT;

    public PathExpr outputPath = PathExpr.ROOT;
  }

  public static final class Retrier {
    public List<String> errorEquals;
    public int intervalSeconds = 1;
    public int maxAttempts = 3;
    public double backoffRate = 2.0;
    public Integer maxDelaySeconds;
    public boolean fullJitter;
  }

  public static final class Catcher {
    public List<String> errorEquals;
    public String next;
    public ResultPath resultPath = ResultPath.ROOT;
  }

  /** Task, Parallel and Map share result processing and error handling. */
  public abstract static class ActionState extends State {
    public Template parameters;
    public Template resultSelector;
    public ResultPath resultPath = ResultPath.ROOT;
    public List<Retrier> retriers = List.of();
    public List<Catcher> catchers = List.of();
  }

  public static final class PassState extends State {
    public Template parameters;
    public JsonNode result;
    public ResultPath resultPath = ResultPath.ROOT;
  }

  public enum ResourceKind {
    LAMBDA_ARN,
    LAMBDA_INVOKE
  }

  public static final class TaskState extends ActionState {
    public String resource;
    public ResourceKind kind;
    public Integer timeoutSeconds;
    public PathExpr timeoutSecondsPath;
  }

  public static final class ChoiceState extends State {
    public List<Choice.Rule> choices;
    public String defaultNext;
  }

  public static final class WaitState extends State {
    public Long seconds;
    public PathExpr secondsPath;
    public Instant timestamp;
    public PathExpr timestampPath;
  }

  public static final class SucceedState extends State {}

  public static final class FailState extends State {
    public String error;
    public String cause;
    public Template errorPath;
    public Template causePath;
  }

  public static final class ParallelState extends ActionState {
    public List<Branch> branches;
  }

  public static final class Batcher {
    public Integer maxItems;
    public PathExpr maxItemsPath;
    public Integer maxBytes;
    public PathExpr maxBytesPath;
    public Template batchInput;
  }

  public static final class MapState extends ActionState {
    public Branch processor;
    public boolean distributed;
    public String executionType; // EXPRESS or STANDARD for distributed
    public PathExpr itemsPath = PathExpr.ROOT;
    /** ItemSelector, or the legacy Parameters of a Map. */
    public Template itemSelector;

    public int maxConcurrency;
    public PathExpr maxConcurrencyPath;
    public Batcher batcher;
    public Double toleratedFailurePercentage;
    public PathExpr toleratedFailurePercentagePath;
    public Long toleratedFailureCount;
    public PathExpr toleratedFailureCountPath;
    public String label;
  }
}
