package io.communique.projection;

import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.KafkaSettings;
import io.communique.model.CountryView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bounded views read facts that come back into their lists from a real broker, by partition and offset. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaFactSourceTest {
    private static final String TOPIC = "facts-to-read-back";

    @TempDir
    static Path data;
    private static EmbeddedKafka kafka;
    private static KafkaSettings settings;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        settings = new KafkaSettings(kafka.bootstrapServers());
        try (Admin admin = Admin.create(new HashMap<>(settings.admin()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void aRetractionBringsTheNextFactBackFromTheLogAndTheViewListsWhatAnUnboundedViewWould() throws Exception {
        List<Fact> facts = new ArrayList<>();
        for (int day = 1; day <= 6; day++) {
            facts.add(talks(day));
        }
        List<RecordMetadata> written = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(settings.producer()))) {
            for (int i = 0; i < facts.size(); i++) { // both partitions, so locators carry both parts
                written.add(producer.send(new ProducerRecord<>(TOPIC, i % 2, "CN", Json.bytes(facts.get(i)))).get());
            }
        }
        RoutedViews unbounded = new RoutedViews(Integer.MAX_VALUE, FactSource.NONE);
        try (KafkaFactSource source = new KafkaFactSource(settings, TOPIC)) {
            RoutedViews bounded = new RoutedViews(2, source);
            for (int i = 0; i < facts.size(); i++) {
                bounded.apply(Json.bytes(facts.get(i)), KafkaFactSource.locator(written.get(i).partition(), written.get(i).offset()));
                unbounded.apply(facts.get(i), FactSource.NO_LOCATOR);
            }
            assertThat(bounded.country("CN").facts()).containsExactly(facts.get(5), facts.get(4));

            bounded.retract(facts.get(5));
            bounded.retract(facts.get(4));
            unbounded.retract(facts.get(5));
            unbounded.retract(facts.get(4));

            CountryView view = bounded.country("CN");
            assertThat(view.facts()).containsExactly(facts.get(3), facts.get(2));
            assertThat(view.reportCount()).isEqualTo(4);
            assertThat(view.counterparts()).isEqualTo(unbounded.country("CN").counterparts());
        }
    }

    @Test
    void anOffsetTheLogNoLongerHoldsIsAClearError() throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(new HashMap<>(settings.producer()))) {
            producer.send(new ProducerRecord<>(TOPIC, 1, "CN", Json.bytes(talks(7)))).get();
            producer.send(new ProducerRecord<>(TOPIC, 1, "CN", Json.bytes(talks(8)))).get();
        }
        try (KafkaFactSource source = new KafkaFactSource(settings, TOPIC);
             Admin admin = Admin.create(new HashMap<>(settings.admin()))) {
            TopicPartition partition = new TopicPartition(TOPIC, 1);
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition).get().offset();
            admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(end - 1)))
                    .all().get();

            assertThat(source.read(KafkaFactSource.locator(1, end - 1)).id()).isEqualTo(talks(8).id());
            assertThatThrownBy(() -> source.read(KafkaFactSource.locator(1, end - 2)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("offset " + (end - 2));
        }
    }

    private static Fact talks(int day) {
        String date = String.format("2019-05-%02d", day);
        String document = Ids.documentId("report " + day);
        List<String> participants = List.of("CN", day % 2 == 0 ? "RU" : "FR");
        return new Fact(Ids.factId(document, FactType.TALKS, participants, date, 0), document, "test", FactType.TALKS,
                participants, "CN", List.of(), date, null, null, null, List.of(), 0.9, new Evidence("s", 0, 1),
                new ExtractorInfo("rules", "1"));
    }
}
