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
    /**
     * A fact that a newer extraction of its document no longer finds: the value is the fact as it was, and consumers
     * remove it by id. Same topic, same schema, told apart by this type only.
     */
    public static final String FACT_RETRACTED_TYPE = "io.communique.fact.retracted.v1";
    /** An alert: a fact that matched a watch (value: {@link Alert}). */
    public static final String ALERT_TYPE = "io.communique.alert.v1";
    public static final String TYPE_HEADER = "ce_type";
    public static final String CONTENT_TYPE = "application/json";

    /** Headers of a retraction: as of the fact, with the retraction type and an id of its own. */
    public static Map<String, String> retractionHeaders(Fact fact, Document document) {
        Map<String, String> headers = factHeaders(fact, document);
        headers.put("ce_id", "retracted-" + fact.id());
        headers.put(TYPE_HEADER, FACT_RETRACTED_TYPE);
        return headers;
    }

    /** Whether a record's {@code ce_type} header marks a retraction. */
    public static boolean isRetraction(String type) {
        return FACT_RETRACTED_TYPE.equals(type);
    }

    /** Headers of a fact record: id = fact id, subject = the fact's type, time = when its document was received. */
    public static Map<String, String> factHeaders(Fact fact, Document document) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", fact.id());
        headers.put("ce_source", "/communique/documents/" + fact.documentId());
        headers.put(TYPE_HEADER, FACT_TYPE);
        headers.put("ce_subject", fact.type().name());
        if (document.receivedAt() != null) {
            headers.put("ce_time", document.receivedAt());
        }
        headers.put("ce_dataschema", "/api/schemas/" + Topics.FACTS);
        headers.put("content-type", CONTENT_TYPE);
        return headers;
    }

    /** Headers of an alert record: id = alert id, source = its watch, subject = the fact id, time = fact accepted. */
    public static Map<String, String> alertHeaders(Alert alert) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", alert.id());
        headers.put("ce_source", "/communique/watches/" + alert.watchId());
        headers.put(TYPE_HEADER, ALERT_TYPE);
        headers.put("ce_subject", alert.fact().id());
        headers.put("ce_time", alert.acceptedAt());
        headers.put("ce_dataschema", "/api/schemas/" + Topics.ALERTS);
        headers.put("content-type", CONTENT_TYPE);
        return headers;
    }
}
