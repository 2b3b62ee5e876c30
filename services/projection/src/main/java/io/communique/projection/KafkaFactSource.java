package io.communique.projection;

import io.communique.kafka.KafkaSettings;
import io.communique.model.Fact;
import io.communique.model.FactReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;

/**
 * Reads single facts back from a topic by partition and offset, packed into one locator. Used on the projection's own
 * thread, seldom (when a fact leaves a view's first ones); its consumer is opened on first use. Not thread-safe.
 */
final class KafkaFactSource implements FactSource, AutoCloseable {
    private static final int OFFSET_BITS = 40;
    private static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final KafkaSettings settings;
    private final String topic;
    private KafkaConsumer<String, byte[]> consumer;

    KafkaFactSource(KafkaSettings settings, String topic) {
        this.settings = settings;
        this.topic = topic;
    }

    /** A record's locator: its partition and offset (offsets below 2^40, a trillion records per partition). */
    static long locator(int partition, long offset) {
        return (long) partition << OFFSET_BITS | offset;
    }

    @Override
    public Fact read(long locator) {
        TopicPartition partition = new TopicPartition(topic, (int) (locator >>> OFFSET_BITS));
        long offset = locator & OFFSET_MASK;
        if (consumer == null) {
            consumer = new KafkaConsumer<>(new HashMap<>(settings.reader()));
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, offset);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.offset() == offset) {
                    return FactReader.read(record.value());
                }
                if (record.offset() > offset) {
                    throw new IllegalStateException(partition + " no longer holds offset " + offset);
                }
            }
        }
        // A Kafka timeout, so the consumer retries the batch instead of blaming the record being folded.
        throw new TimeoutException("cannot read back the fact at " + partition + " offset " + offset);
    }

    @Override
    public void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
