package io.communique.ingest.raw;

import io.communique.ingest.TestKafka;
import io.communique.model.Topics;
import io.communique.testing.TopicChecks;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.communique.ingest.TestKafka.await;
import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.ingest.TestKafka.documents;
import static org.assertj.core.api.Assertions.assertThat;

/** A plain Kafka producer writes raw documents; the verticle ingests the good ones and dead-letters the rest. */
class RawDocumentsVerticleTest {
    static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = TestKafka.vertxWithIngest();
        await(vertx.deployVerticle(new RawDocumentsVerticle(TestKafka.settings(), MAX_DOCUMENT_BYTES)));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void validRecordsAreIngestedInvalidOnesDeadLetteredAndOffsetsCommittedAfterwards() throws Exception {
        Map<String, String> bad = Map.of(
                "raw-bad-json", "{\"text\": ",
                "raw-no-text", "{\"url\": \"https://news.example/no-text\"}",
                "raw-bad-type", "{\"text\": 42}",
                "raw-bad-date", "{\"text\": \"会谈。\", \"published\": \"2019-02-30\"}");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record("raw-good", """
                    {"text": "2016年9月3日，国家主席习近平在杭州会见美国总统奥巴马。（原始主题）", "published": "2016-09-03",
                     "language": "zh", "url": "https://news.example/raw-good", "source": "wire-service"}""")).get();
            for (Map.Entry<String, String> entry : bad.entrySet()) {
                producer.send(record(entry.getKey(), entry.getValue())).get();
            }
            producer.send(record("raw-minimal", "{\"text\": \"2018年3月5日，国家主席习近平同巴西总统特梅尔举行会谈。（原始主题最简）\"}")).get();
        }

        awaitTrue("the good record ingested", () -> documents("https://news.example/raw-good").size() == 1);
        assertThat(documents("https://news.example/raw-good").get(0)).satisfies(d -> {
            assertThat(d.source()).isEqualTo("wire-service");
            assertThat(d.published()).isEqualTo("2016-09-03");
        });
        awaitTrue("the minimal record ingested", () -> TestKafka.readAll(Topics.DOCUMENTS).stream()
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).anyMatch(v -> v.contains("原始主题最简")
                        && v.contains("\"source\":\"" + Topics.DOCUMENTS_RAW + "\"")));

        awaitTrue("the bad records dead-lettered", () -> TestKafka.readAll(Topics.DLQ).stream()
                .filter(r -> bad.containsKey(r.key())).count() == bad.size());
        TestKafka.readAll(Topics.DLQ).stream().filter(r -> bad.containsKey(r.key())).forEach(letter -> {
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo(bad.get(letter.key()));
            assertThat(TopicChecks.header(letter, "dlq.topic")).isEqualTo(Topics.DOCUMENTS_RAW);
            assertThat(TopicChecks.header(letter, "dlq.reason")).isNotBlank();
        });
        assertThat(TestKafka.readAll(Topics.DLQ).stream().filter(r -> r.key().equals("raw-bad-date")).findFirst()
                .map(r -> TopicChecks.header(r, "dlq.reason")).orElseThrow()).contains("not a calendar date");

        awaitTrue("offsets committed up to the end", () -> committedTotal() == 6);
    }

    private static long committedTotal() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.settings().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(RawDocumentsVerticle.GROUP)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.settings().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    private static ProducerRecord<String, byte[]> record(String key, String json) {
        return new ProducerRecord<>(Topics.DOCUMENTS_RAW, key, json.getBytes(StandardCharsets.UTF_8));
    }
}
