package io.communique.kafka;

import io.communique.broker.EmbeddedKafka;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How a {@link ConsumerLoop} cuts what it reads into batches, against a real broker: a backlog in batches of many polls
 * when the loop allows it, a caught-up loop batch by poll, and the offsets committed only once a batch is complete.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConsumerLoopBatchesTest {
    private static final int BACKLOG = 5000;
    /** KafkaSettings.groupMember's max.poll.records: a backlog larger than this takes several polls. */
    private static final int POLL_RECORDS = 2000;

    private static Path data;
    private static EmbeddedKafka kafka;
    private static KafkaSettings settings;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("communique-loop-test");
        kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        settings = new KafkaSettings(kafka.bootstrapServers());
        producer = new KafkaProducer<>(new HashMap<>(settings.producer()));
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        kafka.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void aLoopAllowedLongBatchesTakesABacklogInOneBatchThenBatchesEachPollOnceCaughtUp() throws Exception {
        String topic = backlog("long-batches");
        try (BatchCounter loop = new BatchCounter(topic, Duration.ofSeconds(60))) {
            loop.start();
            await("the backlog completed").atMost(Duration.ofSeconds(60)).until(() -> loop.handled() == BACKLOG);
            assertThat(loop.batches).first().isEqualTo(BACKLOG); // more than one poll, one completion

            send(topic, 1);
            await("the new record's batch completed").atMost(Duration.ofSeconds(10)).until(() -> loop.handled() == BACKLOG + 1);
            assertThat(loop.batches).last().isEqualTo(1);
            assertThat(loop.committedAtCompletion).containsExactly(0L, (long) BACKLOG);
        }
    }

    @Test
    void byDefaultALoopCompletesEveryPollAndCommitsOnlyWhatItCompleted() throws Exception {
        String topic = backlog("poll-batches");
        try (BatchCounter loop = new BatchCounter(topic, Duration.ZERO)) {
            loop.start();
            await("the backlog completed").atMost(Duration.ofSeconds(60)).until(() -> loop.handled() == BACKLOG);
            assertThat(loop.batches).allSatisfy(size -> assertThat(size).isBetween(1, POLL_RECORDS));
            // At each completion the group's offset is where the previous batch ended.
            long end = 0;
            for (int i = 0; i < loop.batches.size(); i++) {
                assertThat(loop.committedAtCompletion.get(i)).isEqualTo(end);
                end += loop.batches.get(i);
            }
        }
    }

    /** A topic of one partition holding {@link #BACKLOG} records before any loop reads it. */
    private static String backlog(String name) throws Exception {
        try (Admin admin = Admin.create(new HashMap<>(settings.admin()))) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
        send(name, BACKLOG);
        return name;
    }

    private static void send(String topic, int records) {
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, "k", ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        producer.flush();
    }

    /** Counts the records of each completed batch, and the group's committed offset when each completes. */
    private static final class BatchCounter extends ConsumerLoop {
        final List<Integer> batches = new CopyOnWriteArrayList<>();
        final List<Long> committedAtCompletion = new CopyOnWriteArrayList<>();
        private final String group;
        private final String topic;
        private final Duration maxBatchTime;
        private final Admin admin = Admin.create(new HashMap<>(settings.admin()));
        private int inBatch;
        private volatile int handled;

        BatchCounter(String topic, Duration maxBatchTime) {
            super("test-" + topic, settings, "test-" + topic, topic, letter -> CompletableFuture.completedFuture(null));
            this.group = "test-" + topic;
            this.topic = topic;
            this.maxBatchTime = maxBatchTime;
        }

        int handled() {
            return handled;
        }

        @Override
        protected Duration maxBatchTime() {
            return maxBatchTime;
        }

        @Override
        protected void handle(ConsumerRecord<String, byte[]> record) {
            inBatch++;
        }

        @Override
        protected void completeBatch() throws Exception {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            committedAtCompletion.add(committed == null ? 0 : committed.offset());
            batches.add(inBatch);
            handled += inBatch;
            inBatch = 0;
        }

        @Override
        public void close() {
            super.close();
            admin.close();
        }
    }
}
