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
 * origin in headers, so that nothing is dropped silently and the consumer can carry on. The header names below are
 * the contract documented in infra/topics.md.
 */
public final class DeadLetters {
    /** Why, in words. */
    public static final String REASON = "dlq.reason";
    /** Why, as a {@link BadRecord.Kind#code()}. */
    public static final String KIND = "dlq.kind";
    /** Where the record was read: topic, partition and offset. */
    public static final String TOPIC = "dlq.topic";
    public static final String PARTITION = "dlq.partition";
    public static final String OFFSET = "dlq.offset";
    /** Who refused it: the consumer group (or consumer name) that read it. */
    public static final String CONSUMER = "dlq.consumer";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private final KafkaProducer<String, byte[]> producer;
    private final String consumer;

    /** @param consumer the consumer the letters name in {@link #CONSUMER} */
    public DeadLetters(KafkaProducer<String, byte[]> producer, String consumer) {
        this.producer = producer;
        this.consumer = consumer;
    }

    /** A consumed record that could not be processed; completes once Kafka has the letter. */
    public Future<Void> send(KafkaConsumerRecord<String, byte[]> record, BadRecord why) {
        return send(letter(record.record(), consumer, why));
    }

    /** A {@link #letter}, sent with this Vert.x producer (on its context); completes once Kafka has it. */
    public Future<Void> send(ProducerRecord<String, byte[]> letter) {
        KafkaProducerRecord<String, byte[]> vertxLetter = KafkaProducerRecord.create(letter.topic(), letter.key(), letter.value());
        letter.headers().forEach(header -> vertxLetter.addHeader(header.key(), Buffer.buffer(header.value())));
        return producer.send(vertxLetter).mapEmpty();
    }

    /** The dead letter of a consumed record, for plain Kafka producers. */
    public static ProducerRecord<String, byte[]> letter(ConsumerRecord<String, byte[]> record, String consumer, BadRecord why) {
        LOG.warn("{}: dead-lettering {}-{}@{} ({}): {}", consumer, record.topic(), record.partition(), record.offset(),
                why.kind().code(), why.getMessage());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.DLQ, record.key(), record.value());
        letter.headers()
                .add(REASON, utf8(why.getMessage() == null ? why.kind().code() : why.getMessage()))
                .add(KIND, utf8(why.kind().code()))
                .add(TOPIC, utf8(record.topic()))
                .add(PARTITION, utf8(Integer.toString(record.partition())))
                .add(OFFSET, utf8(Long.toString(record.offset())))
                .add(CONSUMER, utf8(consumer));
        return letter;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
