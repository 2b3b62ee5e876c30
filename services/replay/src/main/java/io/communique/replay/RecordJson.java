package io.communique.replay;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.communique.model.Json;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One record as one JSON line: topic, partition, offset, timestamp, key, headers and the value. */
final class RecordJson {
    private RecordJson() {
    }

    /** Strict, so that "12 apples" is text and not the number 12. */
    private static final ObjectReader STRICT = Json.MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The value as embedded JSON when it is JSON, else as a string; a tombstone is null. */
    static JsonNode value(byte[] bytes) {
        if (bytes == null) {
            return NODES.nullNode();
        }
        try {
            JsonNode node = STRICT.readTree(bytes);
            if (node != null && !node.isMissingNode()) {
                return node;
            }
        } catch (IOException notJson) {
            // printed as text below
        }
        return NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
    }

    static String line(ConsumerRecord<String, byte[]> record, JsonNode value) {
        ObjectNode line = NODES.objectNode();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()).toString());
        line.put("key", record.key());
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        line.set("value", value);
        return Json.write(line);
    }
}
