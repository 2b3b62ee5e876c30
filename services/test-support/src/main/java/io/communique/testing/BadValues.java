package io.communique.testing;

import io.communique.kafka.BadRecord;
import io.communique.model.CloudEvents;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One bad record of each kind, made from a good value of the topic so that it has exactly one fault: the kind it
 * should be dead-lettered as.
 */
public enum BadValues {
    NULL_VALUE(BadRecord.Kind.NULL_VALUE),
    NOT_JSON(BadRecord.Kind.NOT_JSON),
    TRAILING_CONTENT(BadRecord.Kind.TRAILING_CONTENT),
    WRONG_SHAPE(BadRecord.Kind.WRONG_SHAPE),
    UNKNOWN_TYPE(BadRecord.Kind.UNKNOWN_TYPE),
    /** Valid JSON, padded with whitespace past {@code limit} bytes. */
    OVERSIZED(BadRecord.Kind.OVERSIZED);

    private final BadRecord.Kind kind;

    BadValues(BadRecord.Kind kind) {
        this.kind = kind;
    }

    public BadRecord.Kind kind() {
        return kind;
    }

    /** The bad record on {@code topic}, from a good value and the size limit of its consumer. */
    public ProducerRecord<String, byte[]> record(String topic, String key, byte[] good, int limit) {
        byte[] value = switch (this) {
            case NULL_VALUE -> null;
            case NOT_JSON -> "{\"id\": not json".getBytes(StandardCharsets.UTF_8);
            case TRAILING_CONTENT -> concat(good, "{\"more\": \"json\"}".getBytes(StandardCharsets.UTF_8));
            case WRONG_SHAPE -> "[\"an\", \"array\"]".getBytes(StandardCharsets.UTF_8);
            case UNKNOWN_TYPE -> good;
            case OVERSIZED -> concat(good, spaces(limit));
        };
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add(CloudEvents.TYPE_HEADER, (this == UNKNOWN_TYPE ? "io.example.unknown.v1"
                : CloudEvents.FACT_TYPE).getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static byte[] spaces(int count) {
        byte[] spaces = new byte[count];
        Arrays.fill(spaces, (byte) ' ');
        return spaces;
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
