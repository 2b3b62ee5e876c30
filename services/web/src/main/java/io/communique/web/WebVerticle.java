package io.communique.web;

import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicFollower;
import io.communique.model.CloudEvents;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Serves the REST API, the WebSocket and the dashboard. It follows the fact, document and view topics itself, so any
 * number of web instances serve complete views from Kafka alone, and pushes every change to connected clients.
 */
public final class WebVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(WebVerticle.class);
    private static final List<String> FOLLOWED = List.of(Topics.DOCUMENTS, Topics.FACTS, Topics.VIEWS_COUNTRY, Topics.VIEWS_TOPIC,
            Topics.VIEWS_EVENT);
    private static final long HEALTH_CHECK_MS = 2000;
    private static final long PING_MS = 30_000;
    /**
     * Views go out at most once a second each: a busy country's view changes with every one of its facts, and the
     * dashboard renders at most four times a second anyway.
     */
    private static final long VIEW_FLUSH_MS = 1000;
    /** The view topics pushed over the WebSocket, by the kind of view clients name them by ("country/RU"). */
    private static final Map<String, String> VIEW_KINDS = Map.of(Topics.VIEWS_COUNTRY, "country", Topics.VIEWS_TOPIC, "topic");

    /**
     * @param host             interface to listen on
     * @param port             HTTP port; 0 picks a free one (see {@link #port()})
     * @param maxDocumentBytes largest accepted request body
     * @param apiToken         bearer token that writes and admin actions need
     * @param writesPerMinute  per-client write limit; 0 = none
     * @param allowedOrigins   foreign origins allowed for CORS and WebSockets; empty = none
     */
    public record Options(String host, int port, long maxDocumentBytes, int maxClientQueueBytes, long ingestTimeoutMs,
                          String apiToken, int writesPerMinute, Set<String> allowedOrigins) {
        public Options {
            allowedOrigins = Set.copyOf(allowedOrigins);
        }
    }

    private final KafkaSettings settings;
    private final Options options;
    private final LiveState state = new LiveState();
    /** A view message not yet sent: the latest version of one view, named by kind and key as clients watch it. */
    private record PendingView(String kind, String key, String whole) {
    }

    /** View messages not yet sent, the latest per view, by the name clients watch it by ("country/RU"). */
    private final Map<String, PendingView> pendingViews = new LinkedHashMap<>();
    private LiveClients clients;
    private TopicFollower follower;
    private KafkaAdminClient admin;
    private HttpServer server;
    private volatile Health health;

    public WebVerticle(KafkaSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
        this.health = new Health(settings.bootstrapServers(), false, false, "starting");
    }

    @Override
    public Future<?> start() {
        clients = new LiveClients(options.maxClientQueueBytes());
        admin = KafkaAdminClient.create(vertx, settings.admin());
        vertx.setPeriodic(0, HEALTH_CHECK_MS, id -> checkKafka());
        vertx.setPeriodic(PING_MS, id -> clients.ping());
        vertx.setPeriodic(VIEW_FLUSH_MS, id -> {
            pendingViews.forEach((name, view) ->
                    clients.broadcastView(name, view.whole(), state.countMessage(view.kind(), view.key())));
            pendingViews.clear();
        });
        Streams streams = new Streams(admin, System::currentTimeMillis);
        Api api = new Api(vertx, state, () -> health, clients, options, streams::snapshot);
        HttpServerOptions serverOptions = new HttpServerOptions()
                .setHost(options.host())
                .setPort(options.port())
                // No HTTP compression: with it, Vert.x 5.0.7 drops WebSocket upgrades that carry Accept-Encoding.
                .setMaxWebSocketFrameSize(64 * 1024)
                .setMaxWebSocketMessageSize(64 * 1024);
        return TopicFollower.start(vertx, settings, FOLLOWED, this::onRecords)
                .compose(started -> {
                    follower = started;
                    follower.caughtUp().onSuccess(v -> health = new Health(health.kafka(), health.kafkaReachable(), true, null));
                    return vertx.createHttpServer(serverOptions).requestHandler(api.router()).listen();
                })
                .onSuccess(listening -> {
                    server = listening;
                    LOG.info("Dashboard and API at http://{}:{}/", options.host(), listening.actualPort());
                });
    }

    @Override
    public Future<?> stop() {
        Future<Void> closing = follower == null ? Future.succeededFuture() : follower.close();
        return closing.eventually(admin::close);
    }

    /** The port actually listened on. */
    public int port() {
        return server.actualPort();
    }

    /** Whether the followed topics have been read up to where they stood at start. */
    public boolean caughtUp() {
        return health.caughtUp();
    }

    private Future<Void> onRecords(List<KafkaConsumerRecord<String, byte[]>> records) {
        FactBatch facts = new FactBatch();
        for (KafkaConsumerRecord<String, byte[]> record : records) {
            try {
                LiveState.Change change = state.apply(record.topic(), record.key(), record.value(), eventType(record));
                if (change instanceof LiveState.NewFact fact) {
                    facts.add(fact.json());
                } else if (change instanceof LiveState.NewView view) {
                    // A view can be large and changes with every fact of its country: send only its latest version,
                    // at most every VIEW_FLUSH_MS; facts themselves go out at the end of their poll.
                    String kind = VIEW_KINDS.get(record.topic());
                    pendingViews.put(kind + "/" + record.key(), new PendingView(kind, record.key(), view.json()));
                } else if (change instanceof LiveState.Message message) {
                    facts.drain().forEach(clients::broadcast); // the facts before it, so clients see them in order
                    clients.broadcast(message.json());
                }
            } catch (IllegalArgumentException e) {
                // The projection and ingest dead-letter what they cannot read; here it is only skipped.
                LOG.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        facts.drain().forEach(clients::broadcast);
        return Future.succeededFuture();
    }

    private static String eventType(KafkaConsumerRecord<String, byte[]> record) {
        Header type = record.record().headers().lastHeader(CloudEvents.TYPE_HEADER);
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }

    private void checkKafka() {
        admin.describeCluster()
                .onSuccess(cluster -> health = new Health(settings.bootstrapServers(), true, health.caughtUp(), 
                        health.caughtUp() ? null : "reading the topics"))
                .onFailure(error -> health = new Health(settings.bootstrapServers(), false, health.caughtUp(),
                        "Kafka unreachable: " + error.getMessage()));
    }
}
