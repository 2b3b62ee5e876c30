package io.communique.kafka;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.communique.model.Json;

import java.io.IOException;

/** The checks every consumer makes on a value before reading it: present, within size, exactly one JSON value. */
public final class RecordValues {
    private RecordValues() {
    }

    /**
     * Returns {@code value} when it holds one JSON value of at most {@code maxBytes}; otherwise throws
     * {@link BadRecord} saying which check failed. One streaming pass, no tree built.
     */
    public static byte[] json(byte[] value, int maxBytes) {
        present(value);
        if (value.length > maxBytes) {
            throw new BadRecord(BadRecord.Kind.OVERSIZED, value.length + " bytes, above the limit of " + maxBytes);
        }
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(value)) {
            if (parser.nextToken() == null) {
                throw new BadRecord(BadRecord.Kind.NOT_JSON, "not JSON: the value is empty");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new BadRecord(BadRecord.Kind.TRAILING_CONTENT, "trailing content after the JSON value at byte "
                        + parser.currentTokenLocation().getByteOffset());
            }
            return value;
        } catch (IOException e) {
            throw new BadRecord(BadRecord.Kind.NOT_JSON, "not JSON: " + Json.describe(e), e);
        }
    }

    /** Throws {@link BadRecord} for a tombstone where a value is expected. */
    public static byte[] present(byte[] value) {
        if (value == null) {
            throw new BadRecord(BadRecord.Kind.NULL_VALUE, "a tombstone (null value) where a value is expected");
        }
        return value;
    }
}
