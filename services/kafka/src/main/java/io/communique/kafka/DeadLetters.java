package io.communique.kafka;

import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what could not be processed to {@link Topics#DLQ}: the original key and bytes unchanged, the reason and the
 * origin in headers, so that nothing is dropped silently and the consumer can carry on.
 */
public final class DeadLetters {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private final KafkaProducer<String, byte[]> producer;

    public DeadLetters(KafkaProducer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** A consumed record that could not be processed. */
    public Future<Void> send(KafkaConsumerRecord<String, byte[]> record, String reason) {
        LOG.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        KafkaProducerRecord<String, byte[]> letter = KafkaProducerRecord.create(Topics.DLQ, record.key(), record.value())
                .addHeader("dlq.reason", reason)
                .addHeader("dlq.topic", record.topic())
                .addHeader("dlq.partition", Integer.toString(record.partition()))
                .addHeader("dlq.offset", Long.toString(record.offset()));
        return producer.send(letter).mapEmpty();
    }
}
