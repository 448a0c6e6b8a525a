package dev.phylo.stepfunctions;

import static dev.phylo.stepfunctions.Asl.FN;
import static dev.phylo.stepfunctions.Asl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntrinsicsTest {

    private static final String INPUT = """
      {"name": "Ann", "age": 30, "flag": true, "template": "Hi {}",
       "escapedJsonString": "{\\"foo\\": \\"bar\\"}", "unescapedJson": {"foo": "bar"},
       "json1": {"a": {"a1": 1, "a2": 2}, "b": 2}, "json2": {"a": {"a3": 1, "a4": 2}, "c": 3},
       "inputArray": [1, 2, 3, 4, 5, 6, 7, 8, 9], "lookingFor": 5, "index": 5,
       "dups": [1, 2, 3, 3, 3, 3, 3, 3, 4], "value1": 111, "step": -1, "start": 1, "end": 1000,
       "inputString": "This.is+a,test=string", "splitter": ".+,=", "input": "Data to encode",
       "Data": "abc", "Algorithm": "SHA-256",
       "ImageRecipe": {"Arn": "arn:aws:imagebuilder:us-east-1:123456789012:image-recipe/recipe/2.0.1"},
       "odd key": "spaces"}
      """;

    private static JsonNode runAll(String executionName) {
        ExecutionResult r = StateMachine.parse(Asl.resource("intrinsics.asl.json"), Map.of())
                .withName("phylo")
                .start(executionName, json(INPUT), new Asl.Functions(), null, Asl.options())
                .await();
        assertThat(r.status()).as(String.valueOf(r.cause())).isEqualTo(ExecutionStatus.SUCCEEDED);
        return r.output();
    }

    @Test
    void phyloRunIdExampleMergesTheFormattedObjectIntoTheInput() {
        ExecutionResult r = StateMachine.parse(Asl.resource("phylo-run-id.asl.json"), Map.of())
                .start(
                        "run-2024-05-01",
                        json("{\"seed\": 42, \"generations\": 5}"),
                        new Asl.Functions(),
                        null,
                        Asl.options())
                .await();
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output()).isEqualTo(json("{\"runId\": \"run-2024-05-01\", \"seed\": 42, \"generations\": 5}"));
    }

    @Test
    void everyIntrinsic() {
        JsonNode o = runAll("test-run");
        assertThat(o.get("format").asText()).isEqualTo("Hello, Ann! You are 30 (true).");
        assertThat(o.get("formatEscapes").asText()).isEqualTo("a {literal} 'q' back\\slash Ann");
        assertThat(o.get("formatFromPath").asText()).isEqualTo("Hi Ann");
        assertThat(o.get("stringToJson")).isEqualTo(json("{\"foo\": \"bar\"}"));
        assertThat(o.get("jsonToString").asText()).isEqualTo("{\"foo\":\"bar\"}");
        assertThat(o.get("jsonMerge")).isEqualTo(json("{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3}"));
        assertThat(o.get("array")).isEqualTo(json("[\"Ann\", 1, -1.5, 200, true, null, \"x\"]"));
        assertThat(o.get("emptyArray")).isEqualTo(json("[]"));
        assertThat(o.get("partition")).isEqualTo(json("[[1, 2, 3, 4], [5, 6, 7, 8], [9]]"));
        assertThat(o.get("contains").booleanValue()).isTrue();
        assertThat(o.get("containsNot").booleanValue()).isFalse();
        assertThat(o.get("range")).isEqualTo(json("[1, 3, 5, 7, 9]"));
        assertThat(o.get("rangeDown")).isEqualTo(json("[3, 2, 1, 0]"));
        assertThat(o.get("item").asInt()).isEqualTo(6);
        assertThat(o.get("length").asInt()).isEqualTo(9);
        assertThat(o.get("unique")).isEqualTo(json("[1, 2, 3, 4]"));
        assertThat(o.get("add").asInt()).isEqualTo(110);
        assertThat(o.get("addRounded").asInt()).isEqualTo(3);
        assertThat(o.get("randomSeeded").asInt()).isBetween(1, 998);
        assertThat(o.get("random").asInt()).isBetween(1, 999);
        assertThat(o.get("split")).isEqualTo(json("[\"This\", \"is\", \"a\", \"test\", \"string\"]"));
        assertThat(o.get("splitComma")).isEqualTo(json("[\"1\", \"2\", \"3\", \"4\", \"5\"]"));
        assertThat(o.get("uuid").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(o.get("uuid2").asText()).isNotEqualTo(o.get("uuid").asText());
        assertThat(o.get("base64").asText()).isEqualTo("RGF0YSB0byBlbmNvZGU=");
        assertThat(o.get("decoded").asText()).isEqualTo("Data to encode");
        assertThat(o.get("md5").asText()).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(o.get("sha1").asText()).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
        assertThat(o.get("sha256").asText())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(o.get("sha384").asText())
                .isEqualTo(
                        "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7");
        assertThat(o.get("sha512").asText())
                .isEqualTo(
                        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
        assertThat(o.get("version").asText()).isEqualTo("2.0.1");
        assertThat(o.get("fromContext").asText()).isEqualTo("phylo/test-run");
        assertThat(o.get("bracketPath").asText()).isEqualTo("spaces");
    }

    @Test
    void uuidAndRandomReplayForTheSameExecutionName() {
        JsonNode a = runAll("run-a");
        JsonNode again = runAll("run-a");
        JsonNode b = runAll("run-b");
        assertThat(again.get("uuid")).isEqualTo(a.get("uuid"));
        assertThat(again.get("uuid2")).isEqualTo(a.get("uuid2"));
        assertThat(again.get("random")).isEqualTo(a.get("random"));
        assertThat(b.get("uuid")).isNotEqualTo(a.get("uuid"));
        // a seeded MathRandom depends on the seed only
        assertThat(b.get("randomSeeded")).isEqualTo(a.get("randomSeeded"));
    }

    /** Found by fuzzing: -1E999 became a double -Infinity that no decimal holds; the runner failed internally. */
    @Test
    void numbersBeyondADoubleAreOutOfRangeNotAnInternalError() {
        String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":"
                + "{\"x.$\":\"States.MathRandom(0, -1E999, 7)\"},\"End\":true}}}";
        ExecutionResult r = Asl.run(def, "{}");
        assertThat(r.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(r.cause()).contains("States.MathRandom").contains("out of range");
        r = Asl.run(def.replace("MathRandom(0, -1E999, 7)", "MathAdd(1E999999999, 1)"), "{}");
        assertThat(r.error()).isEqualTo("States.IntrinsicFailure");
        assertThat(r.cause()).contains("out of range");
    }

    @Test
    void runtimeFailuresAreStatesIntrinsicFailureAndCatchable() {
        String def = """
        {"StartAt": "T", "States": {
          "T": {"Type": "Task", "Resource": "%sf", "Parameters": {"x.$": "States.ArrayGetItem($.a, 10)"},
                "Catch": [{"ErrorEquals": ["States.IntrinsicFailure"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Pass", "End": true}}}
        """.formatted(FN);
        ExecutionResult r = Asl.run(def, "{\"a\": [1, 2]}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().get("Error").asText()).isEqualTo("States.IntrinsicFailure");
        assertThat(r.output().get("Cause").asText())
                .contains("state \"T\"")
                .contains("States.ArrayGetItem")
                .contains("out of bounds");

        String def2 =
                "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":\"States.StringToJson($.s)\"},\"End\":true}}}";
        r = Asl.run(def2, "{\"s\": \"{not json\"}");
        assertThat(r.error()).isEqualTo("States.IntrinsicFailure");
        r = Asl.run(def2, "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("'$.s'");
    }

    private static void rejects(String expr, String message) {
        String def = "{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"Parameters\":{\"x.$\":"
                + Asl.MAPPER.valueToTree(expr) + "},\"End\":true}}}";
        assertThatThrownBy(() -> StateMachine.parse(def, Map.of()))
                .isInstanceOf(AslException.class)
                .hasMessageContaining("state \"P\"")
                .hasMessageContaining("x.$")
                .hasMessageContaining(message);
    }

    @Test
    void badCallsAreRejectedAtParseTime() {
        rejects("States.JsonMerge($.a, $.b, true)", "only shallow merge");
        rejects("States.Format('{} and {}', $.a)", "2 {} placeholder(s) but 1 value(s)");
        rejects("States.Nope($.a)", "unknown intrinsic function States.Nope");
        rejects("States.Format('bad \\n escape')", "invalid escape");
        rejects("States.Format('unbalanced { brace')", "unescaped '{'");
        rejects("States.ArrayLength($.a, $.b)", "takes 1 argument(s) but was given 2");
        rejects("States.UUID() trailing", "unexpected text");
        rejects("States.Array('unterminated)", "unterminated string literal");
        rejects("no path", "is not a JSONPath");
    }
}
