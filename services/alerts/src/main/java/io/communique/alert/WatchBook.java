package io.communique.alert;

import io.communique.kafka.KafkaSettings;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.model.Watch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every watch, read from the compacted {@link Topics#WATCHES} by a consumer of its own (no group: every instance
 * knows every watch). {@link #catchUp} reads up to the topic's end at that moment, so a watch the API had written
 * before a fact was accepted is known when that fact is matched. Confined to one thread, the loop that owns it.
 */
final class WatchBook implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WatchBook.class);
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, Watch> watches = new LinkedHashMap<>();
    private List<TopicPartition> partitions;

    WatchBook(KafkaSettings settings) {
        this.consumer = new KafkaConsumer<>(new HashMap<>(settings.reader()));
    }

    /** Reads the watches written up to now; a Kafka timeout when the topic cannot be read (the batch is retried). */
    void catchUp() {
        if (partitions == null) {
            partitions = consumer.partitionsFor(Topics.WATCHES).stream()
                    .map(info -> new TopicPartition(Topics.WATCHES, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("cannot read " + Topics.WATCHES + " up to " + ends);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(this::apply);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            watches.remove(record.key());
            return;
        }
        try {
            Watch watch = Json.read(record.value(), Watch.class);
            watches.remove(record.key());
            watches.put(watch.id(), watch);
        } catch (IllegalArgumentException e) {
            // Only the API writes watches, after checking them; a foreign record is skipped by every instance alike.
            LOG.warn("Skipping unreadable watch {}@{}: {}", record.key(), record.offset(), e.getMessage());
        }
    }

    Collection<Watch> all() {
        return watches.values();
    }

    /** The watch with this id, or null (deleted, or never written). */
    Watch get(String id) {
        return watches.get(id);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
