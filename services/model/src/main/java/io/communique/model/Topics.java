package io.communique.model;

import java.util.List;
import java.util.Map;

/** Every Kafka topic Communiqué produces or consumes: the one place where topic names are written. */
public final class Topics {
    private Topics() {
    }

    /** Documents as received; key = document id. Kept forever: the facts can always be re-extracted. */
    public static final String DOCUMENTS = "communique.documents.v1";
    /** Fact events; key = the fact's sorted participants joined by "|"; CloudEvents binary-mode headers. */
    public static final String FACTS = "communique.facts.v1";
    /** Latest country views; compacted, key = country or organisation code. */
    public static final String VIEWS_COUNTRY = "communique.views.country.v1";
    /** Latest topic views; compacted, key = topic id. */
    public static final String VIEWS_TOPIC = "communique.views.topic.v1";
    /** Records that could not be processed, with the reason in headers. */
    public static final String DLQ = "communique.dlq.v1";

    private static final Map<String, String> KEEP_FOREVER = Map.of("cleanup.policy", "delete", "retention.ms", "-1");
    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1");

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(DOCUMENTS, 3, KEEP_FOREVER),
            new TopicSpec(FACTS, 3, KEEP_FOREVER),
            new TopicSpec(VIEWS_COUNTRY, 3, COMPACTED),
            new TopicSpec(VIEWS_TOPIC, 3, COMPACTED),
            new TopicSpec(DLQ, 1, Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 3600 * 1000))));

    /** The spec of a topic by name, or null when it is not one of ours. */
    public static TopicSpec spec(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst().orElse(null);
    }

    /** The partition key of a fact: all facts between the same parties stay in order on one partition. */
    public static String factKey(Fact fact) {
        return String.join("|", fact.participants());
    }
}
