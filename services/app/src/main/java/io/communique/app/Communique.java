package io.communique.app;

import io.communique.alert.AlertVerticle;
import io.communique.broker.EmbeddedKafka;
import io.communique.extract.Extractor;
import io.communique.ingest.DocumentRepair;
import io.communique.ingest.IngestVerticle;
import io.communique.ingest.Sources;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Topics;
import io.communique.projection.ProjectionVerticle;
import io.communique.web.WebVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running Communiqué: the embedded broker (unless an external cluster is configured), the topics, and the
 * projection (with the alerting), web and ingest verticles. {@link #start} returns once the seeds are in Kafka and the API listens.
 */
public final class Communique implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Communique.class);
    private static final long START_TIMEOUT_S = 120;

    private final EmbeddedKafka broker;
    private final Vertx vertx;
    private final WebVerticle web;
    private final ProjectionVerticle projection;
    private final AlertVerticle alerts;
    private final IngestVerticle ingest;
    private final String bootstrapServers;
    private final String apiToken;

    private Communique(EmbeddedKafka broker, Vertx vertx, WebVerticle web, ProjectionVerticle projection,
                       AlertVerticle alerts, IngestVerticle ingest, String bootstrapServers, String apiToken) {
        this.alerts = alerts;
        this.broker = broker;
        this.vertx = vertx;
        this.web = web;
        this.projection = projection;
        this.ingest = ingest;
        this.bootstrapServers = bootstrapServers;
        this.apiToken = apiToken;
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
        String apiToken = config.apiToken();
        if (apiToken == null) {
            apiToken = ApiTokenFile.loadOrCreate(config.dataDir());
            LOG.info("API token for writes and admin actions: in {} (owner-only). Send 'Authorization: Bearer <token>'.",
                    ApiTokenFile.pathIn(config.dataDir()).toAbsolutePath());
        }
        KafkaSettings settings = new KafkaSettings(bootstrap, config.kafkaClientProperties());
        Vertx vertx = Vertx.vertx();
        Set<AppConfig.Role> roles = config.roles();
        WebVerticle web = roles.contains(AppConfig.Role.WEB) ? new WebVerticle(settings, new WebVerticle.Options(
                config.httpHost(), config.httpPort(), config.maxDocumentBytes(), config.maxClientQueueBytes(),
                config.ingestTimeoutMs(), apiToken, config.writesPerMinute(), config.authFailuresPerMinute(),
                config.allowedOrigins(), config.allowedHosts(), config.livePace(), config.readLimits()), new WebVerticle.Store(
                config.webStore().directory(config.dataDir()), config.webStore().cacheMb())) : null;
        ProjectionVerticle projection = roles.contains(AppConfig.Role.PROJECTION)
                ? new ProjectionVerticle(settings, config.viewRecent()) : null;
        // Alerting follows the fact log like the projection, so it runs with that role.
        AlertVerticle alerts = roles.contains(AppConfig.Role.PROJECTION)
                ? new AlertVerticle(settings, config.webhooks().options(config.liveSources())) : null;
        IngestVerticle ingest = roles.contains(AppConfig.Role.INGEST)
                ? new IngestVerticle(settings, config.seedsDir(), new Extractor()) : null;
        Communique app = new Communique(broker, vertx, web, projection, alerts, ingest, bootstrap, apiToken);
        LOG.info("Roles: {}", roles);
        try {
            // Projection first (views current), then web (serves them), then ingest (new documents flow in).
            Future<?> started = TopicAdmin.ensureTopics(vertx, settings, Topics.ALL);
            if (projection != null) {
                started = started.compose(v -> vertx.deployVerticle(projection))
                        .compose(v -> vertx.deployVerticle(alerts));
            }
            if (web != null) {
                started = started.compose(v -> vertx.deployVerticle(web));
            }
            if (ingest != null) {
                started = started
                        .compose(v -> vertx.deployVerticle(ingest))
                        .compose(v -> vertx.deployVerticle(new Sources(settings,
                                config.liveSources().options(config.dataDir(), config.maxDocumentBytes()))));
            }
            await(started);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        return app;
    }

    /** The API's port, or -1 without the web role. */
    public int httpPort() {
        return web == null ? -1 : web.port();
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Facts the projection folded since this start: after a restart, only those past its checkpoint. */
    public long projectionFactsFolded() {
        return projection == null ? 0 : projection.factsFolded();
    }

    /** Alerts raised since this start (0 without the projection role, which runs the alerting). */
    public long alertsRaised() {
        return alerts == null ? 0 : alerts.alertsRaised();
    }

    /** What the repair of documents recorded without their facts did since this start (zeros without the ingest role). */
    public DocumentRepair.Counts repairCounts() {
        return ingest == null ? DocumentRepair.Counts.NONE : ingest.repairCounts();
    }

    /** The bearer token writes need (configured, or generated under DATA_DIR). */
    public String apiToken() {
        return apiToken;
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
