package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.TopicSpec;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static io.communique.testing.TestHttp.postEmpty;
import static io.communique.testing.TestHttp.request;
import static io.communique.testing.TestHttp.withToken;
import static io.communique.testing.TopicChecks.awaitSteady;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole app on a real embedded broker, real HTTP and a real WebSocket, from seeds to views. */
class EndToEndTest {
    /** A report about talks with a country the seed does not mention, written for this test. */
    static final String BRAZIL_TALKS = "2018年3月5日，国家主席习近平在北京人民大会堂同巴西总统特梅尔举行会谈。两国元首同意深化经贸合作。";
    static final String EGYPT_TALKS = "2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。双方签署了经济技术合作协定。";
    /** The same talks as a Chinese and an English outlet would report them, written for this test. */
    static final String NEW_ZEALAND_TALKS_ZH = "2019年4月1日，国家主席习近平在北京人民大会堂同新西兰总理阿德恩举行会谈。";
    static final String NEW_ZEALAND_TALKS_EN = "BEIJING, April 1, 2019 -- Chinese President Xi Jinping held talks with "
            + "New Zealand Prime Minister Jacinda Ardern in Beijing on Monday.";

    @TempDir
    static Path dataDir;
    static Communique app;

    @BeforeAll
    static void start() {
        app = TestApps.start(dataDir);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void seedFactsReachTheFactTopicAsCloudEventsAndRussiaShowsChinasVisit() throws Exception {
        List<ConsumerRecord<String, byte[]>> records = Views.records(app.bootstrapServers(), Topics.FACTS);
        assertThat(records).isNotEmpty();
        ConsumerRecord<String, byte[]> visit = records.stream()
                .filter(r -> r.key().equals("CN|RU") && "VISIT".equals(factOrNull(r).type().name()))
                .findFirst().orElseThrow();
        Map<String, String> headers = headers(visit);
        assertThat(headers).containsEntry("ce_specversion", "1.0").containsEntry("ce_type", "io.communique.fact.v1")
                .containsEntry("ce_subject", "VISIT").containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_source", "ce_time");

        JsonNode russia = awaitJson("/api/countries/RU", view -> hasRef(view.get("visitsReceived"), "CN"));
        assertThat(russia.get("factCount").asInt()).isGreaterThan(0);
    }

    @Test
    void webSocketClientConnectedBeforeAPostReceivesThatDocumentsFactsTheViewItWatchesAndTheCountsOfOthers()
            throws Exception {
        Vertx client = Vertx.vertx();
        try {
            List<JsonNode> messages = new CopyOnWriteArrayList<>();
            WebSocket socket = connectWebSocket(client, app.httpPort(), text -> messages.add(readTree(text)));
            awaitTrue(() -> messages.stream().anyMatch(m -> m.get("type").asText().equals("snapshot")));
            socket.writeTextMessage("{\"type\":\"watch\",\"views\":[\"country/BR\"]}");
            socket.writeTextMessage("{}"); // answered with an error once the watch list before it is in place
            awaitTrue(() -> messages.stream().anyMatch(m -> m.get("type").asText().equals("error")));

            JsonNode accepted = post(BRAZIL_TALKS);
            String documentId = accepted.get("documentId").asText();
            List<String> factIds = new ArrayList<>();
            accepted.get("facts").forEach(id -> factIds.add(id.asText()));
            assertThat(factIds).isNotEmpty();

            awaitTrue(() -> liveFacts(messages)
                    .filter(f -> f.get("documentId").asText().equals(documentId))
                    .map(f -> f.get("id").asText()).toList().containsAll(factIds));
            JsonNode talks = liveFacts(messages).filter(f -> f.get("documentId").asText().equals(documentId))
                    .filter(f -> f.get("type").asText().equals("TALKS")).findFirst().orElseThrow();
            assertThat(talks.get("participants").toString()).isEqualTo("[\"BR\",\"CN\"]");
            awaitTrue(() -> messages.stream().anyMatch(m -> m.get("type").asText().equals("view")
                    && m.get("key").asText().equals("BR")));
            awaitTrue(() -> messages.stream().filter(m -> m.get("type").asText().equals("counts"))
                    .flatMap(m -> StreamSupport.stream(m.get("counts").spliterator(), false))
                    .anyMatch(count -> count.get("key").asText().equals("CN") && count.get("factCount").asInt() > 0));
            assertThat(messages).filteredOn(m -> m.get("type").asText().equals("counts"))
                    .allSatisfy(m -> assertThat(m.get("counts").findValuesAsText("key")).doesNotContain("BR"));
            assertThat(messages).noneMatch(m -> m.get("type").asText().equals("view")
                    && !m.get("key").asText().equals("BR"));
        } finally {
            client.close();
        }
    }

    @Test
    void twoReportsOfTheSameTalksAreOneEventWithBothEvidences() throws Exception {
        JsonNode chinese = post(NEW_ZEALAND_TALKS_ZH);
        JsonNode english = post(NEW_ZEALAND_TALKS_EN);
        assertThat(english.get("documentId")).isNotEqualTo(chinese.get("documentId"));

        JsonNode events = awaitJson("/api/events?country=NZ", list -> list.size() == 1
                && list.get(0).get("reports").size() == 2);
        JsonNode event = events.get(0);
        assertThat(event.get("type").asText()).isEqualTo("TALKS");
        assertThat(event.get("participants").toString()).isEqualTo("[\"CN\",\"NZ\"]");
        assertThat(event.get("date").asText()).isEqualTo("2019-04-01");
        assertThat(event.get("documentCount").asInt()).isEqualTo(2);
        List<String> evidences = new ArrayList<>();
        event.get("reports").forEach(report -> evidences.add(report.get("evidence").get("text").asText()));
        assertThat(evidences).containsExactlyInAnyOrder(NEW_ZEALAND_TALKS_ZH, NEW_ZEALAND_TALKS_EN);
        assertThat(event.get("conflicts").toString()).contains("location");

        HttpResponse<String> byId = get("/api/events/" + event.get("id").asText());
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(readTree(byId.body())).isEqualTo(event);
        assertThat(get("/api/events/" + "0".repeat(32)).statusCode()).isEqualTo(404);
    }

    @Test
    void postingTheSameDocumentTwiceAndRestartingLeaveEveryViewByteIdentical() throws Exception {
        JsonNode first = post(EGYPT_TALKS);
        awaitJson("/api/countries/EG", view -> view.get("factCount").asInt() > 0);
        JsonNode second = post(EGYPT_TALKS);
        assertThat(second).isEqualTo(first);

        Map<String, String> before = settledViews();
        app.close();
        app = TestApps.start(dataDir);
        awaitTrue(() -> get("/api/health").statusCode() == 200);
        assertThat(settledViews()).isEqualTo(before);
        // Resumed from its checkpoint: only the seed's facts, published again at this start, were folded again —
        // not the whole log (which by now holds the seed twice and both Egypt posts).
        long factsPerStart = Views.records(app.bootstrapServers(), Topics.FACTS).stream()
                .map(EndToEndTest::factOrNull)
                .filter(fact -> fact != null && fact.source().startsWith("seeds/"))
                .count() / 2;
        awaitTrue(() -> app.projectionFactsFolded() > 0);
        assertThat(app.projectionFactsFolded()).isLessThan(Views.records(app.bootstrapServers(), Topics.FACTS_BY_COUNTRY).size()
                + Views.records(app.bootstrapServers(), Topics.FACTS_BY_TOPIC).size()
                + Views.records(app.bootstrapServers(), Topics.FACTS_BY_PARTIES).size());
        assertThat(factsPerStart).isPositive();
    }

    @Test
    void rebuildFromTheFactLogLeavesEveryViewByteIdenticalWhileServing() throws Exception {
        awaitJson("/api/countries/RU", view -> view.get("factCount").asInt() > 0);
        Map<String, String> before = settledViews();
        HttpRequest rebuild = withToken(request(app.httpPort(), "/api/admin/rebuild"), app.apiToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        java.util.concurrent.CompletableFuture<HttpResponse<String>> running = TestHttp.CLIENT.sendAsync(rebuild,
                HttpResponse.BodyHandlers.ofString());
        assertThat(get("/api/countries/RU").statusCode()).isEqualTo(200); // still serving meanwhile
        HttpResponse<String> done = running.get(60, TimeUnit.SECONDS);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode result = readTree(done.body());
        assertThat(result.get("rebuilt")).hasSize(3);
        result.get("rebuilt").forEach(kind -> {
            assertThat(kind.get("viewsChanged").asInt()).as(kind.toString()).isZero();
            assertThat(kind.get("viewsRemoved").asInt()).as(kind.toString()).isZero();
            assertThat(kind.get("factsFolded").asLong()).as(kind.toString()).isPositive();
        });
        assertThat(settledViews()).isEqualTo(before);
    }

    @Test
    void poisonFactsGoToTheDeadLetterTopicWithTheReasonAndTheProjectionCarriesOn() throws Exception {
        try (KafkaProducer<String, byte[]> producer = plainProducer()) {
            for (String poison : List.of("not json at all", "{\"id\": \"x\", \"type\": \"PARTY\"}")) {
                producer.send(new ProducerRecord<>(Topics.FACTS, "poison",
                        poison.getBytes(StandardCharsets.UTF_8))).get(10, TimeUnit.SECONDS);
            }
        }
        awaitTrue(() -> Views.records(app.bootstrapServers(), Topics.DLQ).stream()
                .filter(record -> "poison".equals(record.key())).count() == 2);
        for (ConsumerRecord<String, byte[]> letter : Views.records(app.bootstrapServers(), Topics.DLQ)) {
            if ("poison".equals(letter.key())) {
                assertThat(headers(letter)).containsEntry("dlq.topic", Topics.FACTS).containsKeys("dlq.offset", "dlq.partition")
                        .hasEntrySatisfying("dlq.reason", reason -> assertThat(reason).isNotBlank())
                        .hasEntrySatisfying("dlq.kind", kind -> assertThat(kind).isIn("not-json", "wrong-shape"));
            }
        }
        // The projection carries on: a report posted after the poison still reaches the views.
        post("2019年5月15日，国家主席习近平在北京同希腊总理齐普拉斯举行会谈。");
        awaitJson("/api/countries/GR", view -> view.get("factCount").asInt() > 0);
    }

    @Test
    void streamsShowEveryTopicWithItsEndOffsetsAndTheProjectionGroupsLag() throws Exception {
        JsonNode streams = awaitJson("/api/streams", body -> {
            for (JsonNode group : body.get("groups")) {
                if (group.get("group").asText().equals("communique-projection-country")) {
                    return true;
                }
            }
            return false;
        });
        List<String> names = new ArrayList<>();
        streams.get("topics").forEach(topic -> names.add(topic.get("name").asText()));
        assertThat(names).containsAll(Topics.ALL.stream().map(TopicSpec::name).toList());
        JsonNode facts = streams.get("topics").get(names.indexOf(Topics.FACTS));
        assertThat(facts.get("records").asLong()).isPositive();
        assertThat(facts.get("schema").asText()).isEqualTo("/api/schemas/" + Topics.FACTS);
        assertThat(facts.get("partitions").asInt()).isEqualTo(Topics.spec(Topics.FACTS).partitions());
    }

    @Test
    void reextractionRetractsFactsTheExtractorNoLongerFindsAndLeavesTheRestAlone() throws Exception {
        JsonNode seedFact = readTree(get("/api/countries/RU").body()).get("facts").get(0);
        String documentId = seedFact.get("documentId").asText();
        // A fact published by some older extractor for the seed document, which today's extractor does not find.
        Fact stale = new Fact(
                Ids.factId(documentId, FactType.TALKS, List.of("CN", "FJ"), null, 0),
                documentId, "seeds/000.txt", FactType.TALKS, List.of("CN", "FJ"), null, List.of(),
                null, null, null, null, List.of(), 0.5, new Evidence("旧", 0, 1),
                new ExtractorInfo("communique-rules", "0.0.1"));
        try (KafkaProducer<String, byte[]> producer = plainProducer()) {
            publishFact(producer, stale);
        }
        awaitJson("/api/countries/FJ", view -> view.get("factCount").asInt() == 1);
        Map<String, String> before = settledViews();

        HttpResponse<String> response = postEmpty(app.httpPort(), "/api/admin/reextract", app.apiToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = readTree(response.body());
        assertThat(report.get("retracted").toString()).isEqualTo("{\"TALKS\":1}");
        assertThat(report.get("added").size()).isZero();
        assertThat(report.get("unchanged").asInt()).isPositive();

        awaitJson("/api/countries/FJ", view -> view.get("factCount").asInt() == 0);
        Map<String, String> after = settledViews();
        before.keySet().removeIf(key -> key.equals("country/FJ") || key.equals("country/CN"));
        after.keySet().removeIf(key -> key.equals("country/FJ") || key.equals("country/CN"));
        // The stale fact was an event of its own (every fact is resolved into one): its view is gone, not emptied.
        assertThat(before.entrySet().removeIf(view -> view.getKey().startsWith("event/")
                && view.getValue().contains(stale.id()))).isTrue();
        assertThat(after.values()).noneMatch(view -> view.contains(stale.id()));
        assertThat(after).isEqualTo(before);
        assertThat(get("/api/countries/CN").body()).doesNotContain(stale.id());
    }

    @Test
    void reextractionTakesAFactOutOfATopicViewThatOnlyAnOlderVersionOfItReachedAsARebuildWould() throws Exception {
        Fact current = null;
        for (ConsumerRecord<String, byte[]> record : Views.records(app.bootstrapServers(), Topics.FACTS)) {
            Fact fact = factOrNull(record);
            if (fact != null && fact.source().startsWith("seeds/") && fact.date() != null) {
                current = fact;
                break;
            }
        }
        assertThat(current).isNotNull();
        List<String> topicIds = new ArrayList<>();
        readTree(get("/api/topics").body()).forEach(topic -> topicIds.add(topic.get("id").asText()));
        List<String> currentTopics = current.topics();
        String dropped = topicIds.stream().filter(id -> !currentTopics.contains(id)).findFirst().orElseThrow();
        // The same fact, same id, as an older extractor published it: with one topic more than today's finds.
        List<String> olderTopics = new ArrayList<>(currentTopics);
        olderTopics.add(dropped);
        Fact older = new Fact(current.id(), current.documentId(), current.source(), current.type(), current.participants(),
                current.initiator(), current.persons(), current.date(), current.endDate(), current.location(),
                current.title(), olderTopics, current.confidence(), current.evidence(),
                new ExtractorInfo("communique-rules", "0.0.1"), current.eventId(), current.partOf(), current.codes(),
                current.provenance());
        String factId = current.id();
        try (KafkaProducer<String, byte[]> producer = plainProducer()) {
            publishFact(producer, older);
            awaitJson("/api/topics/" + dropped, view -> view.toString().contains(factId));
            // Then today's extractor ingests the document again, which publishes its version and retracts nothing.
            publishFact(producer, current);
        }
        assertThat(settledViews().get("topic/" + dropped)).contains(factId);

        HttpResponse<String> response = postEmpty(app.httpPort(), "/api/admin/reextract", app.apiToken());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(readTree(response.body()).get("changed").toString()).isEqualTo("{\"" + current.type() + "\":1}");

        Map<String, String> reextracted = settledViews();
        assertThat(reextracted.get("topic/" + dropped)).doesNotContain(factId);
        for (String country : current.participants()) {
            assertThat(reextracted.get("country/" + country)).contains(factId);
        }
        for (String topic : currentTopics) {
            assertThat(reextracted.get("topic/" + topic)).contains(factId);
        }
        HttpResponse<String> rebuild = postEmpty(app.httpPort(), "/api/admin/rebuild", app.apiToken());
        assertThat(rebuild.statusCode()).as(rebuild.body()).isEqualTo(200);
        readTree(rebuild.body()).get("rebuilt").forEach(kind ->
                assertThat(kind.get("viewsChanged").asInt()).as(kind.toString()).isZero());
        assertThat(settledViews()).isEqualTo(reextracted);
    }

    @Test
    void adminCommandAsksTheRunningInstanceAndSaysClearlyWhenItCannot() {
        String base = "http://127.0.0.1:" + app.httpPort();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int done = new picocli.CommandLine(new AdminCommand(Map.of("API_TOKEN", app.apiToken()),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true))).execute("rebuild", "--url", base);
        assertThat(done).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"rebuilt\"");

        int refused = new picocli.CommandLine(new AdminCommand(Map.of(), new java.io.PrintStream(out, true),
                new java.io.PrintStream(err, true))).execute("rebuild", "--url", base, "--token", "wrong");
        assertThat(refused).isEqualTo(1);
        assertThat(err.toString()).contains("401");

        int unreachable = new picocli.CommandLine(new AdminCommand(Map.of("API_TOKEN", "x"),
                new java.io.PrintStream(out, true), new java.io.PrintStream(err, true)))
                .execute("reextract", "--url", "http://127.0.0.1:1");
        assertThat(unreachable).isEqualTo(3);
        assertThat(err.toString()).contains("no Communiqué instance answers");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A producer as any outside team would write one, to put records on our topics by hand. */
    static KafkaProducer<String, byte[]> plainProducer() {
        return plainProducer(app.bootstrapServers());
    }

    /** {@link #plainProducer()} to any instance's broker. */
    static KafkaProducer<String, byte[]> plainProducer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    private static void publishFact(KafkaProducer<String, byte[]> producer, Fact fact) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
        record.headers().add("ce_type", "io.communique.fact.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    /** The fact in a record of the fact topic, or null for the poison records one test writes there. */
    static Fact factOrNull(ConsumerRecord<String, byte[]> record) {
        try {
            return Json.read(record.value(), Fact.class);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Connects as the dashboard does, retrying like it: on a loaded machine the Vert.x 5.0.7 client fails a first
     * handshake that takes over 2 s ("Connection closed while handshake in process"); see {@link TestHttp#webSocket}.
     */
    static WebSocket connectWebSocket(Vertx client, int port, java.util.function.Consumer<String> onText) throws Exception {
        return connectWebSocket(client, port, "/ws", onText);
    }

    /** {@link #connectWebSocket(Vertx, int, java.util.function.Consumer)} to this path ({@code /ws?mode=all}). */
    static WebSocket connectWebSocket(Vertx client, int port, String path, java.util.function.Consumer<String> onText)
            throws Exception {
        return TestHttp.webSocket(client.createWebSocketClient(), port, path, onText::accept);
    }

    /**
     * Waits until everything posted so far is in the views served: every consumer group of the projection has read
     * to the end of its topics, and the views read twice, a moment apart, are the same.
     */
    static Map<String, String> settledViews() throws Exception {
        awaitTrue(() -> {
            List<String> settled = new ArrayList<>();
            for (JsonNode group : readTree(get("/api/streams").body()).get("groups")) {
                if (group.get("lag").asLong() == 0) {
                    settled.add(group.get("group").asText());
                }
            }
            return settled.containsAll(List.of("communique-router", "communique-projection-country",
                    "communique-projection-topic", "communique-projection-event"));
        });
        return awaitSteady("the views served", 60, Duration.ofMillis(500), EndToEndTest::allViews);
    }

    private static Map<String, String> allViews() throws IOException, InterruptedException {
        Map<String, String> views = new HashMap<>();
        for (JsonNode country : readTree(get("/api/countries").body())) {
            String code = country.get("code").asText();
            views.put("country/" + code, get("/api/countries/" + code).body());
        }
        for (JsonNode topic : readTree(get("/api/topics").body())) {
            String id = topic.get("id").asText();
            views.put("topic/" + id, get("/api/topics/" + id).body());
        }
        for (JsonNode event : readTree(get("/api/events?limit=1000").body())) {
            String id = event.get("id").asText();
            views.put("event/" + id, get("/api/events/" + id).body());
        }
        return views;
    }

    private static boolean hasRef(JsonNode refs, String counterpart) {
        for (JsonNode ref : refs) {
            for (JsonNode code : ref.get("counterparts")) {
                if (code.asText().equals(counterpart)) {
                    return true;
                }
            }
        }
        return false;
    }

    static JsonNode post(String report) throws IOException, InterruptedException {
        return TestApps.post(app, report);
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return TestHttp.get(app.httpPort(), path);
    }

    static JsonNode awaitJson(String path, Predicate<JsonNode> condition) throws Exception {
        JsonNode[] last = new JsonNode[1];
        awaitTrue(() -> {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = readTree(response.body());
            return condition.test(last[0]);
        });
        return last[0];
    }

    static void awaitTrue(Await.Condition condition) throws Exception {
        Await.until("the condition", Duration.ofSeconds(60), condition);
    }

    /**
     * Every fact the WebSocket messages carried live, in order: slim in a dashboard's {@code update} messages (id,
     * documentId, type, participants… when not omitted), whole in {@code facts} messages of a {@code mode=all} socket.
     */
    static Stream<JsonNode> liveFacts(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.get("type").asText().equals("update") || m.get("type").asText().equals("facts"))
                .flatMap(m -> StreamSupport.stream(m.get("facts").spliterator(), false));
    }

    static JsonNode readTree(String json) {
        return TestHttp.json(json);
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
