package dev.phylo.stepfunctions.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.phylo.stepfunctions.AslException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses and validates a definition; every problem is an {@link AslException} naming state and field. */
public final class Parser {

  private static final Pattern LAMBDA_ARN =
      Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?");
  private static final Pattern LAMBDA_INVOKE = Pattern.compile("arn:aws[a-z-]*:states:::lambda:invoke");

  /** Fields of the language the local runner knowingly does not implement. */
  private static final Set<String> UNSUPPORTED =
      Set.of(
          "Assign", "Arguments", "Output", "Credentials", "HeartbeatSeconds", "HeartbeatSecondsPath", "ItemReader",
          "ResultWriter", "Items", "Condition");

  private static final Set<String> KNOWN_ERRORS =
      Set.of(
          "States.ALL", "States.DataLimitExceeded", "States.ExceedToleratedFailureThreshold",
          "States.HeartbeatTimeout", "States.Http.Socket", "States.IntrinsicFailure", "States.ItemReaderFailed",
          "States.NoChoiceMatched", "States.ParameterPathFailure", "States.Permissions",
          "States.ResultPathMatchFailure", "States.ResultWriterFailed", "States.Runtime", "States.TaskFailed",
          "States.Timeout", "States.BranchFailed", "States.QueryEvaluationError");

  private static final Map<String, Set<String>> FIELDS = new LinkedHashMap<>();

  static {
    Set<String> io = Set.of("InputPath", "OutputPath");
    Set<String> flow = Set.of("Next", "End");
    Set<String> action = Set.of("ResultPath", "Parameters", "ResultSelector", "Retry", "Catch");
    FIELDS.put("Pass", union(io, flow, Set.of("ResultPath", "Parameters", "Result")));
    FIELDS.put("Task", union(io, flow, action, Set.of("Resource", "TimeoutSeconds", "TimeoutSecondsPath")));
    FIELDS.put("Choice", union(io, Set.of("Choices", "Default")));
    FIELDS.put("Wait", union(io, flow, Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")));
    FIELDS.put("Succeed", io);
    FIELDS.put("Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"));
    FIELDS.put("Parallel", union(io, flow, action, Set.of("Branches")));
    FIELDS.put(
        "Map",
        union(
            io,
            flow,
            action,
            Set.of(
                "Iterator", "ItemProcessor", "ItemSelector", "ItemsPath", "MaxConcurrency", "MaxConcurrencyPath",
                "ItemBatcher", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath",
                "ToleratedFailureCount", "ToleratedFailureCountPath", "Label")));
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }

  private Parser() {}

  public static Model.Machine parse(String definitionJson) {
    JsonNode root;
    try {
      root = Json.parse(definitionJson);
    } catch (JsonProcessingException e) {
      throw new AslException("definition: not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() : ""), e);
    }
    if (root == null || !root.isObject()) {
      throw new AslException("definition: must be a JSON object");
    }
    Model.Machine m = new Model.Machine();
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "StartAt":
        case "States":
          break;
        case "Comment":
          if (!v.isTextual()) {
            throw new AslException("definition: field Comment must be a string");
          }
          m.comment = v.textValue();
          break;
        case "Version":
          if (!v.isTextual() || !v.textValue().equals("1.0")) {
            throw new AslException("definition: field Version must be \"1.0\"");
          }
          break;
        case "TimeoutSeconds":
          if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() <= 0) {
            throw new AslException("definition: field TimeoutSeconds must be a positive integer");
          }
          m.timeoutSeconds = v.intValue();
          break;
        case "QueryLanguage":
          checkQueryLanguage(v, "definition");
          break;
        default:
          if (UNSUPPORTED.contains(k)) {
            throw new AslException("definition: field " + k + " is not supported by the local runner");
          }
          throw new AslException("definition: field " + k + " is not a valid top-level field");
      }
    }
    m.root = branch(root, "definition", Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage"));
    return m;
  }

  private static void checkQueryLanguage(JsonNode v, String where) {
    if (!v.isTextual() || !v.textValue().equals("JSONPath")) {
      throw new AslException(where + ": field QueryLanguage " + v + " is not supported by the local runner (only JSONPath)");
    }
  }

  // ----------------------------------------------------------------------------- branches

