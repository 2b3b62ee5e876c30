package io.communique.app;

import io.communique.broker.EmbeddedKafka;
import io.communique.extract.Extractor;
import io.communique.ingest.IngestVerticle;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Topics;
import io.communique.projection.ProjectionVerticle;
import io.communique.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running Communiqué: the embedded broker (unless an external cluster is configured), the topics, and the
 * projection, web and ingest verticles. {@link #start} returns once the seeds are in Kafka and the API listens.
 */
public final class Communique implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Communique.class);
    private static final long START_TIMEOUT_S = 120;

    private final EmbeddedKafka broker;
    private final Vertx vertx;
    private final WebVerticle web;
    private final String bootstrapServers;

    private Communique(EmbeddedKafka broker, Vertx vertx, WebVerticle web, String bootstrapServers) {
        this.broker = broker;
        this.vertx = vertx;
        this.web = web;
        this.bootstrapServers = bootstrapServers;
    }

    public static Communique start(AppConfig config) {
        EmbeddedKafka broker = null;
        String bootstrap = config.kafkaBootstrapServers();
        if (bootstrap == null) {
            broker = EmbeddedKafka.start(config.dataDir().resolve("kafka"), config.embeddedKafkaPort());
            bootstrap = broker.bootstrapServers();
            LOG.info("Embedded Kafka broker at {} (data in {}): subscribe your own consumers there",
                    bootstrap, config.dataDir().resolve("kafka").toAbsolutePath());
        }
        KafkaSettings settings = new KafkaSettings(bootstrap);
        Vertx vertx = Vertx.vertx();
        WebVerticle web = new WebVerticle(settings, new WebVerticle.Options(config.httpHost(), config.httpPort(),
                config.maxDocumentBytes(), config.maxClientQueueBytes(), config.ingestTimeoutMs()));
        Communique app = new Communique(broker, vertx, web, bootstrap);
        try {
            await(TopicAdmin.ensureTopics(vertx, settings, Topics.ALL)
                    .compose(v -> vertx.deployVerticle(new ProjectionVerticle(settings)))
                    .compose(v -> vertx.deployVerticle(web))
                    .compose(v -> vertx.deployVerticle(new IngestVerticle(settings, config.seedsDir(), new Extractor()))));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    public int httpPort() {
        return web.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops Vert.x first (so nothing writes any more), then the broker. */
    @Override
    public void close() {
        try {
            await(vertx.close());
        } catch (RuntimeException e) {
            LOG.warn("Vert.x did not close cleanly: {}", e.getMessage());
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("not started within " + START_TIMEOUT_S + " s: is Kafka reachable?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
