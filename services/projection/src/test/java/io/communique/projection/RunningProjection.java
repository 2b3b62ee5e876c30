package io.communique.projection;

import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real broker with the topics created and the projection verticle deployed, and a producer to feed it, for the
 * tests of one class: {@code @RegisterExtension static final RunningProjection projection = new RunningProjection();}.
 */
final class RunningProjection implements BeforeAllCallback, AfterAllCallback {
    private Path data;
    private EmbeddedKafka kafka;
    private Vertx vertx;
    KafkaSettings settings;
    KafkaProducer<String, byte[]> producer;
    ProjectionVerticle verticle;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("communique-projection-test");
        kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        settings = new KafkaSettings(kafka.bootstrapServers());
        vertx = Vertx.vertx();
        TopicAdmin.ensureTopics(vertx, settings, Topics.ALL).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        verticle = new ProjectionVerticle(settings, 100);
        vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        producer = new KafkaProducer<>(new HashMap<>(settings.producer()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        producer.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        kafka.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
