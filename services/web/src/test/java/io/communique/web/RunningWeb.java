package io.communique.web;

import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.CloudEvents;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real broker with the topics created, the web verticle on a free loopback port and a producer to feed it, for the
 * tests of one class: {@code @RegisterExtension static final RunningWeb running = new RunningWeb();}.
 */
final class RunningWeb implements BeforeAllCallback, AfterAllCallback {
    static final String TOKEN = "test-token-0123456789";

    private final int authFailuresPerMinute;
    private final ReadLimits limits;
    private Path data;
    EmbeddedKafka kafka;
    Vertx vertx;
    WebVerticle web;
    KafkaProducer<String, byte[]> producer;

    /** Failed token attempts are not limited. */
    RunningWeb() {
        this(0);
    }

    RunningWeb(int authFailuresPerMinute) {
        this(authFailuresPerMinute, ReadLimits.DEFAULT);
    }

    RunningWeb(int authFailuresPerMinute, ReadLimits limits) {
        this.authFailuresPerMinute = authFailuresPerMinute;
        this.limits = limits;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        data = Files.createTempDirectory("communique-web-test");
        kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers());
        vertx = Vertx.vertx();
        await(TopicAdmin.ensureTopics(vertx, settings, Topics.ALL));
        web = new WebVerticle(settings, new WebVerticle.Options("127.0.0.1", 0, 1024 * 1024, 1024 * 1024, 2000,
                TOKEN, 0, authFailuresPerMinute, Set.of(), Set.of("127.0.0.1"), limits),
                new WebVerticle.Store(data.resolve("web-store"), 16));
        await(vertx.deployVerticle(web));
        producer = new KafkaProducer<>(new HashMap<>(settings.producer()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        producer.close();
        await(vertx.close());
        kafka.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** Writes the facts to the fact topic as the extractor does, with this CloudEvents type, and waits for the acks. */
    void publish(List<Fact> facts, String type) {
        for (Fact fact : facts) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
            record.headers().add(CloudEvents.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
        }
        producer.flush();
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
