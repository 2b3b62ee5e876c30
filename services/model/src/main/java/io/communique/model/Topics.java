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
    /** Latest event views: every report of one real-world event merged; compacted, key = event id. */
    public static final String VIEWS_EVENT = "communique.views.event.v1";
    /** Records that could not be processed, with the reason in headers. */
    public static final String DLQ = "communique.dlq.v1";
    /**
     * Facts routed by country: one record per participant, key = its code. Internal: every fact of a country lands
     * on one partition, so the country projection splits across instances by partition. Same partition count as
     * {@link #VIEWS_COUNTRY}, so a view lives on the partition number of its facts.
     */
    public static final String FACTS_BY_COUNTRY = "communique.facts.by-country.v1";
    /** Facts routed by topic id, internal, the same way for {@link #VIEWS_TOPIC}. */
    public static final String FACTS_BY_TOPIC = "communique.facts.by-topic.v1";
    /**
     * Facts routed by their parties (key = {@link #factKey}), internal, the same way for {@link #VIEWS_EVENT}: every
     * report of the same parties together, where the event resolver decides which of them are one event.
     */
    public static final String FACTS_BY_PARTIES = "communique.facts.by-parties.v1";
    /** Partitions of {@link #FACTS}, and of {@link #ALERTS}, whose alerts lie on the partition number of their fact. */
    public static final int FACT_PARTITIONS = 3;
    /** Partitions of the routed fact topics and their view topics: the most projection instances that share work. */
    public static final int PROJECTION_PARTITIONS = 6;
    /**
     * The largest fact record a consumer takes (a fact is about 1 KB; its evidence is one sentence): anything larger
     * is dead-lettered rather than kept on a heap.
     */
    public static final int MAX_FACT_BYTES = 256 * 1024;
    /** Raw documents from any producer, {text, published?, language?, url?, source?}; ingested like a POST. */
    public static final String DOCUMENTS_RAW = "communique.documents.raw.v1";

    /** Watches (what users want alerts about); compacted, key = watch id, a tombstone deletes one. */
    public static final String WATCHES = "communique.watches.v1";
    /**
     * Alerts: a fact that matched a watch; compacted, key = alert id ({@link Ids#alertId}), CloudEvents binary-mode
     * headers. An alert is written to the partition number its fact has on {@link #FACTS} (same partition count), so
     * the instance that reads a fact partition finds there every alert already raised for it.
     */
    public static final String ALERTS = "communique.alerts.v1";

    private static final Map<String, String> KEEP_FOREVER = Map.of("cleanup.policy", "delete", "retention.ms", "-1");
    /**
     * Views are bounded (their lists hold the most recent {@link CountryView#RECENT} entries, a few hundred kB at
     * most), but Kafka's 1 MB default record limit would be tight for a long {@code VIEW_RECENT}: 16 MiB.
     */
    private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1",
            "max.message.bytes", String.valueOf(16 * 1024 * 1024));

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(DOCUMENTS, 3, KEEP_FOREVER),
            new TopicSpec(FACTS, FACT_PARTITIONS, KEEP_FOREVER),
            new TopicSpec(VIEWS_COUNTRY, PROJECTION_PARTITIONS, COMPACTED),
            new TopicSpec(VIEWS_TOPIC, PROJECTION_PARTITIONS, COMPACTED),
            new TopicSpec(VIEWS_EVENT, PROJECTION_PARTITIONS, COMPACTED),
            new TopicSpec(FACTS_BY_COUNTRY, PROJECTION_PARTITIONS, KEEP_FOREVER, FACTS),
            new TopicSpec(FACTS_BY_TOPIC, PROJECTION_PARTITIONS, KEEP_FOREVER, FACTS),
            new TopicSpec(FACTS_BY_PARTIES, PROJECTION_PARTITIONS, KEEP_FOREVER, FACTS),
            new TopicSpec(DLQ, 1, Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 3600 * 1000))),
            // Input only: once ingested, a raw document lives on in DOCUMENTS, so a week covers any outage.
            new TopicSpec(WATCHES, 1, Map.of("cleanup.policy", "compact", "min.cleanable.dirty.ratio", "0.1")),
            new TopicSpec(ALERTS, FACT_PARTITIONS, Map.of("cleanup.policy", "compact")),
            new TopicSpec(DOCUMENTS_RAW, 3, Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 3600 * 1000))));

    /** The spec of a topic by name, or null when it is not one of ours. */
    public static TopicSpec spec(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst().orElse(null);
    }

    /** The partition key of a fact: all facts between the same parties stay in order on one partition. */
    public static String factKey(Fact fact) {
        return String.join("|", fact.participants());
    }
}
