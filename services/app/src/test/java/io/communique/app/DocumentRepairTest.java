package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.broker.EmbeddedKafka;
import io.communique.extract.Extractor;
import io.communique.ingest.DocumentRepair;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document recorded without its facts — what an ingest killed between the two writes leaves — is repaired when the
 * app starts: its facts reach the fact topic and the views exactly once, while documents ingested normally are not
 * extracted again, a record that is no document is dead-lettered, and a restart does not repair anything twice.
 */
class DocumentRepairTest {
    private static final String ORPHAN = "2023年5月10日，国务院总理李强在北京人民大会堂同新西兰总理希普金斯举行会谈。双方签署了科技合作协定。";
    private static final String POSTED = "2018年3月5日，国家主席习近平在北京人民大会堂同巴西总统特梅尔举行会谈。两国元首同意深化经贸合作。";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path tmp;

    @Test
    void aDocumentRecordedWithoutItsFactsGetsThemOnceAtStartAndNormallyIngestedOnesAreNotExtractedAgain() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(tmp.resolve("kafka"), 0)) {
            String bootstrap = broker.bootstrapServers();
            Document orphan = Document.of(ORPHAN, "crashed-ingest", null, "zh", "2023-05-10", Instant.now().toString());
            List<Fact> orphanFacts = new Extractor().extract(orphan);
            assertThat(orphanFacts).isNotEmpty();
            byte[] poison = "not a document".getBytes(StandardCharsets.UTF_8);
            write(bootstrap, new ProducerRecord<>(Topics.DOCUMENTS, orphan.id(), Json.bytes(orphan)),
                    new ProducerRecord<>(Topics.DOCUMENTS, "poison", poison));

            Communique app = TestApps.start(tmp.resolve("data"), bootstrap, Views.LIST_EVERY_FACT);
            try {
                long repairMs = Await.until("the orphan's facts in the views", Duration.ofSeconds(90),
                        () -> Views.factOccurrences(Views.served(http, app.httpPort())).keySet()
                                .containsAll(ids(orphanFacts)));
                JsonNode posted = TestApps.post(app, POSTED);
                Set<String> postedFacts = Json.MAPPER.convertValue(posted.get("facts"),
                        Json.MAPPER.getTypeFactory().constructCollectionType(Set.class, String.class));
                assertThat(postedFacts).isNotEmpty();
                long documentRecords = Views.readAll(bootstrap, Topics.DOCUMENTS).size(); // orphan, poison, seed, post
                Await.until("the repair to check every document record", Duration.ofSeconds(60),
                        () -> checked(app.repairCounts()) == documentRecords);

                DocumentRepair.Counts counts = app.repairCounts();
                System.out.printf("Repair: orphan's facts in the views %d ms after start returned; %s%n", repairMs, counts);
                assertThat(counts.repaired()).as("documents extracted again").isEqualTo(1);
                assertThat(counts.factsPublished()).isEqualTo(orphanFacts.size());
                assertThat(counts.deadLettered()).isEqualTo(1);
                assertThat(counts.confirmed()).as("seeds and the post, published here").isEqualTo(documentRecords - 2);
                assertThat(Views.records(bootstrap, Topics.DLQ)).anySatisfy(letter -> {
                    assertThat(letter.value()).isEqualTo(poison);
                    assertThat(new String(letter.headers().lastHeader("dlq.topic").value(), StandardCharsets.UTF_8))
                            .isEqualTo(Topics.DOCUMENTS);
                });
                Map<String, Long> onTopic = factRecordsById(bootstrap);
                ids(orphanFacts).forEach(id -> assertThat(onTopic.get(id)).as("records of orphan fact %s", id).isEqualTo(1));
                postedFacts.forEach(id -> assertThat(onTopic.get(id)).as("records of posted fact %s", id).isEqualTo(1));
                assertViewsHoldEachFactOnce(app, orphanFacts);
            } finally {
                app.close();
            }

            // Restarted on the same log: the repair resumes after its committed offset, the orphan is not repaired again.
            Communique restarted = TestApps.start(tmp.resolve("data"), bootstrap, Views.LIST_EVERY_FACT);
            try {
                Await.until("the restarted repair caught up", Duration.ofSeconds(60),
                        () -> restarted.repairCounts().caughtUp());
                assertThat(restarted.repairCounts().repaired()).isZero();
                Map<String, Long> onTopic = factRecordsById(bootstrap);
                ids(orphanFacts).forEach(id -> assertThat(onTopic.get(id)).as("records of orphan fact %s", id).isEqualTo(1));
                Await.until("the views after the restart", Duration.ofSeconds(60),
                        () -> Views.factOccurrences(Views.served(http, restarted.httpPort())).keySet()
                                .containsAll(ids(orphanFacts)));
                assertViewsHoldEachFactOnce(restarted, orphanFacts);
            } finally {
                restarted.close();
            }
        }
    }

    /** Writes records as a crashed ingest (a document acknowledged, none of its facts) or a stranger would. */
    @SafeVarargs
    private static void write(String bootstrap, ProducerRecord<String, byte[]>... records) throws Exception {
        KafkaSettings settings = new KafkaSettings(bootstrap);
        Vertx vertx = Vertx.vertx();
        try {
            TopicAdmin.ensureTopics(vertx, settings, Topics.ALL).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            vertx.close();
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(settings.producer()))) {
            for (ProducerRecord<String, byte[]> record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Each fact once per participant in the country views, and the views equal a rebuild from the fact log. */
    private void assertViewsHoldEachFactOnce(Communique app, List<Fact> facts) throws Exception {
        Await.until("the views equal a rebuild", Duration.ofSeconds(60),
                () -> Views.differences(Views.served(http, app.httpPort()), Views.rebuilt(app.bootstrapServers())).isEmpty());
        Map<String, Views.Bytes> served = Views.served(http, app.httpPort());
        Map<String, Integer> occurrences = Views.factOccurrences(served);
        facts.forEach(fact -> assertThat(occurrences.get(fact.id())).as("views listing %s", fact.id())
                .isEqualTo(fact.participants().size()));
        assertThat(Views.doubled(served)).isZero();
    }

    private static long checked(DocumentRepair.Counts counts) {
        return counts.confirmed() + counts.repaired() + counts.deadLettered();
    }

    private static Map<String, Long> factRecordsById(String bootstrap) {
        return Views.readAll(bootstrap, Topics.FACTS).stream()
                .map(value -> Json.read(value, Fact.class).id())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Set<String> ids(List<Fact> facts) {
        return facts.stream().map(Fact::id).collect(Collectors.toSet());
    }
}
