package dev.phylo.cli.run;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;

/**
 * Reads a CloudFormation YAML template keeping what its short-form tags say, as the long form CloudFormation itself
 * turns them into: {@code !Ref X} becomes {@code {"Ref": "X"}}, {@code !Condition C} {@code {"Condition": "C"}},
 * {@code !GetAtt A.B} {@code {"Fn::GetAtt": ["A", "B"]}}, and every other {@code !Name v} {@code {"Fn::Name": v}}
 * ({@code !If [c, a, b]} is {@code {"Fn::If": [c, a, b]}}). A plain YAML read drops the tags ({@code !If [c, a, b]}
 * reads as the list {@code [c, a, b]}), which is enough for literals but not for evaluating a condition.
 */
final class CloudFormationYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CloudFormationYaml() {}

    /** @throws IOException if the text is not YAML */
    static JsonNode read(String yaml) throws IOException {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                return NODES.missingNode();
            }
            return node(parser);
        }
    }

    /** The node starting at the parser's current token, which it leaves on the node's last token. */
    private static JsonNode node(YAMLParser p) throws IOException {
        String tag = p.getTypeId(); // read at the node's first token: "If" for !If, null when untagged
        JsonToken token = p.currentToken();
        JsonNode value;
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    object.set(field, node(p));
                }
                value = object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(node(p));
                }
                value = array;
            }
            case VALUE_STRING -> value = NODES.textNode(p.getText());
            case VALUE_NUMBER_INT ->
                value = switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> value = NODES.numberNode(p.getDecimalValue());
            case VALUE_TRUE, VALUE_FALSE -> value = NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            case VALUE_NULL -> value = NODES.nullNode();
            default -> throw new IOException("unexpected YAML token " + token + " at " + p.currentLocation());
        }
        return tag == null ? value : intrinsic(tag, value);
    }

    private static JsonNode intrinsic(String tag, JsonNode value) {
        if (!tag.matches("[A-Z][A-Za-z0-9]*")) {
            return value; // a YAML tag of its own (!!str, say), not a CloudFormation function
        }
        ObjectNode function = NODES.objectNode();
        switch (tag) {
            case "Ref", "Condition" -> function.set(tag, value);
            case "GetAtt" -> {
                if (value.isTextual() && value.asText().contains(".")) {
                    String text = value.asText();
                    int dot = text.indexOf('.');
                    function.putArray("Fn::GetAtt").add(text.substring(0, dot)).add(text.substring(dot + 1));
                } else {
                    function.set("Fn::GetAtt", value);
                }
            }
            default -> function.set("Fn::" + tag, value);
        }
        return function;
    }
}
