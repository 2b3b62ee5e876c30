package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.ingest.DocumentRepair;
import io.communique.ingest.raw.RawDocumentsVerticle;
import io.communique.kafka.DeadLetters;
import io.communique.model.Document;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.testing.BadValues;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Future;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.testing.TopicChecks.groupLag;
import static io.communique.testing.TopicChecks.header;
import static io.communique.testing.TopicChecks.origin;
import static io.communique.testing.TopicChecks.readAll;
import static io.communique.testing.TopicChecks.where;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app on its embedded broker while reports are posted over HTTP and every kind of bad record is written to
 * every partition of every topic a consumer group reads (raw, documents, facts, the three routed topics): every
 * acknowledged report reaches the read store, the views and a real WebSocket client; every bad record is on the
 * dead-letter topic exactly once, named by the group that owns its topic, with its kind; nothing else is; and every
 * group's lag returns to 0.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ChaosTest {
    /** Small enough that an oversized raw record fits the broker's 1 MB message limit. */
    private static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    private static final int REPORTS = 30;

    /** Each topic a consumer group reads, the group that dead-letters its bad records, and the kinds that apply. */
    private record Target(String topic, String group, Set<BadValues> kinds, byte[] good) {
    }

    @TempDir
    static Path dataDir;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void badRecordsOfEveryKindOnEveryTopicAreDeadLetteredOnceWhileEveryPostedReportReachesViewsAndWebSocket()
            throws Exception {
        Map<String, String> env = new HashMap<>(Views.LIST_EVERY_FACT);
        env.put("MAX_DOCUMENT_BYTES", Integer.toString(MAX_DOCUMENT_BYTES));
        env.put("WRITES_PER_MINUTE", "10000");
        Communique app = TestApps.start(dataDir, null, env);
        Vertx client = Vertx.vertx();
        try (app; KafkaProducer<String, byte[]> producer = EndToEndTest.plainProducer(app.bootstrapServers())) {
            Set<String> pushed = ConcurrentHashMap.newKeySet();
            EndToEndTest.connectWebSocket(client, app.httpPort(), "/ws?mode=all", text -> {
                JsonNode message = EndToEndTest.readTree(text);
                if (message.get("type").asText().equals("facts")) {
                    message.get("facts").forEach(fact -> pushed.add(fact.get("id").asText()));
                }
            });

            // A third of the reports before the bad records, a third while they are written, a third after them.
            List<ReportBurst.Ack> acks = new ArrayList<>(post(app, 0).await(Duration.ofSeconds(120)));
            ReportBurst during = post(app, 1);
            Map<String, Expected> bad = writeBadRecords(producer);
            acks.addAll(during.await(Duration.ofSeconds(120)));
            acks.addAll(post(app, 2).await(Duration.ofSeconds(120)));
            assertThat(acks).as("reports acknowledged").hasSize(REPORTS);

            Set<String> factIds = new HashSet<>();
            acks.forEach(ack -> factIds.addAll(ack.factIds()));
            awaitTrue("every acknowledged fact pushed to the WebSocket client", 60, () -> pushed.containsAll(factIds));
            assertServedEverywhere(app.httpPort(), acks, factIds);

            String bootstrap = app.bootstrapServers();
            for (Target target : targets()) {
                awaitTrue(target.group() + "'s lag over " + target.topic() + " back to 0", 60,
                        () -> groupLag(bootstrap, target.group(), target.topic()) == 0);
            }
            awaitTrue("a letter for every bad record", 60, () -> letters(bootstrap).keySet().containsAll(bad.keySet()));
            Thread.sleep(1500); // a consumer replaying its batch would letter again within its first retry delay
            Map<String, List<ConsumerRecord<String, byte[]>>> letters = letters(bootstrap);
            assertThat(letters.keySet()).as("records dead-lettered: only the bad ones").isEqualTo(bad.keySet());
            letters.forEach((where, these) -> {
                Expected expected = bad.get(where);
                assertThat(these).as("letters for " + where).hasSize(1);
                ConsumerRecord<String, byte[]> letter = these.get(0);
                assertThat(header(letter, DeadLetters.CONSUMER)).as(where).isEqualTo(expected.group());
                assertThat(header(letter, DeadLetters.KIND)).as(where).isEqualTo(expected.kind().kind().code());
                assertThat(header(letter, DeadLetters.REASON)).as(where).isNotBlank();
            });
        } finally {
            client.close();
        }
    }

    private record Expected(String group, BadValues kind) {
    }

    /** Posts the {@code third}'th third of the reports from two clients. */
    private static ReportBurst post(Communique app, int third) {
        return ReportBurst.start(http, app.httpPort(), app.apiToken(), ReportBurst.numbers(third * REPORTS / 3, REPORTS / 3), 2);
    }

    /** One record of each applicable kind on each partition of each target, sent together; where each landed. */
    private static Map<String, Expected> writeBadRecords(KafkaProducer<String, byte[]> producer) throws Exception {
        Map<Future<RecordMetadata>, Expected> sent = new HashMap<>();
        for (Target target : targets()) {
            int partitions = producer.partitionsFor(target.topic()).size();
            for (BadValues kind : target.kinds()) {
                for (int partition = 0; partition < partitions; partition++) {
                    ProducerRecord<String, byte[]> record = kind.record(target.topic(), "chaos-" + kind, target.good(),
                            target.topic().equals(Topics.DOCUMENTS_RAW) ? MAX_DOCUMENT_BYTES : Topics.MAX_FACT_BYTES);
                    sent.put(producer.send(new ProducerRecord<>(record.topic(), partition, record.key(), record.value(),
                            record.headers())), new Expected(target.group(), kind));
                }
            }
        }
        Map<String, Expected> at = new HashMap<>();
        for (Map.Entry<Future<RecordMetadata>, Expected> record : sent.entrySet()) {
            RecordMetadata metadata = record.getKey().get(30, TimeUnit.SECONDS);
            at.put(where(metadata.topic(), metadata.partition(), metadata.offset()), record.getValue());
        }
        return at;
    }

    /**
     * Documents and raw records have no {@code ce_type} to be unknown; a document has no size limit of its own (the
     * broker bounds it), a raw document has {@code MAX_DOCUMENT_BYTES}.
     */
    private static List<Target> targets() {
        Set<BadValues> all = EnumSet.allOf(BadValues.class);
        Set<BadValues> untyped = EnumSet.complementOf(EnumSet.of(BadValues.UNKNOWN_TYPE));
        Set<BadValues> document = EnumSet.complementOf(EnumSet.of(BadValues.UNKNOWN_TYPE, BadValues.OVERSIZED));
        byte[] fact = Json.bytes(fact());
        return List.of(
                new Target(Topics.DOCUMENTS_RAW, RawDocumentsVerticle.GROUP, untyped,
                        "{\"text\": \"2019年5月15日，国家主席习近平同希腊总理齐普拉斯举行会谈。\"}".getBytes(StandardCharsets.UTF_8)),
                new Target(Topics.DOCUMENTS, DocumentRepair.GROUP, document, Json.bytes(Document.of(
                        "2018年3月5日，习近平同特梅尔举行会谈。（混沌）", "chaos", null, "zh", null, Instant.now().toString()))),
                new Target(Topics.FACTS, "communique-router", all, fact),
                new Target(Topics.FACTS_BY_COUNTRY, "communique-projection-country", all, fact),
                new Target(Topics.FACTS_BY_TOPIC, "communique-projection-topic", all, fact),
                new Target(Topics.FACTS_BY_PARTIES, "communique-projection-event", all, fact));
    }

    /** The dead letters, by where their record was read. */
    private static Map<String, List<ConsumerRecord<String, byte[]>>> letters(String bootstrap) {
        Map<String, List<ConsumerRecord<String, byte[]>>> letters = new HashMap<>();
        readAll(bootstrap, Topics.DLQ).forEach(letter -> letters.computeIfAbsent(origin(letter), o -> new ArrayList<>())
                .add(letter));
        return letters;
    }

    /**
     * Every document in the read store; every fact in the store's export and in the country and event views of each
     * of its participants.
     */
    private static void assertServedEverywhere(int port, List<ReportBurst.Ack> acks, Set<String> factIds) {
        for (ReportBurst.Ack ack : acks) {
            awaitTrue(ack.documentId() + " in the read store", 60,
                    () -> status(port, "/api/documents/" + ack.documentId()) == 200);
        }
        Map<String, JsonNode> facts = new HashMap<>();
        awaitTrue("every acknowledged fact in the read store", 60, () -> {
            for (String line : new String(Views.get(http, port, "/api/export/facts").body(), StandardCharsets.UTF_8)
                    .split("\n")) {
                JsonNode fact = line.isBlank() ? null : Json.MAPPER.readTree(line);
                if (fact != null && factIds.contains(fact.get("id").asText())) {
                    facts.put(fact.get("id").asText(), fact);
                }
            }
            return facts.keySet().equals(factIds);
        });
        for (JsonNode fact : facts.values()) {
            String id = fact.get("id").asText();
            for (JsonNode participant : fact.get("participants")) {
                String code = participant.asText();
                awaitTrue(id + " in the country view of " + code, 60, () -> body(port, "/api/countries/" + code).contains(id));
                awaitTrue(id + " in an event view of " + code, 60,
                        () -> body(port, "/api/events?limit=1000&country=" + code).contains(id));
            }
        }
    }

    private static int status(int port, String path) throws Exception {
        return Views.get(http, port, path).statusCode();
    }

    private static String body(int port, String path) throws Exception {
        return new String(Views.get(http, port, path).body(), StandardCharsets.UTF_8);
    }

    /** A well-formed fact, the base of the bad fact records (each has exactly one fault). */
    private static Fact fact() {
        String document = Ids.documentId("chaos");
        List<String> participants = List.of("CN", "GR");
        return new Fact(Ids.factId(document, FactType.TALKS, participants, "2019-05-15", 0), document, "chaos",
                FactType.TALKS, participants, "CN", List.of(), "2019-05-15", null, null, null, List.of(), 0.9,
                new Evidence("s", 0, 1), new ExtractorInfo("rules", "1"));
    }
}
