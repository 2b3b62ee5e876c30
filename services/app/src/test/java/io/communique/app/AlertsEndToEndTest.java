package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.alert.Alerter;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches and alerts through the whole app, as a user meets them: a watch created through the API raises an alert on
 * the alert topic, on the WebSocket and at a local webhook within 1 s of the matching report being accepted; posting
 * the report again, a rebuild, a restart and a replay of the whole fact log (the alerter's offsets deleted) raise it
 * nowhere twice.
 */
class AlertsEndToEndTest {
    /** Talks with a country no seed mentions, written for this test. */
    static final String CHILE_TALKS = "2019年4月28日，国家主席习近平在北京人民大会堂同智利总统皮涅拉举行会谈。";
    private static final Duration WITHIN = Duration.ofSeconds(1);

    @TempDir
    static Path dataDir;
    static Communique app;
    static Vertx vertx;
    static HttpServer webhook;
    static final List<String> delivered = new CopyOnWriteArrayList<>();
    static final List<Long> deliveredAt = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        webhook = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            delivered.add(request.getHeader("ce-id"));
            deliveredAt.add(System.currentTimeMillis());
            request.response().setStatusCode(200).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        app = TestApps.start(dataDir, null, Map.of("ALLOW_PRIVATE_URLS", "true"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        vertx.close();
    }

    @Test
    void aWatchCreatedThroughTheApiAlertsOnTheTopicTheWebSocketAndTheWebhookWithinOneSecondAndNeverTwice() throws Exception {
        HttpResponse<String> created = TestHttp.post(app.httpPort(), "/api/watches", app.apiToken(), "application/json",
                "{\"name\": \"Chile\", \"countries\": [\"CL\"], \"types\": [\"TALKS\"],"
                        + " \"webhook\": {\"url\": \"http://127.0.0.1:" + webhook.actualPort() + "/hook\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String watchId = Json.MAPPER.readTree(created.body()).get("id").asText();

        Map<String, Long> onSocket = new ConcurrentHashMap<>();
        Vertx client = Vertx.vertx();
        try (AlertTap onTopic = new AlertTap(app.bootstrapServers())) {
            List<String> messages = new CopyOnWriteArrayList<>();
            EndToEndTest.connectWebSocket(client, app.httpPort(), text -> {
                messages.add(text);
                JsonNode message = EndToEndTest.readTree(text);
                if (message.path("type").asText().equals("alert")) {
                    onSocket.merge(message.path("alert").path("id").asText(), System.currentTimeMillis(), Math::min);
                }
            });
            Await.until("the snapshot", Duration.ofSeconds(10), () -> !messages.isEmpty());

            JsonNode accepted = TestApps.post(app, CHILE_TALKS);
            long acceptedAt = System.currentTimeMillis();
            String alertId = Ids.alertId(watchId, accepted.get("facts").get(0).asText());
            Await.until("the alert everywhere", Duration.ofSeconds(10), () -> onTopic.arrivals().containsKey(alertId)
                    && onSocket.containsKey(alertId) && delivered.contains(alertId));
            long topic = onTopic.arrivals().get(alertId) - acceptedAt;
            long socket = onSocket.get(alertId) - acceptedAt;
            long hook = deliveredAt.get(delivered.indexOf(alertId)) - acceptedAt;
            System.out.printf("alert after the report was accepted: topic %d ms, WebSocket %d ms, webhook %d ms%n",
                    topic, socket, hook);
            assertThat(List.of(topic, socket, hook)).allMatch(ms -> ms < WITHIN.toMillis(), "within 1 s");

            TestApps.post(app, CHILE_TALKS); // the same report again: the same facts
            HttpResponse<String> rebuilt = TestHttp.postEmpty(app.httpPort(), "/api/admin/rebuild", app.apiToken());
            assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
            Thread.sleep(2000);
            assertThat(alertKeys()).containsOnlyOnce(alertId);
            assertThat(messages.stream().filter(m -> m.contains("\"type\":\"alert\"") && m.contains(alertId)))
                    .hasSize(1);
            assertThat(delivered).containsOnlyOnce(alertId);

            // A replay of the whole fact log: the alerter's committed offsets deleted while no alerter runs.
            app.close();
            app = TestApps.start(dataDir, null, Map.of("ALLOW_PRIVATE_URLS", "true", "ROLES", "ingest,web"));
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, app.bootstrapServers()))) {
                admin.deleteConsumerGroups(List.of(Alerter.GROUP)).all().get(30, TimeUnit.SECONDS);
            }
            app.close();
            // Start returns once the alerter has read the fact log up to where it ended.
            app = TestApps.start(dataDir, null, Map.of("ALLOW_PRIVATE_URLS", "true"));
            Thread.sleep(1000);
            assertThat(alertKeys()).containsOnlyOnce(alertId);
            assertThat(delivered).containsOnlyOnce(alertId);
            assertThat(app.alertsRaised()).isZero();
        } finally {
            client.close();
        }
    }

    /** Records when each alert arrives on the alert topic, read by a consumer that was there before it. */
    static final class AlertTap implements AutoCloseable {
        private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        AlertTap(String bootstrapServers) {
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                    .map(info -> new TopicPartition(Topics.ALERTS, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // at the end now, before anything is posted
            thread = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        consumer.poll(Duration.ofMillis(20)).forEach(record ->
                                arrivals.putIfAbsent(record.key(), System.currentTimeMillis()));
                    }
                }
            }, "alert-tap");
            thread.start();
        }

        Map<String, Long> arrivals() {
            return arrivals;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }

    private static List<String> alertKeys() {
        return Views.records(app.bootstrapServers(), Topics.ALERTS).stream().map(ConsumerRecord::key).toList();
    }
}
