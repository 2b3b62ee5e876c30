package io.communique.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks a record's JSON against its topic's published schema. Thread-safe; schemas are compiled once. */
public final class SchemaValidator {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    /** What is wrong with {@code json} as a value of {@code topic}; empty when it is valid. */
    public List<String> problems(String topic, byte[] json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + Json.describe(e));
        }
        if (node == null) {
            return List.of("empty value");
        }
        JsonSchema schema = compiled.computeIfAbsent(topic, SchemaValidator::compile);
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema compile(String topic) {
        String text = Schemas.of(topic);
        if (text == null) {
            throw new IllegalArgumentException("no schema for topic " + topic);
        }
        return FACTORY.getSchema(text);
    }
}
