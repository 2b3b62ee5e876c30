package io.communique.projection;

import io.communique.kafka.BadRecord;
import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.FactRecords;
import io.communique.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Folds routed facts into views, one consumer-group member per instance, so instances share the work by partition.
 *
 * <p><b>Checkpoints.</b> A view lives on the same partition number of its view topic as its facts on the routed fact
 * topic (same key, same partition count). Views are bounded (they list only their most recent facts), so they cannot
 * restore the state that folds them: the routed fact partition itself is the state's changelog (as Kafka Streams
 * reuses a table's source topic). When a partition is assigned, its state is restored by folding that partition from
 * its beginning up to the group's committed offset, without publishing anything, and the published views are read
 * back from the compacted view topic; consumption resumes at the committed offset. A batch's changed views
 * are published, and acknowledged, before its offsets are committed, so the view topic is never behind the commit;
 * if it is ahead (a crash between publish and commit), the replayed facts fold in again without changing anything,
 * because folds replace facts by id.
 *
 * <p><b>Rebuild.</b> {@link #rebuild()} folds the partitions again from their first record into a fresh generation
 * of state while the published views keep being served; once caught up it publishes only the views that differ,
 * and removes views that no longer have facts, in one step.
 */
final class PartitionedProjection<S> extends ConsumerLoop {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionedProjection.class);
    /** However slow publishing gets, views and commits trail a backlog by at most about this long. */
    private static final Duration MAX_BATCH_TIME = Duration.ofSeconds(10);
    /** A batch lasts this many times as long as the last publish: publishing takes at most a fifth of the time. */
    private static final int PUBLISH_SHARE = 4;

    /** What a finished rebuild changed. */
    record RebuildResult(String kind, int viewsChanged, int viewsRemoved, long factsFolded) {
    }

    private final ViewKind<S> kind;
    private final KafkaSettings settings;
    private final KafkaProducer<String, byte[]> producer;
    /** Where views read back facts that left their first ones: the routed fact topic itself. */
    private final KafkaFactSource source;
    private final Map<Integer, Map<String, S>> states = new HashMap<>();
    private final Map<Integer, Map<String, byte[]>> published = new HashMap<>();
    /**
     * The view keys each state published last, per partition: a state whose views change keys (events of a pair
     * that merge or split) removes the views it no longer has.
     */
    private final Map<Integer, Map<String, Set<String>>> owned = new HashMap<>();
    /** Keys folded but not yet acknowledged by the view topic, per partition: kept across failed batches. */
    private final Map<Integer, Set<String>> dirty = new HashMap<>();
    private final AtomicLong folded = new AtomicLong();
    /** While rebuilding: the end offset each partition must reach before the new generation is published. */
    private final Map<Integer, Long> rebuildUntil = new HashMap<>();
    /** Where the last rebuild started reading each partition again: records before it were handled (or lettered). */
    private final Map<Integer, Long> rebuildFrom = new HashMap<>();
    private volatile CompletableFuture<RebuildResult> rebuildRequest;
    private CompletableFuture<RebuildResult> rebuilding;
    private long foldedAtRebuildStart;
    /**
     * How long the last batch's publish took, the wait for Kafka's acknowledgement included: that wait is mostly the
     * broker appending the views, work that competes with the rest (measured: leaving it out cost more CPU per fact).
     */
    private long lastPublishNanos;

    PartitionedProjection(ViewKind<S> kind, KafkaSettings settings, KafkaProducer<String, byte[]> producer) {
        super(group(kind), settings, group(kind), kind.inputTopic(), producer::send);
        this.kind = kind;
        this.settings = settings;
        this.producer = producer;
        this.source = new KafkaFactSource(settings, kind.inputTopic());
    }

    /** The consumer group of the projections of {@code kind}. */
    static String group(ViewKind<?> kind) {
        return "communique-projection-" + kind.name();
    }

    @Override
    public void close() {
        super.close(); // the loop has ended: nothing reads from the source any more
        source.close();
    }

    /** Facts folded since start: a restart that resumed from its checkpoint folds only what came after. */
    long factsFolded() {
        return folded.get();
    }

    /** Requests a rebuild of this member's partitions; completes when the new generation is published. */
    synchronized CompletableFuture<RebuildResult> rebuild() {
        if (rebuildRequest == null) {
            rebuildRequest = new CompletableFuture<>();
        }
        return rebuildRequest;
    }

    @Override
    protected void onAssigned(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            published.put(partition.partition(), readViews(partition.partition()));
            Map<String, S> restored = restore(partition.partition(), consumer().position(partition));
            Map<String, Set<String>> viewKeys = new HashMap<>();
            restored.forEach((key, state) -> viewKeys.put(key, kind.viewKeys(key, state)));
            states.put(partition.partition(), restored);
            owned.put(partition.partition(), viewKeys);
            dirty.put(partition.partition(), new TreeSet<>());
        }
        LOG.info("{} projection took partitions {}", kind.name(), partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    protected void onRevoked(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            states.remove(partition.partition());
            published.remove(partition.partition());
            owned.remove(partition.partition());
            dirty.remove(partition.partition());
            rebuildUntil.remove(partition.partition());
            rebuildFrom.remove(partition.partition());
        }
    }

    @Override
    protected void beforePoll() {
        CompletableFuture<RebuildResult> request;
        synchronized (this) {
            request = rebuildRequest;
            rebuildRequest = null;
        }
        if (request == null) {
            return;
        }
        if (rebuilding != null) {
            rebuilding.whenComplete((result, error) -> complete(request, result, error));
            return;
        }
        KafkaConsumer<String, byte[]> consumer = consumer();
        List<TopicPartition> assigned = new ArrayList<>(consumer.assignment());
        consumer.endOffsets(assigned).forEach((partition, end) -> rebuildUntil.put(partition.partition(), end));
        assigned.forEach(partition -> rebuildFrom.put(partition.partition(), consumer.position(partition)));
        states.replaceAll((partition, old) -> new HashMap<>());
        dirty.replaceAll((partition, old) -> new TreeSet<>());
        consumer.seekToBeginning(assigned);
        rebuilding = request;
        foldedAtRebuildStart = folded.get();
        LOG.info("Rebuilding {} views of partitions {}", kind.name(), rebuildUntil.keySet());
        finishRebuildIfCaughtUp();
    }

    private static <T> void complete(CompletableFuture<T> target, T result, Throwable error) {
        if (error != null) {
            target.completeExceptionally(error);
        } else {
            target.complete(result);
        }
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record) {
        if (fold(record, states.get(record.partition()))) {
            dirty.get(record.partition()).add(record.key());
        }
        folded.incrementAndGet();
    }

    /**
     * A batch takes in records for {@link #PUBLISH_SHARE} times as long as the last publish took: a view's bytes are
     * derived from its whole state, which grows, so publishing after every poll would take ever more of the time (and
     * of the cores the router needs) during a burst; this way it takes at most a fifth, while a small view is still
     * published right after its facts.
     */
    @Override
    protected Duration minBatchTime() {
        return Duration.ofNanos(Math.min(MAX_BATCH_TIME.toNanos(), PUBLISH_SHARE * lastPublishNanos));
    }

    @Override
    protected Duration maxBatchTime() {
        return Duration.ofNanos(Math.max(ProjectionVerticle.BACKLOG_BATCH_TIME.toNanos(), minBatchTime().toNanos()));
    }

    @Override
    protected void completeBatch() throws Exception {
        if (rebuilding == null) {
            publish(new ArrayList<>(dirty.keySet()), false);
        } else {
            finishRebuildIfCaughtUp();
        }
    }

    /** A rebuild reads its partitions again from the beginning: what it meets below where it started was lettered. */
    @Override
    protected boolean letteredBefore(ConsumerRecord<String, byte[]> record) {
        return record.offset() < rebuildFrom.getOrDefault(record.partition(), 0L);
    }

    /**
     * Folds one routed fact into its view's state; true when the view changed. Throws {@link BadRecord} on a record
     * that is no routed fact.
     */
    private boolean fold(ConsumerRecord<String, byte[]> record, Map<String, S> partitionStates) {
        boolean retraction = FactRecords.checkIsRetraction(record);
        if (record.key() == null) {
            throw new BadRecord(BadRecord.Kind.WRONG_SHAPE, "no key: a routed fact is keyed by the view it belongs to");
        }
        FoldedFact fact = BadRecord.shape(() -> FoldedFact.read(record.value(),
                KafkaFactSource.locator(record.partition(), record.offset())));
        S state = partitionStates.computeIfAbsent(record.key(), key -> kind.empty().apply(key, source));
        return retraction ? kind.retract().test(state, fact.outline().id())
                : BadRecord.shape(() -> kind.apply().apply(state, fact));
    }

    /** The state of a partition's views as of {@code committed}: its routed facts folded from the beginning. */
    private Map<String, S> restore(int partitionNumber, long committed) {
        TopicPartition partition = new TopicPartition(kind.inputTopic(), partitionNumber);
        Map<String, S> restored = new HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(new HashMap<>(settings.reader()))) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            while (reader.position(partition) < committed) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= committed) {
                        break;
                    }
                    try {
                        fold(record, restored);
                    } catch (RuntimeException e) {
                        if (isTransient(e)) {
                            throw e;
                        }
                        // dead-lettered when it was first read, and skipped ever since
                    }
                }
            }
        }
        return restored;
    }

    private void finishRebuildIfCaughtUp() throws RuntimeException {
        KafkaConsumer<String, byte[]> consumer = consumer();
        boolean caughtUp = rebuildUntil.entrySet().stream().allMatch(entry ->
                consumer.position(new TopicPartition(kind.inputTopic(), entry.getKey())) >= entry.getValue());
        if (!caughtUp) {
            return;
        }
        CompletableFuture<RebuildResult> done = rebuilding;
        try {
            int[] counts = publish(new ArrayList<>(rebuildUntil.keySet()), true);
            RebuildResult result = new RebuildResult(kind.name(), counts[0], counts[1], folded.get() - foldedAtRebuildStart);
            LOG.info("Rebuilt {} views: {}", kind.name(), result);
            done.complete(result);
        } catch (Exception e) {
            done.completeExceptionally(e);
        } finally {
            rebuilding = null;
            rebuildUntil.clear();
        }
    }

    /** A view record on its way to Kafka: {@code view} null removes the view. */
    private record Pending(int partition, String key, byte[] view, Future<RecordMetadata> send) {
    }

    /**
     * Publishes the partitions' views whose bytes differ from the published ones, and removes (tombstones) the views
     * a changed state no longer has; with {@code all}, every view of the new generation is compared and every
     * published view that no state has any more is removed. Returns {changed, removed}, once Kafka has acknowledged
     * them.
     */
    private int[] publish(List<Integer> partitions, boolean all) throws Exception {
        long began = System.nanoTime();
        List<Pending> pending = new ArrayList<>();
        Map<Integer, Map<String, Set<String>>> nowOwned = new HashMap<>();
        for (int partition : partitions) {
            Map<String, S> partitionStates = states.get(partition);
            Map<String, byte[]> last = published.get(partition);
            Map<String, Set<String>> owners = nowOwned.computeIfAbsent(partition, p -> new HashMap<>());
            Collection<String> keys = all ? partitionStates.keySet() : dirty.get(partition);
            for (String key : keys) {
                Map<String, byte[]> views = kind.bytes(key, partitionStates.get(key));
                views.forEach((viewKey, view) -> {
                    if (!Arrays.equals(last.get(viewKey), view)) {
                        pending.add(send(partition, viewKey, view));
                    }
                });
                if (!all) {
                    owned.get(partition).getOrDefault(key, Set.of()).stream().filter(viewKey -> !views.containsKey(viewKey))
                            .forEach(viewKey -> pending.add(send(partition, viewKey, null)));
                }
                owners.put(key, views.keySet());
            }
            if (all) {
                Set<String> kept = new HashSet<>();
                owners.values().forEach(kept::addAll);
                last.keySet().stream().filter(viewKey -> !kept.contains(viewKey))
                        .forEach(viewKey -> pending.add(send(partition, viewKey, null)));
            }
        }
        for (Pending view : pending) {
            view.send().get();
        }
        if (!all) {
            lastPublishNanos = System.nanoTime() - began;
        }
        // Only once acknowledged: a failed batch keeps its keys dirty and tries the removals again.
        nowOwned.forEach((partition, owners) -> {
            if (all) {
                owned.put(partition, owners);
            } else {
                owned.get(partition).putAll(owners);
            }
        });
        for (Pending view : pending) {
            if (view.view() == null) {
                published.get(view.partition()).remove(view.key());
            } else {
                published.get(view.partition()).put(view.key(), view.view());
            }
        }
        partitions.forEach(partition -> dirty.get(partition).clear());
        int removed = (int) pending.stream().filter(view -> view.view() == null).count();
        return new int[]{pending.size() - removed, removed};
    }

    private Pending send(int partition, String key, byte[] view) {
        // The view goes to the partition number of its facts: restoring a partition reads exactly its views.
        return new Pending(partition, key, view, producer.send(new ProducerRecord<>(kind.viewTopic(), partition, key, view)));
    }

    /** The views a partition of the view topic holds now: the latest record per key, tombstones removing. */
    private Map<String, byte[]> readViews(int partitionNumber) {
        TopicPartition partition = new TopicPartition(kind.viewTopic(), partitionNumber);
        Map<String, byte[]> views = new HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(new HashMap<>(settings.reader()))) {
            reader.assign(List.of(partition));
            reader.seekToBeginning(List.of(partition));
            long end = reader.endOffsets(List.of(partition)).get(partition);
            while (reader.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        views.remove(record.key());
                    } else {
                        views.put(record.key(), record.value());
                    }
                }
            }
        }
        return views;
    }
}
