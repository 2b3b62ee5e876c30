package io.communique.web;

import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.CloudEvents;
import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.web.RunningWeb.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web verticle over a real broker, stopped and started again on the same store: it serves what it served, reads
 * only the records it had not taken, and rebuilds a store that was deleted from the topics' beginning.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ReadStoreRestartTest {

    @TempDir
    Path data;
    EmbeddedKafka kafka;
    KafkaSettings settings;
    Vertx vertx;
    KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void start() throws Exception {
        kafka = EmbeddedKafka.start(data.resolve("kafka"), 0);
        settings = new KafkaSettings(kafka.bootstrapServers());
        vertx = Vertx.vertx();
        await(TopicAdmin.ensureTopics(vertx, settings, Topics.ALL));
        producer = new KafkaProducer<>(new HashMap<>(settings.producer()));
    }

    @AfterEach
    void stop() throws Exception {
        producer.close();
        await(vertx.close());
        kafka.close();
    }

    @Test
    void aRestartedWebResumesFromItsStoreAndADeletedStoreIsRebuiltFromKafka() throws Exception {
        Path store = data.resolve("web-store");
        publish(0, 30);
        WebVerticle first = deploy(store);
        awaitStored(first, 40); // 30 facts and 10 documents
        String listed = get(first, "/api/facts?limit=1000");
        await(vertx.undeploy(first.deploymentID()));

        publish(30, 35);
        WebVerticle second = deploy(store);
        awaitStored(second, 7); // 5 facts and 2 documents
        assertThat(second.storedRecords()).as("records read again after the restart").isEqualTo(7);
        String relisted = get(second, "/api/facts?limit=1000");
        assertThat(Json.MAPPER.readTree(relisted).size()).isEqualTo(35);
        assertThat(Json.MAPPER.readTree(relisted).toString()).contains(Json.MAPPER.readTree(listed).get(0).toString());
        assertThat(get(second, "/api/documents/" + document(0).id())).contains(document(0).text());
        assertThat(Json.MAPPER.readTree(get(second, "/api/totals")).get("facts").asInt()).isEqualTo(35);
        await(vertx.undeploy(second.deploymentID()));

        try (Stream<Path> files = Files.walk(store)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        WebVerticle rebuilt = deploy(store);
        awaitStored(rebuilt, 47);
        assertThat(get(rebuilt, "/api/facts?limit=1000")).isEqualTo(relisted);
        assertThat(get(rebuilt, "/api/documents/" + document(0).id())).contains(document(0).text());
    }

    WebVerticle deploy(Path store) throws Exception {
        WebVerticle web = new WebVerticle(settings, new WebVerticle.Options("127.0.0.1", 0, 1024 * 1024, 1024 * 1024,
                2000, RunningWeb.TOKEN, 0, 0, Set.of(), Set.of("127.0.0.1"), ReadLimits.DEFAULT), new WebVerticle.Store(store, 4));
        await(vertx.deployVerticle(web));
        return web;
    }

    static void awaitStored(WebVerticle web, long records) throws Exception {
        awaitTrue("the web took " + records + " records into its store", 120,
                () -> web.caughtUp() && await(web.lag()) == 0 && web.storedRecords() >= records);
    }

    static Document document(int i) {
        return new Document(FactExportTest.fact(i, "e").documentId(), "报道 " + i, "test", null, "zh", null,
                "2017-01-01T00:00:00Z");
    }

    /** Facts from i to before end, and the document of every third. */
    void publish(int from, int end) {
        for (int i = from; i < end; i++) {
            Fact fact = FactExportTest.fact(i, "evidence " + i);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
            record.headers().add(CloudEvents.TYPE_HEADER, CloudEvents.FACT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record);
            if (i % 3 == 0) {
                producer.send(new ProducerRecord<>(Topics.DOCUMENTS, fact.documentId(), Json.bytes(document(i))));
            }
        }
        producer.flush();
    }

    static String get(WebVerticle web, String path) throws Exception {
        return TestHttp.getOk(web.port(), path);
    }
}
