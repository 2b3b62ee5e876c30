package io.communique.bench;

import io.communique.extract.Extractor;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.TopicSpec;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A topic of bench facts in the app's exact format (key, JSON value, CloudEvents headers) and with the spec of
 * {@link Topics#FACTS}: the app's own fact topic on a broker of the bench's own, which the projection then reads.
 * Filled with facts extracted from synthetic reports, repeated with fresh document and fact ids until it holds the
 * asked number.
 */
final class FactLog implements AutoCloseable {
    private static final int POOL_REPORTS = 3000;

    private final KafkaSettings settings;
    private final String topic;
    private final int size;

    private FactLog(KafkaSettings settings, String topic, int size) {
        this.settings = settings;
        this.topic = topic;
        this.size = size;
    }

    /** Creates the topic if need be and produces {@code size} facts with a plain, batching producer (lz4). */
    static FactLog fill(Vertx vertx, KafkaSettings settings, String topic, int size, PrintStream progress) throws Exception {
        FactLog log = new FactLog(settings, topic, size);
        TopicSpec facts = Topics.spec(Topics.FACTS);
        TopicAdmin.ensureTopics(vertx, settings, List.of(new TopicSpec(log.topic, facts.partitions(), facts.config())))
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        log.produce(pool(), progress);
        return log;
    }

    int size() {
        return size;
    }

    /** A fact as extracted, with the document it came from (for the CloudEvents headers). */
    private record Extracted(Fact fact, Document document) {
    }

    private static List<Extracted> pool() {
        Reports reports = new Reports(11);
        Extractor extractor = new Extractor();
        String receivedAt = Instant.now().toString();
        List<Extracted> pool = new ArrayList<>();
        for (int i = 0; i < POOL_REPORTS; i++) {
            Document report = reports.next();
            Document received = new Document(report.id(), report.text(), report.source(), report.url(),
                    report.language(), report.published(), receivedAt);
            extractor.extract(received).forEach(fact -> pool.add(new Extracted(fact, received)));
        }
        return pool;
    }

    private void produce(List<Extracted> pool, PrintStream progress) throws InterruptedException {
        Map<String, Object> config = new HashMap<>(settings.producer());
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            Document lastDocument = null;
            String documentId = null;
            for (int i = 0; i < size && failure.get() == null; i++) {
                Extracted original = pool.get(i % pool.size());
                if (original.document() != lastDocument || i % pool.size() == 0) { // a new document, or a new round
                    lastDocument = original.document();
                    documentId = Ids.documentId(i / pool.size() + "/" + lastDocument.text());
                }
                Fact fact = renamed(original.fact(), documentId, i % pool.size());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, Topics.factKey(fact), Json.bytes(fact));
                CloudEvents.factHeaders(fact, original.document())
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                producer.send(record, (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                });
                if ((i + 1) % RecordProgress.EVERY == 0) {
                    progress.printf("facts: produced %,d of %,d%n", i + 1, size);
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka did not take the bench facts: " + failure.get().getMessage(), failure.get());
        }
        progress.printf("facts: %,d produced in %.1f s%n", size, (System.nanoTime() - start) / 1e9);
    }

    /** The same fact as if stated by another document: new document id, new deterministic fact id. */
    private static Fact renamed(Fact fact, String documentId, int ordinal) {
        return new Fact(Ids.factId(documentId, fact.type(), fact.participants(), fact.date(), ordinal), documentId,
                fact.source(), fact.type(), fact.participants(), fact.initiator(), fact.persons(), fact.date(),
                fact.endDate(), fact.location(), fact.title(), fact.topics(), fact.confidence(), fact.evidence(),
                fact.extractor());
    }

    /** How many records a read handled, in how many seconds (from its first poll). */
    record Read(long records, double seconds) {
        double perSecond() {
            return records / seconds;
        }
    }

    /**
     * Reads the topic from the beginning with a plain consumer (the app's reader settings), handing every record to
     * {@code handler}, until all are read or the time is up.
     */
    Read read(Consumer<ConsumerRecord<String, byte[]>> handler, double maxSeconds, String phase, PrintStream progress) {
        try (Share share = share(phase)) {
            long start = System.nanoTime();
            long deadline = start + (long) (maxSeconds * 1e9);
            long read = 0;
            RecordProgress shown = new RecordProgress(progress, phase, size);
            while (!share.done() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : share.poll()) {
                    handler.accept(record);
                    read++;
                }
                shown.reached(read);
            }
            return new Read(read, (System.nanoTime() - start) / 1e9);
        }
    }

    /** Every partition of the topic, read from the beginning by a plain consumer with the app's reader settings. */
    private Share share(String phase) {
        Map<String, Object> config = new HashMap<>(settings.reader());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "communique-bench-" + phase);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long records = 0;
        for (Map.Entry<TopicPartition, Long> beginning : consumer.beginningOffsets(partitions).entrySet()) {
            records += ends.get(beginning.getKey()) - beginning.getValue();
        }
        return new Share(consumer, ends, records);
    }

    /** A consumer over the partitions, done when it has read each up to the end it had when it began. */
    private static final class Share implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<TopicPartition, Long> ends;
        private final long records;

        private Share(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends, long records) {
            this.consumer = consumer;
            this.ends = ends;
            this.records = records;
        }

        /** How many records the share holds, from the beginning to the end it had when it began. */
        long records() {
            return records;
        }

        ConsumerRecords<String, byte[]> poll() {
            return consumer.poll(Duration.ofMillis(100));
        }

        boolean done() {
            return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Deletes the topic (its data is only needed for one run). */
    @Override
    public void close() throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(new HashMap<>(settings.admin()))) {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }
}
