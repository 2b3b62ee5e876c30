package io.communique.kafka;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consumer-group member on its own thread: poll, {@link #process} the batch (which must leave everything it
 * produced acknowledged by Kafka), then commit. A crash between process and commit replays the batch, so what
 * {@code process} does must be idempotent. Plain kafka-clients rather than the Vert.x client, because partition
 * hand-over must run synchronously inside the poll: state for a new partition is restored before any of its
 * records is processed.
 *
 * <p>{@link #caughtUp()} completes once the partitions of the first assignment are read up to where they ended then.
 */
public abstract class ConsumerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final long RETRY_DELAY_MS = 1000;

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Thread thread;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Map<TopicPartition, Long> endAtFirstAssignment = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private boolean assignedOnce;

    protected ConsumerLoop(String name, KafkaSettings settings, String groupId, String topic) {
        this.name = name;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(new HashMap<>(settings.batchingGroupMember(groupId)));
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /** Handles one polled batch; returns only when everything it produced is acknowledged. */
    protected abstract void process(ConsumerRecords<String, byte[]> records) throws Exception;

    /** Partitions just assigned to this member; runs before any of their records is processed. */
    protected void onAssigned(Collection<TopicPartition> partitions) throws Exception {
    }

    /** Runs on the loop's thread before every poll: the place to act on requests from other threads. */
    protected void beforePoll() {
    }

    /** Partitions just taken away: forget their state. */
    protected void onRevoked(Collection<TopicPartition> partitions) {
    }

    /** The consumer, for subclasses that must seek (on this loop's thread only). */
    protected KafkaConsumer<String, byte[]> consumer() {
        return consumer;
    }

    public void start() {
        thread.start();
    }

    public CompletableFuture<Void> caughtUp() {
        return caughtUp;
    }

    private void run() {
        consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                try {
                    onAssigned(partitions);
                } catch (Exception e) {
                    throw new IllegalStateException(name + ": restoring " + partitions + " failed: " + e.getMessage(), e);
                }
                if (!assignedOnce) {
                    assignedOnce = true;
                    consumer.endOffsets(partitions).forEach((partition, end) -> {
                        if (end > consumer.position(partition)) {
                            endAtFirstAssignment.put(partition, end);
                        }
                    });
                    checkCaughtUp();
                }
            }

            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                endAtFirstAssignment.keySet().removeAll(partitions);
                onRevoked(partitions);
            }
        });
        while (running) {
            try {
                beforePoll();
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (!records.isEmpty()) {
                    process(records);
                    consumer.commitSync(nextOffsets(records));
                }
                checkCaughtUp();
            } catch (WakeupException e) {
                // close() woke us up: the loop condition ends it
            } catch (Exception e) {
                if (running) {
                    LOG.warn("{}: batch failed, replaying from the last commit: {}", name, e.toString());
                    rewindToCommitted();
                    sleepQuietly();
                }
            }
        }
        consumer.close();
    }

    private void checkCaughtUp() {
        if (!assignedOnce || caughtUp.isDone()) {
            return;
        }
        endAtFirstAssignment.entrySet().removeIf(entry -> consumer.position(entry.getKey()) >= entry.getValue());
        if (endAtFirstAssignment.isEmpty()) {
            caughtUp.complete(null);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<?> batch = records.records(partition);
            long last = records.records(partition).get(batch.size() - 1).offset();
            offsets.put(partition, new OffsetAndMetadata(last + 1));
        }
        return offsets;
    }

    private void rewindToCommitted() {
        try {
            consumer.committed(consumer.assignment()).forEach((partition, committed) -> {
                if (committed != null) {
                    consumer.seek(partition, committed.offset());
                } else {
                    consumer.seekToBeginning(List.of(partition));
                }
            });
        } catch (Exception e) {
            LOG.warn("{}: cannot rewind yet: {}", name, e.toString());
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(RETRY_DELAY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops polling and leaves the group; waits for the loop to end. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
