package io.communique.replay;

import io.communique.broker.EmbeddedKafka;
import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.FactCursor;
import io.communique.model.FactRows;
import io.communique.model.FactType;
import io.communique.model.Json;
import io.communique.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export command against a real broker: the facts as they stand (corrections applied, retractions left out, an
 * unreadable record skipped), as JSON lines or CSV rows, filtered, with the cursor it read up to.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ExportCommandTest {
    @TempDir
    static Path dataDir;
    static EmbeddedKafka kafka;
    static final Fact TALKS_RU = ReplayCommandTest.fact(0, FactType.TALKS, "CN", "RU");
    static final Fact VISIT_EG = ReplayCommandTest.fact(1, FactType.VISIT, "CN", "EG");
    static final Fact MEETING_EG = ReplayCommandTest.fact(2, FactType.MEETING, "EG", "FR");
    static final Fact RETRACTED = ReplayCommandTest.fact(3, FactType.TALKS, "BR", "CN");
    static final Fact CORRECTED = new Fact(TALKS_RU.id(), TALKS_RU.documentId(), TALKS_RU.source(), TALKS_RU.type(),
            TALKS_RU.participants(), TALKS_RU.initiator(), TALKS_RU.persons(), TALKS_RU.date(), null, "Moscow, Kremlin",
            "A \"title\"", List.of("trade", "energy"), 0.8, TALKS_RU.evidence(), TALKS_RU.extractor());

    @BeforeAll
    static void startBrokerWithFacts() throws Exception {
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.FACTS, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (Fact fact : List.of(TALKS_RU, VISIT_EG, MEETING_EG, RETRACTED)) {
                producer.send(record(fact, CloudEvents.FACT_TYPE)).get();
            }
            producer.send(new ProducerRecord<>(Topics.FACTS, "CN|RU", "not json".getBytes(StandardCharsets.UTF_8))).get();
            producer.send(record(CORRECTED, CloudEvents.FACT_TYPE)).get();
            producer.send(record(RETRACTED, CloudEvents.FACT_RETRACTED_TYPE)).get();
            producer.send(record(VISIT_EG, CloudEvents.FACT_TYPE)).get(); // delivered twice
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    static ProducerRecord<String, byte[]> record(Fact fact, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
        Document document = Document.of("report " + fact.id(), "test", null, "zh", "2019-04-25", "2019-04-25T00:00:00Z");
        Map<String, String> headers = type.equals(CloudEvents.FACT_TYPE)
                ? CloudEvents.factHeaders(fact, document) : CloudEvents.retractionHeaders(fact, document);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    static ReplayCommandTest.Run export(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers()));
        return ReplayCommandTest.run(new ExportCommand(), all.toArray(String[]::new));
    }

    @Test
    void jsonLinesHoldEachCurrentFactOnceInItsLatestVersionWithoutTheRetractedOnes() {
        ReplayCommandTest.Run run = export();

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out().lines().toList()).containsExactlyInAnyOrder(Json.write(CORRECTED), Json.write(VISIT_EG),
                Json.write(MEETING_EG));
        assertThat(run.err()).contains("3 facts written");
        String cursor = run.err().lines().filter(line -> line.contains("cursor ")).findFirst().orElseThrow()
                .replaceAll(".*cursor ", "");
        assertThat(FactCursor.parse(cursor).offsets().values().stream().mapToLong(Long::longValue).sum())
                .as("records read, up to the end of each partition").isEqualTo(8);
    }

    @Test
    void csvRowsAreFilteredAndWrittenToTheOutputFile() throws Exception {
        Path file = dataDir.resolve("eg.csv");
        ReplayCommandTest.Run run = export("--format", "csv", "--country", "eg", "--type", "VISIT", "--output", file.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(String.join(",", FactRows.COLUMNS));
        assertThat(lines.get(1)).startsWith(VISIT_EG.id() + "," + VISIT_EG.documentId()).contains(",CN;EG,");
    }

    @Test
    void correctedFieldsAreQuotedAndListsJoinedWithSemicolons() {
        ReplayCommandTest.Run run = export("--format", "csv", "--topic", "energy");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains(",\"Moscow, Kremlin\",\"A \"\"title\"\"\",trade;energy,0.8,");
        assertThat(run.err()).contains("1 fact written");
    }

    @Test
    void badOptionValuesExitWith2SayingWhich() {
        assertThat(export("--format", "xml").exit()).isEqualTo(ExitCodes.BAD_ARGUMENT);
        assertThat(export("--type", "PARTY").err()).contains("--type must be one of");
        assertThat(export("--since", "2019").err()).contains("--since and --until");
    }
}
