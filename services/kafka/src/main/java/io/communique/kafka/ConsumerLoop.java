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
 * <p><b>Batches of several polls.</b> A batch may take in several polls before it is completed and committed, so that
 * what {@link #completeBatch} costs (waiting for acknowledgements, publishing views) is paid once for many polls:
 * for at least {@link #minBatchTime()}, and while the consumer is behind the end of its partitions for up to
 * {@link #maxBatchTime()}. Both are zero by default: one poll, one batch. Partitions taken away in the middle of a
 * batch complete it first, so nothing is committed that was not acknowledged.
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
    /** The batch being taken in: the offsets to commit once it is complete, and the letters sent for it. */
    private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    private final Map<ConsumerRecord<String, byte[]>, Future<?>> sentLetters = new LinkedHashMap<>();

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

    /** How long a batch keeps taking in polls, from its first records, even when the consumer has caught up. */
    protected Duration minBatchTime() {
        return Duration.ZERO;
    }

    /**
     * How long a batch may keep taking in polls while the consumer is behind (at least {@link #minBatchTime()}): what a
     * batch produces and commits lags by up to this long during a backlog.
     */
    protected Duration maxBatchTime() {
        return Duration.ZERO;
    }

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
                completeBeforeHandOver();
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
                    long began = System.nanoTime();
                    long atLeast = began + minBatchTime().toNanos();
                    long atMost = Math.max(atLeast, began + maxBatchTime().toNanos());
                    while (true) {
                        process(records);
                        long left = (behind() ? atMost : atLeast) - System.nanoTime();
                        if (left <= 0) {
                            break;
                        }
                        // A rebalance in this poll completes the batch so far before the partitions go (the listener).
                        records = consumer.poll(Duration.ofNanos(Math.min(left, POLL_TIMEOUT.toNanos())));
                    }
                }
                completePending();
                retryDelayMs = FIRST_RETRY_DELAY_MS;
                checkCaughtUp();
            } catch (WakeupException e) {
                // close() woke us up: the loop condition ends it
            } catch (Exception e) {
                if (running) {
                    LOG.warn("{}: batch failed, replaying from the last commit in {} ms: {}", name, retryDelayMs, e.toString());
                    dropPending();
                    rewindToCommitted();
                    sleepQuietly(retryDelayMs);
                    retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2);
                }
            }
        }
        consumer.close();
    }

    /** Handles each record on its own and dead-letters those at fault; the batch is completed later. */
    private void process(ConsumerRecords<String, byte[]> records) throws Exception {
        Map<ConsumerRecord<String, byte[]>, Future<?>> sent = sentLetters;
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
        pending.putAll(nextOffsets(records));
    }

    /** Completes the batch taken in so far, then commits it: nothing is committed before it is acknowledged. */
    private void completePending() throws Exception {
        if (pending.isEmpty()) {
            return;
        }
        awaitLetters(sentLetters, false);
        sentLetters.clear();
        completeBatch();
        consumer.commitSync(pending);
        pending.forEach((partition, offset) -> lettered.getOrDefault(partition, new TreeSet<>())
                .headSet(offset.offset()).clear());
        pending.clear();
    }

    /** The batch failed: what it handled is replayed from the last commit. */
    private void dropPending() {
        batchFailed();
        pending.clear();
        sentLetters.clear();
    }

    /**
     * Partitions are about to go (a rebalance inside a poll): the batch taken in so far is completed and committed
     * first, as its offsets could not be committed after. If that fails, or the loop is closing, it is dropped: the
     * partitions' next owner replays it from the last commit.
     */
    private void completeBeforeHandOver() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            if (running) {
                completePending();
                return;
            }
        } catch (Exception e) {
            LOG.warn("{}: cannot complete the batch before a rebalance, it will be replayed: {}", name, e.toString());
        }
        dropPending();
    }

    /** True while the consumer knows of records past its position on any of its partitions. */
    private boolean behind() {
        for (TopicPartition partition : consumer.assignment()) {
            if (consumer.currentLag(partition).orElse(0) > 0) {
                return true;
            }
        }
        return false;
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
