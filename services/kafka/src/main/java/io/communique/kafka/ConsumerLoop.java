package io.communique.kafka;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A consumer-group member on its own thread: poll, {@link #handle} each record of the batch, {@link #completeBatch}
 * (which must leave everything the batch produced acknowledged by Kafka), then commit. A crash between handling and
 * commit replays the batch, so what they do must be idempotent. Plain kafka-clients rather than the Vert.x client,
 * because partition hand-over must run synchronously inside the poll: state for a new partition is restored before
 * any of its records is processed.
 *
 * <p><b>Bad records.</b> Each record is handled on its own: one whose handling throws anything but a Kafka failure
 * is at fault itself ({@link BadRecord}, or an unexpected exception), so it is dead-lettered once, naming this
 * group, and the batch goes on; its offset is committed with the batch. Only transient failures (Kafka did not
 * answer) fail the batch, which is then replayed from the last commit after a growing delay; letters already
 * acknowledged are not sent again on the replay.
 *
 * <p>{@link #caughtUp()} completes once the partitions of the first assignment are read up to where they ended then.
 */
public abstract class ConsumerLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
    private static final long FIRST_RETRY_DELAY_MS = 1000;
    private static final long MAX_RETRY_DELAY_MS = 30_000;

    private final String name;
    private final String groupId;
    private final LetterBox letters;
    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final Thread thread;
    private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
    private final Map<TopicPartition, Long> endAtFirstAssignment = new ConcurrentHashMap<>();
    /** Offsets past the last commit whose letters Kafka acknowledged: a replayed batch does not send them again. */
    private final Map<TopicPartition, NavigableSet<Long>> lettered = new HashMap<>();
    private volatile boolean running = true;
    private boolean assignedOnce;
    private long retryDelayMs = FIRST_RETRY_DELAY_MS;
    private final AtomicLong deadLettered = new AtomicLong();

    /** Where dead letters go: completes once Kafka has the letter. */
    public interface LetterBox {
        Future<?> send(ProducerRecord<String, byte[]> letter);
    }

    /** @param letters sends the dead letters of records this loop cannot take, which name {@code groupId} */
    protected ConsumerLoop(String name, KafkaSettings settings, String groupId, String topic, LetterBox letters) {
        this.name = name;
        this.groupId = groupId;
        this.letters = letters;
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(new HashMap<>(settings.batchingGroupMember(groupId)));
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
    }

    /**
     * Handles one record. Throws {@link BadRecord} when the record is at fault (any other exception that is not a
     * Kafka failure counts as the record's fault too); what it produces may still be in flight.
     */
    protected abstract void handle(ConsumerRecord<String, byte[]> record) throws Exception;

    /** After the records of a batch: returns only when everything they produced is acknowledged. */
    protected abstract void completeBatch() throws Exception;

    /** A batch failed (Kafka did not answer) and will be replayed: drop what was in flight for it. */
    protected void batchFailed() {
    }

    /** True for a record whose failure was dead-lettered before (one read again from the beginning): no new letter. */
    protected boolean letteredBefore(ConsumerRecord<String, byte[]> record) {
        return false;
    }

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

    /** Records dead-lettered since start. */
    public long deadLettered() {
        return deadLettered.get();
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
                lettered.keySet().removeAll(partitions);
                onRevoked(partitions);
            }
        });
        while (running) {
            try {
                beforePoll();
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (!records.isEmpty()) {
                    process(records);
                    Map<TopicPartition, OffsetAndMetadata> next = nextOffsets(records);
                    consumer.commitSync(next);
                    next.forEach((partition, offset) -> lettered.getOrDefault(partition, new TreeSet<>())
                            .headSet(offset.offset()).clear());
                }
                retryDelayMs = FIRST_RETRY_DELAY_MS;
                checkCaughtUp();
            } catch (WakeupException e) {
                // close() woke us up: the loop condition ends it
            } catch (Exception e) {
                if (running) {
                    LOG.warn("{}: batch failed, replaying from the last commit in {} ms: {}", name, retryDelayMs, e.toString());
                    batchFailed();
                    rewindToCommitted();
                    sleepQuietly(retryDelayMs);
                    retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2);
                }
            }
        }
        consumer.close();
    }

    /** Handles each record on its own, dead-letters those at fault, then completes the batch. */
    private void process(ConsumerRecords<String, byte[]> records) throws Exception {
        Map<ConsumerRecord<String, byte[]>, Future<?>> sent = new LinkedHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                handle(record);
            } catch (Exception e) {
                if (isTransient(e)) {
                    awaitLetters(sent, true); // those Kafka took are not sent again on the replay
                    throw e;
                }
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                boolean sentBefore = lettered.getOrDefault(partition, Collections.emptyNavigableSet()).contains(record.offset());
                if (!sentBefore && !letteredBefore(record)) {
                    sent.put(record, letters.send(DeadLetters.letter(record, groupId, asBadRecord(e))));
                }
            }
        }
        awaitLetters(sent, false);
        completeBatch();
    }

    /** Waits for the letters and remembers those Kafka acknowledged; {@code quietly}: a failed one is only left out. */
    private void awaitLetters(Map<ConsumerRecord<String, byte[]>, Future<?>> sent, boolean quietly) throws Exception {
        for (Map.Entry<ConsumerRecord<String, byte[]>, Future<?>> letter : sent.entrySet()) {
            try {
                letter.getValue().get();
            } catch (Exception e) {
                if (quietly) {
                    continue;
                }
                throw e;
            }
            ConsumerRecord<String, byte[]> record = letter.getKey();
            lettered.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new TreeSet<>())
                    .add(record.offset());
            deadLettered.incrementAndGet();
        }
    }

    /** Kafka failed us (unreachable, timed out, interrupted): nothing wrong with the record, so retry. */
    public static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadRecord) {
                return false;
            }
            if (cause instanceof KafkaException || cause instanceof InterruptedException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static BadRecord asBadRecord(Exception error) {
        return error instanceof BadRecord bad ? bad
                : new BadRecord(BadRecord.Kind.PROCESSING_FAILED, "processing failed: " + error, error);
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

    private void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
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