  private static Model.Branch branch(JsonNode node, String where, Set<String> allowed) {
    if (!node.isObject()) {
      throw new AslException(where + ": must be an object with StartAt and States");
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String k = names.next();
      if (!allowed.contains(k)) {
        if (UNSUPPORTED.contains(k)) {
          throw new AslException(where + ": field " + k + " is not supported by the local runner");
        }
        throw new AslException(where + ": field " + k + " is not valid here");
      }
    }
    JsonNode startAt = node.get("StartAt");
    if (startAt == null || !startAt.isTextual()) {
      throw new AslException(where + ": field StartAt is required and must be a string");
    }
    JsonNode states = node.get("States");
    if (states == null || !states.isObject() || states.size() == 0) {
      throw new AslException(where + ": field States is required and must be a non-empty object");
    }
    Model.Branch b = new Model.Branch();
    b.startAt = startAt.textValue();
    Map<String, Model.State> map = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = states.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      map.put(e.getKey(), state(e.getKey(), e.getValue()));
    }
    b.states = map;
    if (!map.containsKey(b.startAt)) {
      throw new AslException(where + ": field StartAt names \"" + b.startAt + "\", which is not a state of this branch");
    }
    checkTransitions(b);
    return b;
  }

  private static List<String> targets(Model.State s) {
    List<String> t = new ArrayList<>();
    if (s.next != null) {
      t.add(s.next);
    }
    if (s instanceof Model.ChoiceState) {
      Model.ChoiceState c = (Model.ChoiceState) s;
      for (Choice.Rule r : c.choices) {
        t.add(r.next);
      }
      if (c.defaultNext != null) {
        t.add(c.defaultNext);
      }
    }
    if (s instanceof Model.ActionState) {
      for (Model.Catcher c : ((Model.ActionState) s).catchers) {
        t.add(c.next);
      }
    }
    return t;
  }

  private static void checkTransitions(Model.Branch b) {
    for (Model.State s : b.states.values()) {
      for (String t : targets(s)) {
        if (!b.states.containsKey(t)) {
          throw new AslException(
              "state \"" + s.name + "\": transition to \"" + t + "\", which is not a state of the same branch");
        }
      }
    }
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(b.startAt);
    while (!todo.isEmpty()) {
      String n = todo.poll();
      if (seen.add(n)) {
        todo.addAll(targets(b.states.get(n)));
      }
    }
    for (String n : b.states.keySet()) {
      if (!seen.contains(n)) {
        throw new AslException("state \"" + n + "\": is not reachable from StartAt \"" + b.startAt + "\"");
      }
    }
  }

  // -------------------------------------------------------------------------------- states

  private static AslException err(String state, String field, String message) {
    return new AslException("state \"" + state + "\": field " + field + " " + message);
  }

  private static Model.State state(String name, JsonNode node) {
    if (name.isEmpty() || name.length() > 80) {
      throw new AslException("state \"" + name + "\": state names must be 1 to 80 characters long");
    }
    if (!node.isObject()) {
      throw new AslException("state \"" + name + "\": must be an object");
    }
    JsonNode typeNode = node.get("Type");
    if (typeNode == null || !typeNode.isTextual()) {
      throw err(name, "Type", "is required and must be a string");
    }
    String type = typeNode.textValue();
    Set<String> allowed = FIELDS.get(type);
    if (allowed == null) {
      throw err(name, "Type", "has an unknown value \"" + type + "\"");
    }
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (k.equals("Type")) {
        continue;
      }
      if (k.equals("Comment")) {
        if (!e.getValue().isTextual()) {
          throw err(name, "Comment", "must be a string");
        }
        continue;
      }
      if (k.equals("QueryLanguage")) {
        checkQueryLanguage(e.getValue(), "state \"" + name + "\"");
        continue;
      }
      if (UNSUPPORTED.contains(k)) {
        throw new AslException("state \"" + name + "\": field " + k + " is not supported by the local runner");
      }
      if (!allowed.contains(k)) {
        throw new AslException("state \"" + name + "\": field " + k + " is not valid in a " + type + " state");
      }
    }
    Model.State s;
    switch (type) {
      case "Pass":
        s = pass(name, node);
        break;
      case "Task":
        s = task(name, node);
        break;
      case "Choice":
        s = choice(name, node);
        break;
      case "Wait":
        s = waitState(name, node);
        break;
      case "Succeed":
        s = new Model.SucceedState();
        break;
      case "Fail":
        s = fail(name, node);
        break;
      case "Parallel":
        s = parallel(name, node);
        break;
      default:
        s = map(name, node);
    }
    s.name = name;
    s.type = type;
    if (node.has("InputPath")) {
      s.inputPath = ioPath(name, "InputPath", node.get("InputPath"));
    }
    if (node.has("OutputPath")) {
      s.outputPath = ioPath(name, "OutputPath", node.get("OutputPath"));
    }
    flow(s, node);
    return s;
  }

  private static void flow(Model.State s, JsonNode node) {
    boolean terminalType = s.type.equals("Choice") || s.type.equals("Succeed") || s.type.equals("Fail");
    if (terminalType) {
      return; // Next/End are rejected by the field check
    }
    JsonNode next = node.get("Next");
    JsonNode end = node.get("End");
    if (end != null && (!end.isBoolean() || !end.booleanValue())) {
      throw err(s.name, "End", "must be true when present");
    }
    if (next != null && !next.isTextual()) {
      throw err(s.name, "Next", "must be a string");
    }
    if (next != null && end != null) {
      throw err(s.name, "Next", "and End must not both be present");
    }
    if (next == null && end == null) {
      throw err(s.name, "Next", "or End is required");
    }
    s.next = next == null ? null : next.textValue();
    s.end = end != null;
  }

  private static PathExpr ioPath(String state, String field, JsonNode v) {
    if (v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw err(state, field, "must be a path string or null");
    }
    try {
      return PathExpr.compile(v.textValue(), true, true);
    } catch (IllegalArgumentException e) {
      throw err(state, field, e.getMessage());
    }
  }

  private static PathExpr refPath(String state, String field, JsonNode v) {
    if (!v.isTextual()) {
      throw err(state, field, "must be a reference path string");
    }
    try {
      return PathExpr.compile(v.textValue(), true, true);
    } catch (IllegalArgumentException e) {
      throw err(state, field, e.getMessage());
    }
  }

  private static ResultPath resultPath(String state, String field, JsonNode v) {
    if (v == null) {
      return ResultPath.ROOT;
    }
    if (v.isNull()) {
      return ResultPath.DISCARD;
    }
    if (!v.isTextual()) {
      throw err(state, field, "must be a reference path string or null");
    }
    try {
      return ResultPath.parse(v.textValue());
    } catch (IllegalArgumentException e) {
      throw err(state, field, e.getMessage());
    }
  }

  private static Template template(String state, String field, JsonNode v) {
    if (v == null) {
      return null;
    }
    if (!v.isObject()) {
      throw err(state, field, "must be a JSON object (a payload template)");
    }
    return Template.compile(v, state, field);
  }

  private static int intField(String state, String field, JsonNode v, int min, long max) {
    if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      throw err(state, field, "must be an integer between " + min + " and " + max + " but is " + v);
    }
    return (int) v.longValue();
  }

  private static void exclusive(String state, JsonNode node, String a, String b) {
    if (node.has(a) && node.has(b)) {
      throw err(state, a, "and " + b + " must not both be present");
    }
  }

  private static Model.PassState pass(String name, JsonNode node) {
    Model.PassState s = new Model.PassState();
    s.parameters = template(name, "Parameters", node.get("Parameters"));
    s.result = node.get("Result");
    s.resultPath = resultPath(name, "ResultPath", node.get("ResultPath"));
    return s;
  }

  private static void action(Model.ActionState s, String name, JsonNode node, boolean withParameters) {
    if (withParameters) {
      s.parameters = template(name, "Parameters", node.get("Parameters"));
    }
    s.resultSelector = template(name, "ResultSelector", node.get("ResultSelector"));
    s.resultPath = resultPath(name, "ResultPath", node.get("ResultPath"));
    if (node.has("Retry")) {
      s.retriers = retriers(name, node.get("Retry"));
    }
    if (node.has("Catch")) {
      s.catchers = catchers(name, node.get("Catch"));
    }
  }

  private static List<String> errorEquals(String state, String field, JsonNode v) {
    if (v == null || !v.isArray() || v.size() == 0) {
      throw err(state, field, "ErrorEquals is required and must be a non-empty array of error names");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : v) {
      if (!n.isTextual() || n.textValue().isEmpty()) {
        throw err(state, field, "ErrorEquals must contain only non-empty strings");
      }
      String e = n.textValue();
      if (e.startsWith("States.") && !KNOWN_ERRORS.contains(e)) {
        throw err(state, field, "ErrorEquals names an unknown predefined error \"" + e + "\"");
      }
      names.add(e);
    }
    if (names.contains(StatesError.ALL) && names.size() > 1) {
      throw err(state, field, "ErrorEquals: States.ALL must appear alone");
    }
    return List.copyOf(names);
  }

  private static List<Model.Retrier> retriers(String name, JsonNode v) {
    if (!v.isArray()) {
      throw err(name, "Retry", "must be an array");
    }
    List<Model.Retrier> list = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode r = v.get(i);
      String f = "Retry[" + i + "]";
      if (!r.isObject()) {
        throw err(name, f, "must be an object");
      }
      Model.Retrier rt = new Model.Retrier();
      Iterator<Map.Entry<String, JsonNode>> it = r.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode x = e.getValue();
        switch (e.getKey()) {
          case "ErrorEquals":
            rt.errorEquals = errorEquals(name, f, x);
            break;
          case "IntervalSeconds":
            rt.intervalSeconds = intField(name, f + ".IntervalSeconds", x, 1, 99_999_999);
            break;
          case "MaxAttempts":
            rt.maxAttempts = intField(name, f + ".MaxAttempts", x, 0, 99_999_999);
            break;
          case "BackoffRate":
            if (!x.isNumber() || x.doubleValue() < 1.0) {
              throw err(name, f + ".BackoffRate", "must be a number >= 1.0");
            }
            rt.backoffRate = x.doubleValue();
            break;
          case "MaxDelaySeconds":
            rt.maxDelaySeconds = intField(name, f + ".MaxDelaySeconds", x, 1, 31_622_400);
            break;
          case "JitterStrategy":
            if (!x.isTextual() || !(x.textValue().equals("FULL") || x.textValue().equals("NONE"))) {
              throw err(name, f + ".JitterStrategy", "must be FULL or NONE");
            }
            rt.fullJitter = x.textValue().equals("FULL");
            break;
          case "Comment":
            break;
          default:
            throw err(name, f + "." + e.getKey(), "is not a valid Retrier field");
        }
      }
      if (rt.errorEquals == null) {
        throw err(name, f, "ErrorEquals is required");
      }
      if (rt.errorEquals.contains(StatesError.ALL) && i != v.size() - 1) {
        throw err(name, f, "a Retrier with States.ALL must be the last one");
      }
      list.add(rt);
    }
    return List.copyOf(list);
  }

  private static List<Model.Catcher> catchers(String name, JsonNode v) {
    if (!v.isArray()) {
      throw err(name, "Catch", "must be an array");
    }
    List<Model.Catcher> list = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode c = v.get(i);
      String f = "Catch[" + i + "]";
      if (!c.isObject()) {
        throw err(name, f, "must be an object");
      }
      Model.Catcher ct = new Model.Catcher();
      Iterator<Map.Entry<String, JsonNode>> it = c.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode x = e.getValue();
        switch (e.getKey()) {
          case "ErrorEquals":
            ct.errorEquals = errorEquals(name, f, x);
            break;
          case "Next":
            if (!x.isTextual()) {
              throw err(name, f + ".Next", "must be a string");
            }
            ct.next = x.textValue();
            break;
          case "ResultPath":
            ct.resultPath = resultPath(name, f + ".ResultPath", x);
            break;
          case "Comment":
            break;
          default:
            if (UNSUPPORTED.contains(e.getKey())) {
              throw new AslException(
                  "state \"" + name + "\": field " + f + "." + e.getKey() + " is not supported by the local runner");
            }
            throw err(name, f + "." + e.getKey(), "is not a valid Catcher field");
        }
      }
      if (ct.errorEquals == null) {
        throw err(name, f, "ErrorEquals is required");
      }
      if (ct.next == null) {
        throw err(name, f, "Next is required");
      }
      if (ct.errorEquals.contains(StatesError.ALL) && i != v.size() - 1) {
        throw err(name, f, "a Catcher with States.ALL must be the last one");
      }
      list.add(ct);
    }
    return List.copyOf(list);
  }

  private static Model.TaskState task(String name, JsonNode node) {
    Model.TaskState s = new Model.TaskState();
    action(s, name, node, true);
    JsonNode res = node.get("Resource");
    if (res == null || !res.isTextual()) {
      throw err(name, "Resource", "is required and must be a string");
    }
    s.resource = res.textValue();
    if (LAMBDA_ARN.matcher(s.resource).matches()) {
      s.kind = Model.ResourceKind.LAMBDA_ARN;
    } else if (LAMBDA_INVOKE.matcher(s.resource).matches()) {
      s.kind = Model.ResourceKind.LAMBDA_INVOKE;
      JsonNode p = node.get("Parameters");
      if (p == null) {
        throw err(name, "Parameters", "is required for " + s.resource + " (FunctionName and Payload)");
      }
      boolean fn = false;
      Iterator<String> keys = p.fieldNames();
      while (keys.hasNext()) {
        String k = keys.next();
        String base = k.endsWith(".$") ? k.substring(0, k.length() - 2) : k;
        if (base.equals("FunctionName")) {
          fn = true;
        } else if (!base.equals("Payload")) {
          throw new AslException(
              "state \"" + name + "\": field Parameters." + k
                  + " is not supported by the local runner (lambda:invoke takes FunctionName and Payload)");
        }
      }
      if (!fn) {
        throw err(name, "Parameters", "must name the function (FunctionName) for " + s.resource);
      }
    } else {
      throw new AslException(
          "state \"" + name + "\": field Resource \"" + s.resource + "\" is not supported by the local runner"
              + " (use a Lambda function ARN arn:aws:lambda:REGION:ACCOUNT:function:NAME or"
              + " arn:aws:states:::lambda:invoke)");
    }
    exclusive(name, node, "TimeoutSeconds", "TimeoutSecondsPath");
    if (node.has("TimeoutSeconds")) {
      s.timeoutSeconds = intField(name, "TimeoutSeconds", node.get("TimeoutSeconds"), 1, 99_999_999);
    }
    if (node.has("TimeoutSecondsPath")) {
      s.timeoutSecondsPath = refPath(name, "TimeoutSecondsPath", node.get("TimeoutSecondsPath"));
    }
    return s;
  }

  private static Model.ChoiceState choice(String name, JsonNode node) {
    Model.ChoiceState s = new Model.ChoiceState();
    JsonNode choices = node.get("Choices");
    if (choices == null || !choices.isArray() || choices.size() == 0) {
      throw err(name, "Choices", "is required and must be a non-empty array");
    }
    List<Choice.Rule> rules = new ArrayList<>();
    for (int i = 0; i < choices.size(); i++) {
      rules.add(Choice.parseRule(choices.get(i), name, true, "Choices[" + i + "]"));
    }
    s.choices = List.copyOf(rules);
    if (node.has("Default")) {
      if (!node.get("Default").isTextual()) {
        throw err(name, "Default", "must be a string");
      }
      s.defaultNext = node.get("Default").textValue();
    }
    return s;
  }

  private static Model.WaitState waitState(String name, JsonNode node) {
    Model.WaitState s = new Model.WaitState();
    int n = 0;
    for (String f : new String[] {"Seconds", "Timestamp", "SecondsPath", "TimestampPath"}) {
      if (node.has(f)) {
        n++;
      }
    }
    if (n != 1) {
      throw err(name, "Seconds", "(or Timestamp, SecondsPath, TimestampPath): exactly one is required");
    }
    if (node.has("Seconds")) {
      s.seconds = (long) intField(name, "Seconds", node.get("Seconds"), 0, 99_999_999);
    } else if (node.has("Timestamp")) {
      JsonNode t = node.get("Timestamp");
      s.timestamp = t.isTextual() ? Choice.timestamp(t.textValue()) : null;
      if (s.timestamp == null) {
        throw err(name, "Timestamp", "must be an RFC 3339 timestamp such as 2024-01-31T12:00:00Z");
      }
    } else if (node.has("SecondsPath")) {
      s.secondsPath = refPath(name, "SecondsPath", node.get("SecondsPath"));
    } else {
      s.timestampPath = refPath(name, "TimestampPath", node.get("TimestampPath"));
    }
    return s;
  }

  private static Model.FailState fail(String name, JsonNode node) {
    Model.FailState s = new Model.FailState();
    exclusive(name, node, "Error", "ErrorPath");
    exclusive(name, node, "Cause", "CausePath");
    for (String f : new String[] {"Error", "Cause", "ErrorPath", "CausePath"}) {
      if (node.has(f) && !node.get(f).isTextual()) {
        throw err(name, f, "must be a string");
      }
    }
    if (node.has("Error")) {
      s.error = node.get("Error").textValue();
    }
    if (node.has("Cause")) {
      s.cause = node.get("Cause").textValue();
    }
    if (node.has("ErrorPath")) {
      s.errorPath = Template.dynamic(node.get("ErrorPath").textValue(), name, "ErrorPath", true);
    }
    if (node.has("CausePath")) {
      s.causePath = Template.dynamic(node.get("CausePath").textValue(), name, "CausePath", true);
    }
    return s;
  }

  private static Model.ParallelState parallel(String name, JsonNode node) {
    Model.ParallelState s = new Model.ParallelState();
    action(s, name, node, true);
    JsonNode branches = node.get("Branches");
    if (branches == null || !branches.isArray() || branches.size() == 0) {
      throw err(name, "Branches", "is required and must be a non-empty array");
    }
    List<Model.Branch> list = new ArrayList<>();
    for (int i = 0; i < branches.size(); i++) {
      list.add(
          branch(
              branches.get(i),
              "state \"" + name + "\": field Branches[" + i + "]",
              Set.of("StartAt", "States", "Comment", "QueryLanguage")));
    }
    s.branches = List.copyOf(list);
    return s;
  }

  private static final Set<String> DISTRIBUTED_ONLY =
      Set.of(
          "ItemBatcher", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount",
          "ToleratedFailureCountPath", "Label");

  private static Model.MapState map(String name, JsonNode node) {
    Model.MapState s = new Model.MapState();
    action(s, name, node, false);
    exclusive(name, node, "ItemProcessor", "Iterator");
    exclusive(name, node, "ItemSelector", "Parameters");
    JsonNode proc = node.has("ItemProcessor") ? node.get("ItemProcessor") : node.get("Iterator");
    String procField = node.has("ItemProcessor") ? "ItemProcessor" : "Iterator";
    if (proc == null) {
      throw err(name, "ItemProcessor", "(or the legacy Iterator) is required");
    }
    if (!proc.isObject()) {
      throw err(name, procField, "must be an object");
    }
    String mode = "INLINE";
    JsonNode config = proc.get("ProcessorConfig");
    if (config != null) {
      if (procField.equals("Iterator")) {
        throw err(name, "Iterator.ProcessorConfig", "is not valid (use ItemProcessor)");
      }
      if (!config.isObject()) {
        throw err(name, "ItemProcessor.ProcessorConfig", "must be an object");
      }
      Iterator<String> keys = config.fieldNames();
      while (keys.hasNext()) {
        String k = keys.next();
        if (!k.equals("Mode") && !k.equals("ExecutionType")) {
          throw err(name, "ItemProcessor.ProcessorConfig." + k, "is not valid");
        }
      }
      JsonNode m = config.get("Mode");
      if (m != null) {
        if (!m.isTextual() || !(m.textValue().equals("INLINE") || m.textValue().equals("DISTRIBUTED"))) {
          throw err(name, "ItemProcessor.ProcessorConfig.Mode", "must be INLINE or DISTRIBUTED");
        }
        mode = m.textValue();
      }
      JsonNode et = config.get("ExecutionType");
      if (mode.equals("DISTRIBUTED")) {
        if (et == null || !et.isTextual() || !(et.textValue().equals("EXPRESS") || et.textValue().equals("STANDARD"))) {
          throw err(name, "ItemProcessor.ProcessorConfig.ExecutionType", "must be EXPRESS or STANDARD in DISTRIBUTED mode");
        }
        s.executionType = et.textValue();
      } else if (et != null) {
        throw err(name, "ItemProcessor.ProcessorConfig.ExecutionType", "is only valid in DISTRIBUTED mode");
      }
    }
    s.distributed = mode.equals("DISTRIBUTED");
    s.processor =
        branch(
            proc,
            "state \"" + name + "\": field " + procField,
            procField.equals("Iterator")
                ? Set.of("StartAt", "States", "Comment")
                : Set.of("StartAt", "States", "Comment", "ProcessorConfig", "QueryLanguage"));
    if (!s.distributed) {
      for (String f : DISTRIBUTED_ONLY) {
        if (node.has(f)) {
          throw new AslException(
              "state \"" + name + "\": field " + f + " is only valid for a Map state in DISTRIBUTED mode");
        }
      }
    }
    JsonNode selector = node.has("ItemSelector") ? node.get("ItemSelector") : node.get("Parameters");
    s.itemSelector = template(name, node.has("ItemSelector") ? "ItemSelector" : "Parameters", selector);
    if (node.has("ItemsPath")) {
      s.itemsPath = refPath(name, "ItemsPath", node.get("ItemsPath"));
    }
    exclusive(name, node, "MaxConcurrency", "MaxConcurrencyPath");
    if (node.has("MaxConcurrency")) {
      s.maxConcurrency = intField(name, "MaxConcurrency", node.get("MaxConcurrency"), 0, Integer.MAX_VALUE);
    }
    if (node.has("MaxConcurrencyPath")) {
      s.maxConcurrencyPath = refPath(name, "MaxConcurrencyPath", node.get("MaxConcurrencyPath"));
    }
    exclusive(name, node, "ToleratedFailurePercentage", "ToleratedFailurePercentagePath");
    exclusive(name, node, "ToleratedFailureCount", "ToleratedFailureCountPath");
    if (node.has("ToleratedFailurePercentage")) {
      JsonNode p = node.get("ToleratedFailurePercentage");
      if (!p.isNumber() || p.doubleValue() < 0 || p.doubleValue() > 100) {
        throw err(name, "ToleratedFailurePercentage", "must be a number between 0 and 100");
      }
      s.toleratedFailurePercentage = p.doubleValue();
    }
    if (node.has("ToleratedFailurePercentagePath")) {
      s.toleratedFailurePercentagePath =
          refPath(name, "ToleratedFailurePercentagePath", node.get("ToleratedFailurePercentagePath"));
    }
    if (node.has("ToleratedFailureCount")) {
      s.toleratedFailureCount =
          (long) intField(name, "ToleratedFailureCount", node.get("ToleratedFailureCount"), 0, Integer.MAX_VALUE);
    }
    if (node.has("ToleratedFailureCountPath")) {
      s.toleratedFailureCountPath = refPath(name, "ToleratedFailureCountPath", node.get("ToleratedFailureCountPath"));
    }
    if (node.has("Label")) {
      JsonNode l = node.get("Label");
      if (!l.isTextual() || l.textValue().isEmpty() || l.textValue().length() > 40) {
        throw err(name, "Label", "must be a string of 1 to 40 characters");
      }
      s.label = l.textValue();
    }
    if (node.has("ItemBatcher")) {
      s.batcher = batcher(name, node.get("ItemBatcher"));
    }
    return s;
  }

  private static Model.Batcher batcher(String name, JsonNode node) {
    if (!node.isObject()) {
      throw err(name, "ItemBatcher", "must be an object");
    }
    Model.Batcher b = new Model.Batcher();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String f = "ItemBatcher." + e.getKey();
      JsonNode v = e.getValue();
      switch (e.getKey()) {
        case "MaxItemsPerBatch":
          b.maxItems = intField(name, f, v, 1, Integer.MAX_VALUE);
          break;
        case "MaxItemsPerBatchPath":
          b.maxItemsPath = refPath(name, f, v);
          break;
        case "MaxInputBytesPerBatch":
          b.maxBytes = intField(name, f, v, 1, 262_144);
          break;
        case "MaxInputBytesPerBatchPath":
          b.maxBytesPath = refPath(name, f, v);
          break;
        case "BatchInput":
          b.batchInput = template(name, f, v);
          break;
        default:
          throw err(name, f, "is not a valid ItemBatcher field");
      }
    }
    exclusive(name, node, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
    exclusive(name, node, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    if (b.maxItems == null && b.maxItemsPath == null && b.maxBytes == null && b.maxBytesPath == null) {
      throw err(name, "ItemBatcher", "needs MaxItemsPerBatch(Path) or MaxInputBytesPerBatch(Path)");
    }
    return b;
  }
}
