package io.communique.alert;

import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.DeadLetters;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.testing.TopicChecks;
import io.communique.model.Alert;
import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.SchemaValidator;
import io.communique.model.Topics;
import io.communique.model.Watch;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.testing.TopicChecks.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerting against a real broker, with a real HTTP server as the webhook: a matching fact raises one alert on the
 * alert topic and one signed POST; a replay of the fact log (the alerter's group offsets gone) and a fact published
 * again raise nothing twice; a webhook that keeps failing is retried, then its alert is dead-lettered.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AlertingTest {
    private static final int RETRIES = 2;

    @TempDir
    static Path data;
    private static EmbeddedKafka kafka;
    private static KafkaSettings settings;
    private static Vertx vertx;
    private static KafkaProducer<String, byte[]> producer;
    private static HttpServer webhook;
    private static String deploymentId;

    /** A request the webhook received. */
    private record Delivery(String path, Map<String, String> headers, byte[] body, long receivedAtMillis) {
    }

    private static final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        settings = new KafkaSettings(kafka.bootstrapServers());
        vertx = Vertx.vertx();
        await(TopicAdmin.ensureTopics(vertx, settings, Topics.ALL));
        producer = new KafkaProducer<>(new HashMap<>(settings.producer()));
        webhook = await(vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(entry -> headers.put(entry.getKey().toLowerCase(), entry.getValue()));
            deliveries.add(new Delivery(request.path(), headers, body.getBytes(), System.currentTimeMillis()));
            request.response().setStatusCode(request.path().startsWith("/fail") ? 500 : 204).end();
        })).listen(0, "127.0.0.1"));
        deploy();
    }

    private static void deploy() throws Exception {
        deploymentId = await(vertx.deployVerticle(new AlertVerticle(settings, new WebhookOptions(2000, RETRIES, 50, true))));
    }

    @AfterAll
    static void stop() throws Exception {
        producer.close();
        await(vertx.close());
        kafka.close();
    }

    @Test
    void aMatchingFactRaisesOneAlertOnTheTopicAndOneSignedPostAndAReplayRaisesNoneAgain() throws Exception {
        Fact before = fact("before", FactType.VISIT, "DE", "RU");
        long beforeAccepted = publish(before);
        Watch pair = watch("Russia and Germany", List.of(), List.of("DE", "RU"), "/ok/pair", "pair-secret");
        Watch elsewhere = watch("Brazil", List.of("BR"), List.of(), null, null);
        Fact talks = fact("talks", FactType.TALKS, "DE", "RU");
        Fact other = fact("other", FactType.TALKS, "FR", "US");
        long accepted = publish(talks);
        publish(other);

        String alertId = Ids.alertId(pair.id(), talks.id());
        awaitTrue("the alert on the topic and at the webhook", 10,
                () -> alerts(pair).size() == 1 && deliveries("/ok/pair").size() == 1);
        ConsumerRecord<String, byte[]> record = alerts(pair).get(0);
        assertThat(record.key()).isEqualTo(alertId);
        assertThat(header(record, "ce_type")).isEqualTo(CloudEvents.ALERT_TYPE);
        assertThat(new SchemaValidator().problems(Topics.ALERTS, record.value())).isEmpty();
        Alert alert = Json.read(record.value(), Alert.class);
        assertThat(alert.fact()).isEqualTo(talks);
        assertThat(alert.watchName()).isEqualTo("Russia and Germany");
        assertThat(Instant.parse(alert.acceptedAt()).toEpochMilli()).isEqualTo(accepted);
        assertThat(Instant.ofEpochMilli(beforeAccepted)).isBefore(Instant.parse(pair.createdAt()));

        Delivery delivery = deliveries("/ok/pair").get(0);
        assertThat(delivery.body()).isEqualTo(record.value());
        assertThat(delivery.headers()).containsEntry("ce-id", alertId).containsEntry("ce-type", CloudEvents.ALERT_TYPE)
                .containsEntry("content-type", "application/json")
                .containsEntry(Webhooks.SIGNATURE.toLowerCase(), Webhooks.signature("pair-secret", delivery.body()));
        assertThat(Webhooks.signature("another secret", delivery.body())).isNotEqualTo(Webhooks.signature("pair-secret", delivery.body()));
        System.out.printf("alert latency: fact accepted -> webhook %d ms%n", delivery.receivedAtMillis() - accepted);

        // The same document ingested again: the same fact id, accepted later, raises nothing new.
        publish(talks);
        // A replay: the alerter's group forgets its offsets and reads the whole fact log again.
        await(vertx.undeploy(deploymentId));
        try (Admin admin = Admin.create(new HashMap<>(settings.admin()))) {
            admin.deleteConsumerGroups(List.of(Alerter.GROUP)).all().get(30, TimeUnit.SECONDS);
        }
        deploy();
        Fact later = fact("later", FactType.MEETING, "DE", "RU");
        publish(later);
        awaitTrue("the later fact's alert", 10, () -> alerts(pair).size() == 2 && deliveries("/ok/pair").size() == 2);
        Thread.sleep(500); // anything raised twice would be there by now, before the later fact's alert
        assertThat(alerts(pair)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(alertId, Ids.alertId(pair.id(), later.id()));
        assertThat(deliveries("/ok/pair")).extracting(d -> d.headers().get("ce-id"))
                .containsExactly(alertId, Ids.alertId(pair.id(), later.id()));
        assertThat(alerts(elsewhere)).isEmpty();
    }

    @Test
    void aWebhookThatKeepsFailingIsRetriedWithBackoffThenTheAlertIsDeadLettered() throws Exception {
        Watch failing = watch("failing", List.of("KE"), List.of(), "/fail/ke", "s");
        Watch forbidden = watch("link-local", List.of("TZ"), List.of(), "http://169.254.169.254/latest", "s");
        publish(fact("kenya", FactType.VISIT, "KE", "UG"));
        publish(fact("tanzania", FactType.VISIT, "TZ", "UG"));
        awaitTrue("both alerts dead-lettered", 20, () -> letters().size() == 2);
        assertThat(deliveries("/fail/ke")).hasSize(1 + RETRIES);
        List<Delivery> tries = deliveries("/fail/ke");
        // Each retry waits its backoff, doubled from the first (50 ms, then 100 ms). The gaps themselves are not compared:
        // on a loaded machine the first can take longer than the second.
        assertThat(tries.get(1).receivedAtMillis() - tries.get(0).receivedAtMillis()).isGreaterThanOrEqualTo(50);
        assertThat(tries.get(2).receivedAtMillis() - tries.get(1).receivedAtMillis()).isGreaterThanOrEqualTo(100);
        Map<String, String> reasons = new HashMap<>();
        letters().forEach(letter -> reasons.put(letter.key(), header(letter, DeadLetters.REASON)));
        assertThat(reasons).containsOnlyKeys(alerts(failing).get(0).key(), alerts(forbidden).get(0).key());
        assertThat(reasons.get(alerts(forbidden).get(0).key())).contains("refused").contains("link-local");
        assertThat(reasons.get(alerts(failing).get(0).key())).contains("HTTP 500");
        letters().forEach(letter -> assertThat(header(letter, DeadLetters.KIND)).isEqualTo("delivery-failed"));
        awaitTrue("the webhook group's lag back to 0", 10,
                () -> TopicChecks.groupLag(kafka.bootstrapServers(), WebhookDelivery.GROUP, Topics.ALERTS) == 0);
    }

    private static List<ConsumerRecord<String, byte[]>> letters() {
        return TopicChecks.readAll(kafka.bootstrapServers(), Topics.DLQ).stream()
                .filter(letter -> WebhookDelivery.GROUP.equals(header(letter, DeadLetters.CONSUMER))).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> alerts(Watch watch) {
        return TopicChecks.readAll(kafka.bootstrapServers(), Topics.ALERTS).stream()
                .filter(record -> header(record, "ce_source").endsWith(watch.id())).toList();
    }

    private static List<Delivery> deliveries(String path) {
        return deliveries.stream().filter(delivery -> delivery.path().equals(path)).toList();
    }

    private static Watch watch(String name, List<String> countries, List<String> pair, String hookPath, String secret)
            throws Exception {
        String url = hookPath == null ? null
                : hookPath.startsWith("http") ? hookPath : "http://127.0.0.1:" + webhook.actualPort() + hookPath;
        Watch watch = new Watch(Ids.sha256Hex(name).substring(0, 32), name, countries, pair, List.of(), List.of(),
                List.of(), url == null ? null : new Watch.Webhook(url, secret),
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        producer.send(new ProducerRecord<>(Topics.WATCHES, watch.id(), Json.bytes(watch))).get();
        Thread.sleep(2); // facts published next are accepted after the watch was created
        return watch;
    }

    private static Fact fact(String text, FactType type, String... parties) {
        String documentId = Ids.documentId(text);
        List<String> participants = List.of(parties).stream().sorted().toList();
        return new Fact(Ids.factId(documentId, type, participants, "2026-12-07", 0), documentId, "test", type,
                participants, null, List.of(), "2026-12-07", null, null, null, List.of(), 0.9,
                new Evidence(text, 0, text.length()), new ExtractorInfo("rules", "1"));
    }

    /** Publishes a fact as ingest does; returns when it was accepted (the record's timestamp). */
    private static long publish(Fact fact) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
        Document document = Document.of(fact.evidence().text(), "test", null, "en", null, Instant.now().toString());
        CloudEvents.factHeaders(fact, document).forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return producer.send(record).get().timestamp();
    }

    private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
