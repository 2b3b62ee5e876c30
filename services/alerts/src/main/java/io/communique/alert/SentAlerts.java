package io.communique.alert;

import io.communique.kafka.KafkaSettings;
import io.communique.model.Topics;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the alerts already on {@link Topics#ALERTS}, by partition: what the alerter must not raise again. An
 * alert lies on the partition number of its fact ({@link #partitionOf}), so when a fact partition is assigned to
 * this instance, reading that one alert partition to its end tells every alert ever raised for its facts, whichever
 * instance raised them and whenever. Confined to the alerter's thread.
 */
final class SentAlerts implements AutoCloseable {
    private static final Duration GIVE_UP = Duration.ofSeconds(60);
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<Integer, Set<String>> byPartition = new HashMap<>();
    private int alertPartitions;

    SentAlerts(KafkaSettings settings) {
        this.consumer = new KafkaConsumer<>(new HashMap<>(settings.reader()));
    }

    /** The alert partition of a fact read from partition {@code factPartition} of the fact topic. */
    int partitionOf(int factPartition) {
        if (alertPartitions == 0) {
            alertPartitions = consumer.partitionsFor(Topics.ALERTS).size();
        }
        return factPartition % alertPartitions;
    }

    /** Reads the alert partition of a fact partition from its start to its end; keys are alert ids. */
    void restore(int factPartition) {
        int number = partitionOf(factPartition);
        TopicPartition partition = new TopicPartition(Topics.ALERTS, number);
        Set<String> ids = new HashSet<>();
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (consumer.position(partition) < end) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("cannot read " + partition + " up to offset " + end);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(record -> ids.add(record.key()));
        }
        byPartition.put(number, ids);
    }

    /** Records an alert as raised; false when it was raised before. */
    boolean add(int factPartition, String alertId) {
        return byPartition.computeIfAbsent(partitionOf(factPartition), p -> new HashSet<>()).add(alertId);
    }

    /** Forgets an alert whose write failed, so the replayed batch raises it. */
    void remove(int factPartition, String alertId) {
        Set<String> ids = byPartition.get(partitionOf(factPartition));
        if (ids != null) {
            ids.remove(alertId);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
