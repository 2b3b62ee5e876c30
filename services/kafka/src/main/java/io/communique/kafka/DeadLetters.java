package io.communique.kafka;

import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

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
        return send(record.record(), reason);
    }

    /** A record consumed with a plain Kafka consumer that could not be processed. */
    public Future<Void> send(ConsumerRecord<String, byte[]> record, String reason) {
        ProducerRecord<String, byte[]> letter = letter(record, reason);
        KafkaProducerRecord<String, byte[]> vertxLetter = KafkaProducerRecord.create(letter.topic(), letter.key(), letter.value());
        letter.headers().forEach(header -> vertxLetter.addHeader(header.key(), Buffer.buffer(header.value())));
        return producer.send(vertxLetter).mapEmpty();
    }

    /** The dead letter of a consumed record, for plain Kafka producers. */
    public static ProducerRecord<String, byte[]> letter(ConsumerRecord<String, byte[]> record, String reason) {
        LOG.warn("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), reason);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.DLQ, record.key(), record.value());
        letter.headers()
                .add("dlq.reason", reason.getBytes(StandardCharsets.UTF_8))
                .add("dlq.topic", record.topic().getBytes(StandardCharsets.UTF_8))
                .add("dlq.partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8))
                .add("dlq.offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return letter;
    }
}
