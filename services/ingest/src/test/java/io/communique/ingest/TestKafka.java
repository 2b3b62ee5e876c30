package io.communique.ingest;

import io.communique.broker.EmbeddedKafka;
import io.communique.extract.Extractor;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One real embedded broker for all of this module's tests (started on first use, stopped when the JVM exits), with
 * our topics created; plus the waiting helpers the source tests share. Tests tell their records apart by content.
 */
public final class TestKafka {
    private static EmbeddedKafka broker;
    private static KafkaSettings settings;

    private TestKafka() {
    }

    public static synchronized KafkaSettings settings() {
        if (settings == null) {
            try {
                broker = EmbeddedKafka.start(Files.createTempDirectory("communique-ingest-test"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            settings = new KafkaSettings(broker.bootstrapServers());
            Vertx admin = Vertx.vertx();
            try {
                await(TopicAdmin.ensureTopics(admin, settings, Topics.ALL));
            } finally {
                admin.close();
            }
        }
        return settings;
    }

    /** A Vert.x instance running the real ingest verticle (no seeds) against the test broker. */
    public static Vertx vertxWithIngest() {
        return vertxWithIngest(new Extractor());
    }

    /** The same with the given extractor, e.g. a {@link FailingExtractor}. */
    public static Vertx vertxWithIngest(Extractor extractor) {
        Vertx vertx = Vertx.vertx();
        await(vertx.deployVerticle(new IngestVerticle(settings(), null, extractor)));
        return vertx;
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e.getMessage(), e);
        }
    }

    public interface Check {
        boolean holds() throws Exception;
    }

    public static void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!check.holds()) {
            assertThat(System.nanoTime()).as(what + " within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Reads a topic from the beginning to its current end, as any subscriber would. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The documents on the documents topic whose url (or, when url is null, source) is the given one. */
    public static List<io.communique.model.Document> documents(String url) {
        return readAll(Topics.DOCUMENTS).stream()
                .map(r -> io.communique.model.Json.read(r.value(), io.communique.model.Document.class))
                .filter(d -> url.equals(d.url()) || url.equals(d.source()))
                .toList();
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
