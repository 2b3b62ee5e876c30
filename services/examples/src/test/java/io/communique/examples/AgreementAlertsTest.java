package io.communique.examples;

import io.communique.broker.EmbeddedKafka;
import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example subscriber against a real broker, fed with fact records in the app's exact format (the app's own
 * record classes and CloudEvents headers, used here only to produce them).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AgreementAlertsTest {
    static final String GROUP = "agreement-alerts-EG";

    @TempDir
    static Path dataDir;
    static EmbeddedKafka kafka;
    static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), 0);
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(Topics.FACTS, Topics.spec(Topics.FACTS).partitions(), (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    }

    @AfterAll
    static void stopBroker() {
        if (producer != null) {
            producer.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void alertsOnceForEachAgreementWithTheCountryAndResumesWhereItsGroupLeftOff() throws Exception {
        Fact egyptAgreement = fact("2019年4月25日，中埃签署经济技术合作协定。", FactType.AGREEMENT_SIGNED, "CN", "EG");
        publish(egyptAgreement);
        publish(egyptAgreement); // published again, as a re-ingested document does: same id
        publish(fact("2019年4月25日，习近平同塞西举行会谈。", FactType.TALKS, "CN", "EG"));
        publish(fact("2019年6月5日，中俄签署联合声明和协定。", FactType.AGREEMENT_SIGNED, "CN", "RU"));

        List<AgreementAlerts.Alert> firstRun = runUntilCaughtUp();
        assertThat(firstRun).extracting(AgreementAlerts.Alert::factId).containsExactly(egyptAgreement.id());
        assertThat(firstRun.get(0).participants()).containsExactly("CN", "EG");
        assertThat(firstRun.get(0).evidence()).isEqualTo(egyptAgreement.evidence().text());
        assertThat(firstRun.get(0).toString()).startsWith("New agreement with EG: 经济技术合作协定");

        Fact laterAgreement = fact("2020年1月21日，中埃签署文化合作协定。", FactType.AGREEMENT_SIGNED, "EG", "SD");
        publish(laterAgreement);
        List<AgreementAlerts.Alert> secondRun = runUntilCaughtUp();
        assertThat(secondRun).extracting(AgreementAlerts.Alert::factId).containsExactly(laterAgreement.id());
    }

    /** Runs the subscriber as its main does until its group has committed the end of every partition. */
    private static List<AgreementAlerts.Alert> runUntilCaughtUp() throws Exception {
        List<AgreementAlerts.Alert> alerts = new CopyOnWriteArrayList<>();
        KafkaConsumer<String, byte[]> consumer = AgreementAlerts.consumer(kafka.bootstrapServers(), GROUP);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> running = thread.submit(() -> new AgreementAlerts("eg").run(consumer, alerts::add));
            awaitTrue(AgreementAlertsTest::groupCaughtUp);
            consumer.wakeup();
            running.get(20, TimeUnit.SECONDS);
            return alerts;
        } finally {
            thread.shutdownNow();
        }
    }

    private static boolean groupCaughtUp() {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = committed.isEmpty() ? Map.of() : java.util.stream.IntStream
                    .range(0, Topics.spec(Topics.FACTS).partitions()).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.FACTS, p), p -> OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return !ends.isEmpty() && ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() == end.getValue().offset());
        } catch (Exception e) {
            return false;
        }
    }

    /** A fact record exactly as the ingest service writes it: key, JSON value, CloudEvents headers. */
    private static void publish(Fact fact) throws Exception {
        Document document = Document.of(fact.evidence().text(), "test", null, "zh", null, "2019-04-25T08:00:00Z");
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
        CloudEvents.factHeaders(fact, document).forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    private static Fact fact(String sentence, FactType type, String... participants) {
        String documentId = Ids.documentId(sentence);
        List<String> codes = List.of(participants);
        String title = type == FactType.AGREEMENT_SIGNED ? sentence.substring(sentence.indexOf("签署") + 2, sentence.length() - 1) : null;
        return new Fact(Ids.factId(documentId, type, codes, null, 0), documentId, "test", type, codes, null, List.of(),
                null, null, null, title, List.of(), 0.9, new Evidence(sentence, 0, sentence.length()),
                new ExtractorInfo("test", "1"));
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static void awaitTrue(BooleanSupplier check) {
        Awaitility.await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200)).until(check::getAsBoolean);
    }
}
