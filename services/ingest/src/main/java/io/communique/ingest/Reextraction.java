package io.communique.ingest;

import io.communique.extract.Extractor;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicFollower;
import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-reads every document with the current extractor and publishes the difference to what the fact log holds: new
 * and changed facts as facts, facts no longer found as retractions (see {@link CloudEvents#FACT_RETRACTED_TYPE}).
 * So a better extractor upgrades history without losing any document.
 */
final class Reextraction {
    private final Vertx vertx;
    private final KafkaSettings settings;
    private final Extractor extractor;
    private final FactPublisher publisher;

    Reextraction(Vertx vertx, KafkaSettings settings, Extractor extractor, FactPublisher publisher) {
        this.vertx = vertx;
        this.settings = settings;
        this.extractor = extractor;
        this.publisher = publisher;
    }

    /** Completes with the report once every new fact and retraction is acknowledged by Kafka. */
    Future<Map<String, Object>> run() {
        Map<String, Document> documents = new LinkedHashMap<>();
        Map<String, Map<String, List<Fact>>> published = new HashMap<>();
        return readAll(Topics.DOCUMENTS, record -> documents.putIfAbsent(record.key(), Json.read(record.value(), Document.class)))
                .compose(v -> readAll(Topics.FACTS, record -> foldFact(published, record)))
                .compose(v -> vertx.executeBlocking(() -> {
                    List<ReextractionPlan> plans = new ArrayList<>();
                    for (Document document : documents.values()) {
                        List<Fact> before = published.getOrDefault(document.id(), Map.of()).values().stream()
                                .flatMap(List::stream).toList();
                        plans.add(ReextractionPlan.of(before, extractor.extract(document)));
                    }
                    return ReextractionPlan.sum(plans);
                }, false))
                .compose(plan -> publish(plan, documents).map(v -> {
                    Map<String, Object> report = new LinkedHashMap<>();
                    report.put("documents", documents.size());
                    report.put("extractor", Extractor.INFO);
                    report.putAll(plan.report());
                    return report;
                }));
    }

    private Future<Void> publish(ReextractionPlan plan, Map<String, Document> documents) {
        List<Future<?>> sends = new ArrayList<>();
        plan.added().forEach(fact -> sends.add(publisher.fact(fact, documents.get(fact.documentId()))));
        // Sent before the new versions, with the same keys: on each partition the retraction comes first.
        plan.superseded().forEach(fact -> sends.add(publisher.retraction(fact, documents.get(fact.documentId()))));
        plan.changed().forEach(fact -> sends.add(publisher.fact(fact, documents.get(fact.documentId()))));
        plan.retracted().forEach(fact -> sends.add(publisher.retraction(fact, documents.get(fact.documentId()))));
        return Future.all(sends).mapEmpty();
    }

    /**
     * The log's facts per document and id, the versions since the id's last retraction (the last one current): a
     * re-ingest by another extractor publishes a new version without retracting the old, which may have reached other
     * views.
     */
    private static void foldFact(Map<String, Map<String, List<Fact>>> published, KafkaConsumerRecord<String, byte[]> record) {
        Fact fact;
        try {
            fact = Json.read(record.value(), Fact.class);
        } catch (IllegalArgumentException e) {
            return; // dead-lettered by the projection; not a fact of any document
        }
        Map<String, List<Fact>> ofDocument = published.computeIfAbsent(fact.documentId(), id -> new LinkedHashMap<>());
        Header type = record.record().headers().lastHeader(CloudEvents.TYPE_HEADER);
        if (type != null && CloudEvents.isRetraction(new String(type.value(), StandardCharsets.UTF_8))) {
            ofDocument.remove(fact.id());
        } else {
            List<Fact> versions = ofDocument.computeIfAbsent(fact.id(), id -> new ArrayList<>());
            // One version per set of views is enough, so facts published again and again (seeds, repair) cost one.
            versions.removeIf(version -> version.topics().equals(fact.topics())
                    && Objects.equals(version.eventId(), fact.eventId()));
            versions.add(fact);
        }
    }

    private Future<Void> readAll(String topic, java.util.function.Consumer<KafkaConsumerRecord<String, byte[]>> each) {
        return TopicFollower.start(vertx, settings, List.of(topic), records -> {
            records.forEach(each);
            return Future.succeededFuture();
        }).compose(follower -> follower.caughtUp().eventually(follower::close));
    }
}
