package io.communique.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * "Alert me when a new agreement is signed with country X": a subscriber to Communiqué's fact topic, written as an
 * outside team would write it, with nothing but a Kafka client and a JSON parser.
 *
 * <pre>
 *   KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 java … io.communique.examples.AgreementAlerts EG
 *   mvn -q -pl services/examples exec:java -Dexec.args="EG 127.0.0.1:9092"
 * </pre>
 *
 * How it reads the topic {@code communique.facts.v1} (documented in docs/topics.md):
 * <ul>
 *   <li>Its own consumer group ({@code agreement-alerts-EG}): a first run starts at the beginning of the topic, so it
 *       also reports past agreements; later runs resume where the group committed.</li>
 *   <li>Records are CloudEvents in binary mode: the headers say what a record is ({@code ce_type}, {@code ce_subject}
 *       = the fact type), so records of other types are skipped without parsing their values.</li>
 *   <li>Delivery is at-least-once and the same fact may be published again (same id): alerts are deduplicated by
 *       {@code ce_id}, the fact id.</li>
 *   <li>Readers ignore fields they do not know: new optional fields may appear in the same topic version.</li>
 * </ul>
 */
public final class AgreementAlerts {
    static final String TOPIC = "communique.facts.v1";
    /** The CloudEvents type of version 1 facts; a breaking change would come as a new type on a new topic. */
    static final String FACT_EVENT_TYPE = "io.communique.fact.v1";
    static final String AGREEMENT = "AGREEMENT_SIGNED";
    /** Fact ids remembered for deduplication; the oldest are forgotten first. */
    private static final int REMEMBERED_IDS = 100_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One alert: an agreement signed by {@code country} with the other participants. */
    public record Alert(String factId, String country, List<String> participants, String date, String title,
                        String evidence) {
        @Override
        public String toString() {
            return "New agreement with " + country + ": " + (title == null ? "(untitled)" : title)
                    + " | participants " + String.join(", ", participants)
                    + (date == null ? "" : " | date " + date)
                    + " | \"" + evidence + "\" (fact " + factId + ")";
        }
    }

    private final String country;
    private final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_IDS;
        }
    };

    public AgreementAlerts(String country) {
        this.country = country.toUpperCase(Locale.ROOT);
    }

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args.length > 1 ? args[1] : System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (args.length < 1 || bootstrap == null || bootstrap.isBlank()) {
            System.err.println("usage: AgreementAlerts COUNTRY [HOST:PORT]  (or set KAFKA_BOOTSTRAP_SERVERS)");
            System.exit(2);
        }
        AgreementAlerts alerts = new AgreementAlerts(args[0]);
        KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, "agreement-alerts-" + alerts.country);
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: wake the consumer up so that it leaves its group cleanly, then let the JVM exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.wakeup();
            try {
                finished.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        System.err.println("Watching " + TOPIC + " at " + bootstrap + " for agreements with " + alerts.country + "…");
        alerts.run(consumer, System.out::println);
        finished.countDown();
    }

    /** A consumer in its own group that commits only what has been handled (after the alerts are out). */
    public static KafkaConsumer<String, byte[]> consumer(String bootstrap, String groupId) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                // Never see records of an aborted transaction, should a producer use transactions.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    }

    /** Polls and alerts until {@code consumer.wakeup()} is called; then closes the consumer. */
    public void run(Consumer<String, byte[]> consumer, java.util.function.Consumer<Alert> sink) {
        try (consumer) {
            consumer.subscribe(List.of(TOPIC));
            while (true) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofSeconds(1));
                alerts(records).forEach(sink);
                consumer.commitSync(); // at-least-once: committed after the alerts were given
            }
        } catch (WakeupException stopped) {
            // asked to stop
        }
    }

    /** The alerts in a batch: agreements involving the country, each fact once. */
    List<Alert> alerts(Iterable<ConsumerRecord<String, byte[]>> records) {
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!FACT_EVENT_TYPE.equals(header(record, "ce_type")) || !AGREEMENT.equals(header(record, "ce_subject"))) {
                continue;
            }
            String id = header(record, "ce_id");
            if (id == null || seen.containsKey(id)) {
                continue;
            }
            JsonNode fact;
            try {
                fact = JSON.readTree(record.value());
            } catch (IOException e) {
                System.err.println("Skipping an unreadable fact at offset " + record.offset() + ": " + e.getMessage());
                continue;
            }
            seen.put(id, Boolean.TRUE);
            List<String> participants = new ArrayList<>();
            fact.path("participants").forEach(code -> participants.add(code.asText()));
            if (participants.contains(country)) {
                alerts.add(new Alert(id, country, participants, text(fact, "date"), text(fact, "title"),
                        fact.path("evidence").path("text").asText()));
            }
        }
        return alerts;
    }

    private static String text(JsonNode fact, String field) {
        JsonNode value = fact.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
