package io.communique.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads whole topics from their first record and then follows them, handing each polled batch to a handler and
 * polling again only once the handler's future completes (so a slow handler applies back-pressure, and batches are
 * never handled concurrently). {@link #caughtUp()} completes once every record that existed at start was handled:
 * from then on the caller's state reflects the log.
 *
 * <p>The handler takes each record on its own (a record it cannot read is its to skip or dead-letter); a failed
 * handler future means it could not take the batch now, so the batch is read again after a growing delay.
 */
public final class TopicFollower {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final long FIRST_RETRY_DELAY_MS = 1000;
    private static final long MAX_RETRY_DELAY_MS = 30_000;

    private final Vertx vertx;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Function<List<KafkaConsumerRecord<String, byte[]>>, Future<Void>> handler;
    private final Promise<Void> caughtUp = Promise.promise();
    private final Map<TopicPartition, Long> endAtStart = new HashMap<>();
    private final Set<TopicPartition> assigned = new HashSet<>();
    private long retryDelayMs = FIRST_RETRY_DELAY_MS;
    private volatile boolean closed;

    private TopicFollower(Vertx vertx, KafkaSettings settings,
                          Function<List<KafkaConsumerRecord<String, byte[]>>, Future<Void>> handler) {
        this.vertx = vertx;
        this.consumer = KafkaConsumer.create(vertx, settings.reader());
        this.handler = handler;
    }

    /** Starts following; the returned future completes once the partitions are assigned and the loop runs. */
    public static Future<TopicFollower> start(Vertx vertx, KafkaSettings settings, Collection<String> topics,
                                              Function<List<KafkaConsumerRecord<String, byte[]>>, Future<Void>> handler) {
        return start(vertx, settings, topics, Map.of(), handler);
    }

    /**
     * Starts following from the given offsets, for a caller that keeps what it read (a store on disk) and need not
     * read it again; partitions not named start at their first record.
     */
    public static Future<TopicFollower> start(Vertx vertx, KafkaSettings settings, Collection<String> topics,
                                              Map<TopicPartition, Long> from,
                                              Function<List<KafkaConsumerRecord<String, byte[]>>, Future<Void>> handler) {
        TopicFollower follower = new TopicFollower(vertx, settings, handler);
        return follower.assignAll(topics, Map.copyOf(from)).map(follower);
    }

    public Future<Void> caughtUp() {
        return caughtUp.future();
    }

    /** Records on the followed partitions not read yet: the sum of end offset minus position. */
    public Future<Long> lag() {
        return consumer.endOffsets(assigned).compose(ends -> {
            List<Future<Long>> behind = ends.entrySet().stream()
                    .map(end -> consumer.position(end.getKey()).map(position -> Math.max(0, end.getValue() - position)))
                    .toList();
            return Future.all(behind).map(all -> behind.stream().mapToLong(Future::result).sum());
        });
    }

    public Future<Void> close() {
        closed = true;
        return consumer.close();
    }

    private Future<Void> assignAll(Collection<String> topics, Map<TopicPartition, Long> from) {
        List<Future<List<io.vertx.kafka.client.common.PartitionInfo>>> lookups =
                topics.stream().map(consumer::partitionsFor).toList();
        return Future.all(lookups).compose(all -> {
            Set<TopicPartition> partitions = new HashSet<>();
            lookups.forEach(lookup -> lookup.result().forEach(info ->
                    partitions.add(new TopicPartition(info.getTopic(), info.getPartition()))));
            assigned.addAll(partitions);
            Set<TopicPartition> fromStart = new HashSet<>(partitions);
            fromStart.removeAll(from.keySet());
            return consumer.assign(partitions)
                    .compose(v -> fromStart.isEmpty() ? Future.<Void>succeededFuture() // empty would mean all
                            : consumer.seekToBeginning(fromStart))
                    // An offset the log no longer holds falls back to the reader's reset policy (earliest).
                    .compose(v -> Future.all(from.entrySet().stream().filter(start -> partitions.contains(start.getKey()))
                            .map(start -> consumer.seek(start.getKey(), start.getValue())).toList()))
                    .compose(v -> consumer.endOffsets(partitions))
                    .onSuccess(ends -> {
                        ends.forEach((partition, end) -> {
                            if (end > 0) {
                                endAtStart.put(partition, end);
                            }
                        });
                        checkCaughtUp(List.of());
                        pollLoop();
                    })
                    .mapEmpty();
        });
    }

    private void pollLoop() {
        if (closed) {
            return;
        }
        consumer.poll(POLL_TIMEOUT)
                .compose(batch -> handler.apply(toList(batch))
                        .recover(error -> rewind(batch).transform(v -> Future.failedFuture(error)))
                        .map(v -> batch))
                .onSuccess(batch -> {
                    retryDelayMs = FIRST_RETRY_DELAY_MS;
                    checkCaughtUp(toList(batch));
                    pollLoop();
                })
                .onFailure(error -> {
                    if (!closed) {
                        LOG.warn("Following {} failed, retrying in {} ms: {}", consumer, retryDelayMs, error.toString());
                        vertx.setTimer(retryDelayMs, id -> pollLoop());
                        retryDelayMs = Math.min(MAX_RETRY_DELAY_MS, retryDelayMs * 2);
                    }
                });
    }

    /** Seeks back to the batch's first records, so the next poll returns them again. */
    private Future<Void> rewind(KafkaConsumerRecords<String, byte[]> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        toList(batch).forEach(record -> first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset()));
        return Future.all(first.entrySet().stream().map(entry -> consumer.seek(entry.getKey(), entry.getValue())).toList())
                .mapEmpty();
    }

    private void checkCaughtUp(List<KafkaConsumerRecord<String, byte[]>> handled) {
        for (KafkaConsumerRecord<String, byte[]> record : handled) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            Long end = endAtStart.get(partition);
            if (end != null && record.offset() + 1 >= end) {
                endAtStart.remove(partition);
            }
        }
        if (endAtStart.isEmpty()) {
            caughtUp.tryComplete();
        } else if (handled.isEmpty()) {
            // Nothing came back although records were expected: the tail may be control records or compacted away,
            // so ask where the consumer stands instead.
            List.copyOf(endAtStart.keySet()).forEach(partition -> consumer.position(partition).onSuccess(position -> {
                if (position >= endAtStart.getOrDefault(partition, Long.MAX_VALUE)) {
                    endAtStart.remove(partition);
                }
                if (endAtStart.isEmpty()) {
                    caughtUp.tryComplete();
                }
            }));
        }
    }

    private static List<KafkaConsumerRecord<String, byte[]>> toList(KafkaConsumerRecords<String, byte[]> batch) {
        List<KafkaConsumerRecord<String, byte[]>> records = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            records.add(batch.recordAt(i));
        }
        return records;
    }
}
