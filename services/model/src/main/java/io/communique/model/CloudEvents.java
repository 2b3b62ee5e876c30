package io.communique.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents Kafka protocol binding, binary mode, for fact records: the event's attributes travel as
 * {@code ce_*} headers and the record value is the fact JSON itself, so any Kafka client can read it.
 */
public final class CloudEvents {
    private CloudEvents() {
    }

    public static final String SPEC_VERSION = "1.0";
    public static final String FACT_TYPE = "io.communique.fact.v1";
    public static final String CONTENT_TYPE = "application/json";

    /** Headers of a fact record: id = fact id, subject = the fact's type, time = when its document was received. */
    public static Map<String, String> factHeaders(Fact fact, Document document) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", fact.id());
        headers.put("ce_source", "/communique/documents/" + fact.documentId());
        headers.put("ce_type", FACT_TYPE);
        headers.put("ce_subject", fact.type().name());
        if (document.receivedAt() != null) {
            headers.put("ce_time", document.receivedAt());
        }
        headers.put("ce_dataschema", "/api/schemas/" + Topics.FACTS);
        headers.put("content-type", CONTENT_TYPE);
        return headers;
    }
}
