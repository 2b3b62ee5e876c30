package io.communique.ingest;

import io.communique.ingest.raw.RawDocumentsVerticle;
import io.communique.testing.BadValues;
import io.communique.kafka.BadRecord;
import io.communique.kafka.DeadLetters;
import io.communique.model.Document;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;

import static io.communique.ingest.TestKafka.await;
import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.testing.TopicChecks.groupLag;
import static io.communique.testing.TopicChecks.header;
import static io.communique.testing.TopicChecks.letters;
import static io.communique.testing.TopicChecks.readAll;
import static io.communique.testing.TopicChecks.where;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad record of each kind, and one the extractor fails on, between two good ones, on the raw topic and on the
 * document topic (the repair's), with the real ingest (its extractor failing on {@link FailingExtractor#MARKER}) on a
 * real broker: the good ones are ingested or repaired, the bad one is dead-lettered exactly
 * once naming its consumer, and the group's lag returns to 0.
 */
class BadDocumentRecordsTest {
    private static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    private static final String REPORT = "2018年3月5日，国家主席习近平在北京同巴西总统特梅尔举行会谈。";
    private static Vertx vertx;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void start() {
        vertx = TestKafka.vertxWithIngest(new FailingExtractor());
        await(vertx.deployVerticle(new RawDocumentsVerticle(TestKafka.settings(), MAX_DOCUMENT_BYTES)));
        producer = new KafkaProducer<>(new HashMap<>(TestKafka.settings().producer()));
    }

    @AfterAll
    static void stop() {
        producer.close();
        vertx.close();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BadValues.class, names = {"NULL_VALUE", "NOT_JSON", "TRAILING_CONTENT", "WRONG_SHAPE", "OVERSIZED"})
    void theRawSourceDeadLettersABadRecordOnceAndIngestsTheRecordsAroundIt(BadValues bad) throws Exception {
        assertRawSourceLettersOnceAndMovesOn(bad.toString(), bad.record(Topics.DOCUMENTS_RAW, "raw-" + bad,
                raw("https://news.example/raw-" + bad, bad + " 坏的").value(), MAX_DOCUMENT_BYTES), bad.kind());
    }

    @Test
    void theRawSourceDeadLettersARecordTheExtractorFailsOnOnceAsExtractionFailed() throws Exception {
        assertRawSourceLettersOnceAndMovesOn("EXTRACTION", raw("https://news.example/raw-extraction",
                FailingExtractor.MARKER), BadRecord.Kind.EXTRACTION_FAILED);
    }

    @Test
    void theDocumentRepairDeadLettersADocumentTheExtractorFailsOnOnceAsExtractionFailed() throws Exception {
        assertRepairLettersOnceAndMovesOn("EXTRACTION", Json.bytes(orphan(FailingExtractor.MARKER)),
                BadRecord.Kind.EXTRACTION_FAILED);
    }

    /** {@code bad} between two good raw records: both good ones ingested, {@code bad} lettered once, lag back to 0. */
    private static void assertRawSourceLettersOnceAndMovesOn(String name, ProducerRecord<String, byte[]> bad,
                                                              BadRecord.Kind kind) throws Exception {
        String before = "https://news.example/raw-" + name + "-before", after = "https://news.example/raw-" + name + "-after";
        send(raw(before, name + " 之前"));
        RecordMetadata badAt = send(bad);
        send(raw(after, name + " 之后"));

        awaitTrue("the good raw records ingested", 60,
                () -> TestKafka.documents(before).size() == 1 && TestKafka.documents(after).size() == 1);
        assertDeadLetteredOnce(RawDocumentsVerticle.GROUP, Topics.DOCUMENTS_RAW, badAt, kind);
        awaitTrue("the raw group's lag back to 0", 30, () -> lag(RawDocumentsVerticle.GROUP, Topics.DOCUMENTS_RAW) == 0);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BadValues.class, names = {"NULL_VALUE", "NOT_JSON", "TRAILING_CONTENT", "WRONG_SHAPE"})
    void theDocumentRepairDeadLettersABadRecordOnceAndRepairsTheDocumentsAroundIt(BadValues bad) throws Exception {
        ProducerRecord<String, byte[]> record = bad.record(Topics.DOCUMENTS, "document-" + bad,
                Json.bytes(orphan(bad + " 坏的")), Integer.MAX_VALUE);
        assertRepairLettersOnceAndMovesOn(bad.toString(), record.value(), bad.kind());
    }

    /** {@code bad} between two orphans: both repaired, {@code bad} lettered once, the repair's lag back to 0. */
    private static void assertRepairLettersOnceAndMovesOn(String name, byte[] bad, BadRecord.Kind kind) throws Exception {
        Document before = orphan(name + " 之前"), after = orphan(name + " 之后");
        send(new ProducerRecord<>(Topics.DOCUMENTS, before.id(), Json.bytes(before)));
        RecordMetadata badAt = send(new ProducerRecord<>(Topics.DOCUMENTS, "document-" + name, bad));
        send(new ProducerRecord<>(Topics.DOCUMENTS, after.id(), Json.bytes(after)));

        awaitTrue("the facts of both orphans published again", 60, () -> {
            List<String> facts = readAll(TestKafka.settings().bootstrapServers(), Topics.FACTS).stream()
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8)).toList();
            return facts.stream().anyMatch(fact -> fact.contains(before.id()))
                    && facts.stream().anyMatch(fact -> fact.contains(after.id()));
        });
        assertDeadLetteredOnce(DocumentRepair.GROUP, Topics.DOCUMENTS, badAt, kind);
        awaitTrue("the repair's lag back to 0", 30, () -> lag(DocumentRepair.GROUP, Topics.DOCUMENTS) == 0);
    }

    /** A document recorded without its facts, as an ingest killed between the two writes leaves it. */
    private static Document orphan(String marker) {
        return Document.of(REPORT + "（" + marker + "）", "crashed-ingest", null, "zh", "2018-03-05", Instant.now().toString());
    }

    private static ProducerRecord<String, byte[]> raw(String url, String marker) {
        String json = "{\"text\": " + Json.write(REPORT + "（" + marker + "）") + ", \"url\": " + Json.write(url) + "}";
        return new ProducerRecord<>(Topics.DOCUMENTS_RAW, url, json.getBytes(StandardCharsets.UTF_8));
    }

    private static long lag(String group, String topic) throws Exception {
        return groupLag(TestKafka.settings().bootstrapServers(), group, topic);
    }

    private static RecordMetadata send(ProducerRecord<String, byte[]> record) throws Exception {
        return producer.send(record).get();
    }

    private static void assertDeadLetteredOnce(String consumer, String topic, RecordMetadata at, BadRecord.Kind kind)
            throws Exception {
        String bootstrap = TestKafka.settings().bootstrapServers();
        String origin = where(topic, at.partition(), at.offset());
        awaitTrue("a letter for " + origin, 30, () -> letters(bootstrap, consumer).containsKey(origin));
        Thread.sleep(1500); // a replaying consumer would letter it again within its retry delay
        List<ConsumerRecord<String, byte[]>> letters = letters(bootstrap, consumer).get(origin);
        assertThat(letters).as("letters for " + origin).hasSize(1);
        assertThat(header(letters.get(0), DeadLetters.KIND)).isEqualTo(kind.code());
        assertThat(header(letters.get(0), DeadLetters.CONSUMER)).isEqualTo(consumer);
        assertThat(header(letters.get(0), DeadLetters.REASON)).isNotBlank();
    }
}
