package io.communique.kafka;

/**
 * A record that no retry can help: its own content is at fault. Consumers throw it while handling one record; the
 * record is then dead-lettered with its {@link Kind} and the consumer moves on. Anything else a consumer meets
 * (Kafka away, a timeout) is transient and retried.
 */
public final class BadRecord extends RuntimeException {
    /** Why a record was refused, as it appears in the {@link DeadLetters#KIND} header. */
    public enum Kind {
        /** No value (a tombstone) where a value is expected. */
        NULL_VALUE("null-value"),
        /** Larger than the consumer accepts for its topic. */
        OVERSIZED("oversized"),
        /** Not parseable as JSON. */
        NOT_JSON("not-json"),
        /** A valid JSON value followed by more content. */
        TRAILING_CONTENT("trailing-content"),
        /** JSON, but not what the topic holds (schema, missing or mistyped fields). */
        WRONG_SHAPE("wrong-shape"),
        /** A {@code ce_type} header the consumer does not know. */
        UNKNOWN_TYPE("unknown-type"),
        /** The extractor threw on the document. */
        EXTRACTION_FAILED("extraction-failed"),
        /** A webhook did not take the alert, whatever the retries (or its URL is refused). */
        DELIVERY_FAILED("delivery-failed"),
        /** Anything else that failed on this record alone (a bug meeting unusual input). */
        PROCESSING_FAILED("processing-failed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** The header value: stable, lower-case, for filtering letters. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public BadRecord(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public BadRecord(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * Runs a reader of a value already checked to be one JSON value: the {@link IllegalArgumentException} our readers
     * throw on input that is not what they read becomes {@link Kind#WRONG_SHAPE}.
     */
    public static <T> T shape(java.util.function.Supplier<T> reader) {
        try {
            return reader.get();
        } catch (IllegalArgumentException e) {
            throw new BadRecord(Kind.WRONG_SHAPE, e.getMessage(), e);
        }
    }
}
