package io.communique.web;

import io.communique.testing.TestHttp;
import io.communique.testing.TopicChecks;
import io.communique.model.Alert;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.model.Watch;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.communique.testing.TestHttp.request;
import static io.communique.testing.TestHttp.send;
import static io.communique.testing.TestHttp.withToken;
import static io.communique.testing.TopicChecks.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch routes and the live alerts of a real web verticle on a real broker: a watch created with the token is on
 * the compacted watch topic and listed without its secret, a deletion writes its tombstone, bad requests are refused,
 * and an alert on the alert topic reaches a WebSocket client and the alert listing.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WatchRoutesTest {
    private static final String TOKEN = RunningWeb.TOKEN;
    @RegisterExtension
    static final RunningWeb running = new RunningWeb(100);

    @Test
    void aWatchCreatedWithTheTokenIsOnTheTopicListedWithoutItsSecretAndDeletedByATombstone() throws Exception {
        String body = "{\"name\": \"China–Russia talks\", \"pair\": [\"cn\", \"RU\"], \"types\": [\"TALKS\"],"
                + " \"webhook\": {\"url\": \"https://hooks.example/alerts\"}}";
        assertThat(post(body, null).statusCode()).isEqualTo(401);
        HttpResponse<String> created = post(body, TOKEN);
        assertThat(created.statusCode()).isEqualTo(201);
        Watch watch = Json.read(created.body(), Watch.class);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/watches/" + watch.id());
        assertThat(watch.pair()).containsExactly("CN", "RU");
        assertThat(watch.webhook().secret()).hasSize(64);

        List<ConsumerRecord<String, byte[]>> records = TopicChecks.readAll(running.kafka.bootstrapServers(), Topics.WATCHES);
        assertThat(records).extracting(ConsumerRecord::key).contains(watch.id());
        assertThat(Json.read(records.get(records.size() - 1).value(), Watch.class)).isEqualTo(watch);

        HttpResponse<String> listed = get("/api/watches");
        assertThat(listed.body()).contains(watch.id()).contains("https://hooks.example/alerts")
                .doesNotContain(watch.webhook().secret());
        assertThat(get("/api/watches/" + watch.id()).body()).doesNotContain(watch.webhook().secret());

        assertThat(delete(watch.id(), null).statusCode()).isEqualTo(401);
        assertThat(delete(watch.id(), TOKEN).statusCode()).isEqualTo(204);
        List<ConsumerRecord<String, byte[]>> after = TopicChecks.readAll(running.kafka.bootstrapServers(), Topics.WATCHES);
        assertThat(after.get(after.size() - 1).key()).isEqualTo(watch.id());
        assertThat(after.get(after.size() - 1).value()).isNull();
        assertThat(get("/api/watches/" + watch.id()).statusCode()).isEqualTo(404);
        assertThat(delete(watch.id(), TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void badWatchesAreRefusedWithTheReason() throws Exception {
        assertThat(post("{\"name\": \"everything\"}", TOKEN).body()).contains("at least one of");
        assertThat(post("{\"pair\": [\"CN\"]}", TOKEN).body()).contains("two different countries");
        assertThat(post("{\"types\": [\"PARTY\"]}", TOKEN).body()).contains("types must be among");
        assertThat(post("{\"countries\": [\"c\"]}", TOKEN).body()).contains("no country or organisation code");
        assertThat(post("{\"countries\": [\"CN\"], \"webhook\": {\"url\": \"file:///etc/passwd\"}}", TOKEN).body())
                .contains("only http and https");
        assertThat(post("[1]", TOKEN).statusCode()).isEqualTo(400);
        HttpResponse<String> tooLarge = post("{\"persons\": [\"" + "x".repeat(20_000) + "\"]}", TOKEN);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("a watch is at most 16384 bytes");
        assertThat(get("/api/alerts?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void anAlertOnTheTopicReachesWebSocketClientsAndTheListing() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        TestSockets.connect(running.vertx.createWebSocketClient(), running.web.port(), received::add);
        awaitTrue("the snapshot", 10, () -> !received.isEmpty());
        String doc = Ids.documentId("alert test");
        Fact fact = new Fact(Ids.factId(doc, FactType.TALKS, List.of("CN", "RU"), "2026-12-07", 0), doc, "test",
                FactType.TALKS, List.of("CN", "RU"), null, List.of(), "2026-12-07", null, null, null, List.of(), 0.9,
                new Evidence("talks", 0, 5), new ExtractorInfo("rules", "1"));
        String watchId = "e".repeat(32);
        Alert alert = new Alert(Ids.alertId(watchId, fact.id()), watchId, "CN–RU", "2026-12-07T20:00:00Z", fact);
        running.producer.send(new ProducerRecord<>(Topics.ALERTS, 0, alert.id(), Json.bytes(alert))).get();
        awaitTrue("the alert on the WebSocket", 10, () -> received.stream().anyMatch(m -> m.contains(alert.id())));
        JsonObject message = new JsonObject(received.stream().filter(m -> m.contains(alert.id())).findFirst().orElseThrow());
        assertThat(message.getString("type")).isEqualTo("alert");
        assertThat(message.getJsonObject("alert").getString("watchName")).isEqualTo("CN–RU");
        assertThat(get("/api/alerts?watch=" + watchId).body()).contains(alert.id());
        assertThat(get("/api/alerts?watch=" + "f".repeat(32)).body()).isEqualTo("[]");
    }

    private static HttpResponse<String> post(String body, String token) throws Exception {
        return TestHttp.post(running.web.port(), "/api/watches", token, "application/json", body);
    }

    private static HttpResponse<String> delete(String id, String token) throws Exception {
        return send(withToken(request(running.web.port(), "/api/watches/" + id), token).DELETE());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return TestHttp.get(running.web.port(), path);
    }

}
