package io.communique.web;

import io.communique.kafka.BadRecord;
import io.communique.kafka.FactRecords;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.RecordValues;
import io.communique.kafka.TopicFollower;
import io.communique.model.CloudEvents;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.OffsetSpec;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.kafka.client.common.TopicPartition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
    /**
     * Facts are followed by a consumer of their own, so they are fetched and polled without the view records (several
     * megabytes a second under load) that shared their fetches and their 500-record polls. Facts and documents are
     * kept in the store on disk and resume where it stands; the views and watches, on the heap, are read whole.
     */
    private static final List<List<String>> FOLLOWED = List.of(List.of(Topics.FACTS), List.of(Topics.DOCUMENTS),
            List.of(Topics.VIEWS_COUNTRY, Topics.VIEWS_TOPIC, Topics.VIEWS_EVENT), WatchState.TOPICS);
    private static final long HEALTH_CHECK_MS = 2000;
    /**
     * Views go out at most once a second each: a busy country's view changes with every one of its facts, and the
     * dashboard renders at most four times a second anyway.
     */
    private static final long VIEW_FLUSH_MS = 1000;
    /**
     * For {@code mode=all} clients, new facts go out whole at the end of the poll that brought them, as one message
     * per client, but successive flushes are at least this long apart per such client: a message costs the event loop
     * some 5-20 µs per client (mostly its write system call), so with a thousand clients a flush per poll (a hundred
     * polls a second under a steady trickle) was more than it could write. So flushes take at most about half of the
     * loop, and with a few clients facts still go out at once.
     */
    static final long FACT_FLUSH_NANOS_PER_CLIENT = 20_000;

    /**
     * @param host             interface to listen on
     * @param port             HTTP port; 0 picks a free one (see {@link #port()})
     * @param maxDocumentBytes largest accepted request body
     * @param apiToken         bearer token that writes and admin actions need
     * @param writesPerMinute  per-client write limit; 0 = none
     * @param authFailuresPerMinute per-client failed token attempts: as many at once, then one per 60/n s; 0 = no limit
     * @param allowedOrigins   foreign origins allowed for CORS and WebSockets; empty = none
     * @param allowedHosts     Host header names served (port ignored), {@code "*"} for any: see {@link HostGuard}
     * @param livePace         how often and how much dashboards are told of new facts
     * @param limits           what clients may hold: connections, WebSockets, time-lapses, idle time
     */
    public record Options(String host, int port, long maxDocumentBytes, int maxClientQueueBytes, long ingestTimeoutMs,
                          String apiToken, int writesPerMinute, int authFailuresPerMinute, Set<String> allowedOrigins,
                          Set<String> allowedHosts, LivePace livePace, ReadLimits limits) {
        public Options {
            allowedOrigins = Set.copyOf(allowedOrigins);
            allowedHosts = Set.copyOf(allowedHosts);
        }

        /** Options with the {@link LivePace#DEFAULT} pace and these limits. */
        public Options(String host, int port, long maxDocumentBytes, int maxClientQueueBytes, long ingestTimeoutMs,
                       String apiToken, int writesPerMinute, int authFailuresPerMinute, Set<String> allowedOrigins,
                       Set<String> allowedHosts, ReadLimits limits) {
            this(host, port, maxDocumentBytes, maxClientQueueBytes, ingestTimeoutMs, apiToken, writesPerMinute,
                    authFailuresPerMinute, allowedOrigins, allowedHosts, LivePace.DEFAULT, limits);
        }

        /** The server's options: where it listens, and how long a connection may idle. */
        HttpServerOptions server() {
            return new HttpServerOptions()
                    .setHost(host)
                    .setPort(port)
                    // Nothing read or written: a response being streamed, or a WebSocket pinged, is never idle.
                    .setIdleTimeout(limits.idleTimeoutSeconds())
                    // No HTTP compression: with it, Vert.x 5.0.7 drops WebSocket upgrades that carry Accept-Encoding.
                    .setMaxWebSocketFrameSize(64 * 1024)
                    .setMaxWebSocketMessageSize(64 * 1024);
        }
    }

    /**
     * Where the web keeps facts and documents: see {@link FactStore}.
     *
     * @param directory the store's folder, created when missing; null keeps them in memory (read whole on each start)
     * @param cacheMb   the store's page cache on the heap
     */
    public record Store(Path directory, int cacheMb) {
        FactStore open() {
            if (directory == null) {
                return FactStore.inMemory();
            }
            try {
                Files.createDirectories(directory);
            } catch (IOException e) {
                throw new UncheckedIOException("the read store's folder could not be made: " + directory, e);
            }
            return FactStore.open(directory, cacheMb);
        }
    }

    private final KafkaSettings settings;
    private final Options options;
    private final Store storeOptions;
    private LiveState state;
    private final WatchState watches = new WatchState();
    /** Whether alerts read now are new: the alert topic was read up to where it stood at start. */
    private boolean alertsLive;
    private KafkaProducer<String, byte[]> producer;
    /** Views not yet sent, the latest version per view, by the name clients watch it by ("country/RU"). */
    private final Map<String, LiveState.NewView> pendingViews = new LinkedHashMap<>();
    /** Facts not yet sent to {@code mode=all} clients. */
    private final BatchedMessages pendingFacts = new BatchedMessages("facts");
    private long lastFactFlushNanos;
    /** What dashboards have not been told yet. */
    private final LiveUpdates updates;
    private long lastUpdateNanos;
    private boolean updateScheduled;
    private volatile long skipped;
    private volatile long storedRecords;
    private boolean factFlushScheduled;
    private LiveClients clients;
    private final List<TopicFollower> followers = new ArrayList<>();
    private KafkaAdminClient admin;
    private HttpServer server;
    private volatile Health health;

    public WebVerticle(KafkaSettings settings, Options options, Store store) {
        this.settings = settings;
        this.options = options;
        this.storeOptions = store;
        this.updates = new LiveUpdates(options.livePace());
        this.health = new Health(settings.bootstrapServers(), false, false, "starting");
    }

    @Override
    public Future<?> start() {
        clients = new LiveClients(options.maxClientQueueBytes(), options.limits().webSocketIdleSeconds());
        lastUpdateNanos = System.nanoTime() - options.livePace().intervalMs() * 1_000_000; // the first goes at once
        admin = KafkaAdminClient.create(vertx, settings.admin());
        return vertx.executeBlocking(() -> new LiveState(storeOptions.open()))
                .compose(opened -> {
                    state = opened;
                    return resumeFrom(state.store());
                })
                .compose(this::serve);
    }

    /**
     * Where the facts and documents followers start: where the store stands. A store ahead of a topic's end was
     * filled from another log (the broker's data was replaced), so it is emptied and filled again from the start.
     */
    private Future<Map<TopicPartition, Long>> resumeFrom(FactStore store) {
        Map<TopicPartition, Long> stored = new HashMap<>();
        for (String topic : List.of(Topics.FACTS, Topics.DOCUMENTS)) {
            store.offsets(topic).forEach((partition, offset) -> stored.put(new TopicPartition(topic, partition), offset));
        }
        if (stored.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        stored.keySet().forEach(partition -> latest.put(partition, OffsetSpec.LATEST));
        return admin.listOffsets(latest).compose(ends -> {
            boolean ahead = stored.entrySet().stream().anyMatch(entry ->
                    !ends.containsKey(entry.getKey()) || entry.getValue() > ends.get(entry.getKey()).getOffset());
            if (!ahead) {
                LOG.info("Facts and documents resume from the read store at {}", stored);
                return Future.succeededFuture(stored);
            }
            LOG.warn("The read store is ahead of the topics (another broker's data?): rebuilding it from Kafka");
            return vertx.executeBlocking(() -> {
                store.clear();
                return new LiveState(store); // with an empty live feed
            }).map(emptied -> {
                state = emptied;
                return Map.<TopicPartition, Long>of();
            });
        });
    }

    /** Follows the topics (facts and documents from where the store stands) and serves. */
    private Future<?> serve(Map<TopicPartition, Long> resume) {
        vertx.setPeriodic(0, HEALTH_CHECK_MS, id -> checkKafka());
        vertx.setPeriodic(options.limits().pingIntervalMs(), id -> clients.ping());
        vertx.setPeriodic(VIEW_FLUSH_MS, id -> flushViews());
        Streams streams = new Streams(admin, System::currentTimeMillis);
        producer = KafkaProducer.create(vertx, settings.producer());
        Api api = new Api(vertx, state, () -> health, clients, options, streams::snapshot)
                .with(new WatchRoutes(watches, producer, Instant::now));
        List<Future<TopicFollower>> starting = FOLLOWED.stream()
                .map(topics -> TopicFollower.start(vertx, settings, topics, resume, this::onRecords)
                        .onSuccess(followers::add)
                        .onSuccess(follower -> {
                            if (topics == WatchState.TOPICS) {
                                follower.caughtUp().onSuccess(v -> alertsLive = true);
                            }
                        }))
                .toList();
        return Future.all(starting)
                .compose(started -> {
                    // A store filled from empty builds its listing indexes once caught up: healthy after that.
                    Future.all(followers.stream().map(TopicFollower::caughtUp).toList())
                            .compose(v -> vertx.executeBlocking(() -> {
                                state.store().caughtUp();
                                return v;
                            }))
                            .onSuccess(v -> health = new Health(health.kafka(), health.kafkaReachable(), true, null))
                            .onFailure(error -> LOG.error("The web did not finish catching up: {}", error.toString()));
                    return vertx.createHttpServer(options.server()).requestHandler(api.router()).listen();
                })
                .onSuccess(listening -> {
                    server = listening;
                    LOG.info("Dashboard and API at http://{}:{}/", options.host(), listening.actualPort());
                });
    }

    @Override
    public Future<?> stop() {
        return Future.join(followers.stream().map(TopicFollower::close).toList()).eventually(admin::close)
                .eventually(() -> producer == null ? Future.succeededFuture() : producer.close())
                .eventually(() -> state == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
                    state.store().close(); // after the followers: no batch is being written
                    return null;
                }));
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
        List<FactStore.Input> toStore = new ArrayList<>();
        for (KafkaConsumerRecord<String, byte[]> record : records) {
            try {
                check(record.record());
                if (LiveState.stored(record.topic())) {
                    toStore.add(new FactStore.Input(record.topic(), record.partition(), record.offset(), record.value(),
                            eventType(record)));
                    continue;
                }
                if (WatchState.TOPICS.contains(record.topic())) {
                    String alert = watches.apply(record.topic(), record.key(), record.value());
                    if (alert != null && alertsLive) {
                        clients.broadcast(alert);
                    }
                    continue;
                }
                publish(BadRecord.shape(() ->
                        state.apply(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                                eventType(record))));
            } catch (RuntimeException e) {
                skip(record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        if (toStore.isEmpty()) {
            scheduleFlushes();
            return Future.succeededFuture();
        }
        // One transaction for the batch and its offsets, off the event loop; the follower polls again only after it,
        // and a failure of the store itself (not of a record) has the follower read the batch again later.
        return vertx.executeBlocking(() -> state.store().apply(toStore)).map(applied -> {
            for (int i = 0; i < applied.size(); i++) {
                FactStore.Applied one = applied.get(i);
                if (one.effect() == FactStore.Effect.SKIPPED) {
                    FactStore.Input input = toStore.get(i);
                    skip(input.topic(), input.partition(), input.offset(), one.problem());
                } else {
                    publish(state.taken(one));
                }
            }
            storedRecords += toStore.size();
            scheduleFlushes();
            return null;
        });
    }

    /** Dashboards hear of a change in their next update; {@code mode=all} clients get every fact and retraction. */
    private void publish(LiveState.Change change) {
        boolean everyFactClients = clients.size(LiveClients.Mode.ALL) > 0;
        if (change instanceof LiveState.NewFact fact) {
            updates.fact(fact.fact());
            if (everyFactClients) {
                pendingFacts.add(fact.json());
            }
        } else if (change instanceof LiveState.NewView view) {
            // A view can be large and changes with every fact of its country: send only its latest version,
            // at most every VIEW_FLUSH_MS.
            pendingViews.put(view.kind() + "/" + view.key(), view);
        } else if (change instanceof LiveState.Retraction retraction) {
            updates.retraction(retraction.id());
            if (everyFactClients) {
                flushFacts(); // the facts before it, so clients see them in order
                clients.broadcast(LiveClients.Mode.ALL, retraction.json().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Skipped, not dead-lettered: the topic's own consumer group (router, document repair) letters it once, while
     * every web instance reads the topics (those not in its store again from the start on each start).
     */
    private void skip(String topic, int partition, long offset, String reason) {
        skipped++;
        LOG.warn("Skipping unreadable record {}-{}@{}: {}", topic, partition, offset, reason);
    }

    private void scheduleFlushes() {
        scheduleUpdate();
        int everyFactClients = clients.size(LiveClients.Mode.ALL);
        if (!pendingFacts.isEmpty() && !factFlushScheduled) {
            long waitMs = (lastFactFlushNanos + everyFactClients * FACT_FLUSH_NANOS_PER_CLIENT - System.nanoTime()) / 1_000_000;
            if (waitMs > 0) {
                factFlushScheduled = true;
                vertx.setTimer(waitMs, id -> {
                    factFlushScheduled = false;
                    flushFacts();
                });
            } else {
                flushFacts();
            }
        }
    }

    private void flushViews() {
        if (pendingViews.isEmpty()) {
            return;
        }
        Map<String, String> counts = new LinkedHashMap<>();
        pendingViews.forEach((name, view) -> counts.put(name, state.count(view.kind(), view.key())));
        Map<String, LiveState.NewView> views = Map.copyOf(pendingViews);
        pendingViews.clear();
        clients.broadcastViews(counts, name -> {
            LiveState.NewView view = views.get(name);
            return LiveState.viewMessage(view.kind(), view.key(), view.json());
        });
    }

    private void flushFacts() {
        lastFactFlushNanos = System.nanoTime();
        pendingFacts.drain().forEach(message -> clients.broadcast(LiveClients.Mode.ALL, message));
    }

    /**
     * Tells dashboards at once when the last update is at least the pace's interval old (so a lone fact shows without
     * delay), else when it will be: at most one update per interval, however fast facts come.
     */
    private void scheduleUpdate() {
        if (updates.isEmpty() || updateScheduled) {
            return;
        }
        long waitNanos = lastUpdateNanos + options.livePace().intervalMs() * 1_000_000 - System.nanoTime();
        if (waitNanos <= 0) {
            flushUpdate();
            return;
        }
        updateScheduled = true;
        vertx.setTimer(Math.max(1, (waitNanos + 999_999) / 1_000_000), id -> {
            updateScheduled = false;
            flushUpdate();
        });
    }

    private void flushUpdate() {
        lastUpdateNanos = System.nanoTime();
        byte[] update = updates.drain(state.factTotal());
        if (clients.size(LiveClients.Mode.UPDATES) > 0) {
            clients.broadcast(LiveClients.Mode.UPDATES, update);
        }
    }

    private static String eventType(KafkaConsumerRecord<String, byte[]> record) {
        Header type = record.record().headers().lastHeader(CloudEvents.TYPE_HEADER);
        return type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
    }

    /** Records of the followed topics not read yet. */
    public Future<Long> lag() {
        return Future.all(followers.stream().map(TopicFollower::lag).toList())
                .map(all -> all.<Long>list().stream().mapToLong(Long::longValue).sum());
    }

    /** Fact and document records taken into the store since start: after a restart, only those it had not. */
    public long storedRecords() {
        return storedRecords;
    }

    /** Records skipped since start because they could not be read. */
    public long skippedRecords() {
        return skipped;
    }

    /**
     * Checks a record as the topic's own consumer does, so the web skips exactly what was dead-lettered; throws
     * {@link BadRecord}. A view's tombstone is no fault: a rebuild removes views that lost their facts.
     */
    private static void check(ConsumerRecord<String, byte[]> record) {
        switch (record.topic()) {
            case Topics.FACTS -> FactRecords.checkIsRetraction(record);
            case Topics.DOCUMENTS -> RecordValues.json(record.value(), Integer.MAX_VALUE);
            default -> {
                if (record.value() != null) {
                    RecordValues.json(record.value(), Integer.MAX_VALUE);
                }
            }
        }
    }

    private void checkKafka() {
        admin.describeCluster()
                .onSuccess(cluster -> health = new Health(settings.bootstrapServers(), true, health.caughtUp(), 
                        health.caughtUp() ? null : "reading the topics"))
                .onFailure(error -> health = new Health(settings.bootstrapServers(), false, health.caughtUp(),
                        "Kafka unreachable: " + error.getMessage()));
    }
}
