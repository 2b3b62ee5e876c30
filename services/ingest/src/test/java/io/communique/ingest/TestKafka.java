package io.communique.ingest;

import io.communique.broker.EmbeddedKafka;
import io.communique.extract.Extractor;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Topics;
import io.communique.testing.TopicChecks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One real embedded broker for all of this module's tests (started on first use, stopped when the JVM exits), with
 * our topics created; plus reading its topics (with {@link TopicChecks}). Tests tell their records apart by content.
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

    /** Reads a topic from the beginning to its current end, as any subscriber would. */
    public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        return TopicChecks.readAll(settings().bootstrapServers(), topic);
    }

    /** The documents on the documents topic whose url (or, when url is null, source) is the given one. */
    public static List<io.communique.model.Document> documents(String url) {
        return readAll(Topics.DOCUMENTS).stream()
                .map(r -> io.communique.model.Json.read(r.value(), io.communique.model.Document.class))
                .filter(d -> url.equals(d.url()) || url.equals(d.source()))
                .toList();
    }
}
