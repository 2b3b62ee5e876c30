package io.communique.ingest;

import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import io.vertx.kafka.client.producer.RecordMetadata;

import java.util.List;
import java.util.Map;

/** Writes documents, facts and retractions in the topics' contract: keys, CloudEvents headers, JSON values. */
final class FactPublisher {
    private final KafkaProducer<String, byte[]> producer;

    FactPublisher(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    Future<RecordMetadata> document(Document document) {
        return producer.send(KafkaProducerRecord.create(Topics.DOCUMENTS, document.id(), Json.bytes(document)));
    }

    Future<RecordMetadata> fact(Fact fact, Document document) {
        return send(fact, CloudEvents.factHeaders(fact, document));
    }

    /** Every fact of a document; completes once Kafka has acknowledged them all. */
    Future<List<Fact>> facts(List<Fact> facts, Document document) {
        return Future.all(facts.stream().map(fact -> fact(fact, document)).toList()).map(allStored -> facts);
    }

    Future<RecordMetadata> retraction(Fact fact, Document document) {
        return send(fact, CloudEvents.retractionHeaders(fact, document));
    }

    private Future<RecordMetadata> send(Fact fact, Map<String, String> headers) {
        KafkaProducerRecord<String, byte[]> record = KafkaProducerRecord.create(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
        headers.forEach(record::addHeader);
        return producer.send(record);
    }
}
