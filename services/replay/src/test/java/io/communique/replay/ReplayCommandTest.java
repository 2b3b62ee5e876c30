package io.communique.replay;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.communique.testing.TestHttp;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static java.time.temporal.ChronoUnit.HOURS;
import static org.assertj.core.api.Assertions.assertThat;

/** The replay and tail commands, run in-process as picocli runs them, against a real embedded broker. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReplayCommandTest {
    static final Instant T0 = Instant.parse("2019-04-25T00:00:00Z");
    static final String TEXT_TOPIC = "replay.test.text";
    /** Facts produced while tail runs go to their own topic, so that the other tests see the same six facts. */
    static final String TAIL_TOPIC = "replay.test.tail";

    @TempDir
    static Path dataDir;
    static EmbeddedKafka kafka;
    static KafkaProducer<String, byte[]> producer;
    /** The six fixture facts; fact i is stamped T0 + i hours, on partition i % 3. */
    static final List<Fact> facts = List.of(
            fact(0, FactType.AGREEMENT_SIGNED, "CN", "EG"),
            fact(1, FactType.VISIT, "CN", "RU"),
            fact(2, FactType.TALKS, "BR", "CN"),
            fact(3, FactType.TALKS, "CN", "EG"),
            fact(4, FactType.AGREEMENT_SIGNED, "CN", "RU"),
            fact(5, FactType.MEETING, "EG", "FR"));

    @BeforeAll
    static void startBrokerWithFacts() throws Exception {
        kafka = EmbeddedKafka.start(dataDir.resolve("kafka"), 0);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.FACTS, Topics.spec(Topics.FACTS).partitions(), (short) 1),
                    new NewTopic(TEXT_TOPIC, 1, (short) 1), new NewTopic(TAIL_TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        for (int i = 0; i < facts.size(); i++) {
            send(Topics.FACTS, facts.get(i), i % 3, T0.plus(i, HOURS));
        }
        producer.send(new ProducerRecord<>(TEXT_TOPIC, "k1", "hello, 12 apples".getBytes(StandardCharsets.UTF_8))).get();
        producer.send(new ProducerRecord<>(TEXT_TOPIC, "k2", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))).get();
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
    void replayFromEarliestPrintsEveryRecordOnceAsAJsonLineAndEndsAtTheEndOfTheTopic() {
        Run run = replay("--topic", Topics.FACTS);

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.values().stream().map(value -> value.get("id").asText()))
                .containsExactlyInAnyOrderElementsOf(facts.stream().map(Fact::id).toList());
        JsonNode first = run.lines().stream().filter(line -> line.get("value").get("id").asText().equals(facts.get(0).id()))
                .findFirst().orElseThrow();
        assertThat(first.get("topic").asText()).isEqualTo(Topics.FACTS);
        assertThat(first.get("partition").asInt()).isZero();
        assertThat(first.get("offset").asLong()).isZero();
        assertThat(first.get("timestamp").asText()).isEqualTo("2019-04-25T00:00:00Z");
        assertThat(first.get("key").asText()).isEqualTo("CN|EG");
        assertThat(first.get("headers").get("ce_id").asText()).isEqualTo(facts.get(0).id());
        assertThat(first.get("headers").get("ce_subject").asText()).isEqualTo("AGREEMENT_SIGNED");
        assertThat(run.err).contains("partition 0 starts at offset 0 (earliest), ends at 2", "6 records printed");
    }

    @Test
    void aValueThatIsNotJsonIsPrintedAsAStringAndAJsonValueIsEmbedded() {
        Run run = replay("--topic", TEXT_TOPIC);

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.values()).hasSize(2);
        assertThat(run.values().get(0).isTextual()).isTrue();
        assertThat(run.values().get(0).asText()).isEqualTo("hello, 12 apples");
        assertThat(run.values().get(1).get("a").asInt()).isEqualTo(1);
    }

    @Test
    void replayFromAnIsoTimeStartsEachPartitionAtItsFirstRecordAtOrAfterThatTimeAndStopsAfterTo() {
        Run run = replay("--topic", Topics.FACTS, "--from", "2019-04-25T10:00+08:00", "--to", "2019-04-25T04:00:00Z");

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.err).contains(
                "partition 0 starts at offset 1 (first record at or after 2019-04-25T02:00:00Z)",
                "partition 1 starts at offset 1 (first record at or after 2019-04-25T02:00:00Z)",
                "partition 2 starts at offset 0 (first record at or after 2019-04-25T02:00:00Z)");
        assertThat(run.values().stream().map(value -> value.get("id").asText()))
                .containsExactlyInAnyOrder(facts.get(2).id(), facts.get(3).id(), facts.get(4).id());
    }

    @Test
    void typeAndCountryKeepOnlyTheMatchingFacts() {
        assertThat(ids(replay("--topic", Topics.FACTS, "--type", "agreement_signed")))
                .containsExactlyInAnyOrder(facts.get(0).id(), facts.get(4).id());
        assertThat(ids(replay("--topic", Topics.FACTS, "--country", "eg")))
                .containsExactlyInAnyOrder(facts.get(0).id(), facts.get(3).id(), facts.get(5).id());
        Run both = replay("--topic", Topics.FACTS, "--type", "TALKS", "--country", "EG");
        assertThat(ids(both)).containsExactly(facts.get(3).id());
        assertThat(both.err).contains("1 record printed");
    }

    @Test
    void anUnknownTopicExitsWith3AndNamesIt() {
        Run run = replay("--topic", "no.such.topic");

        assertThat(run.exit).isEqualTo(ExitCodes.NO_SUCH_TOPIC);
        assertThat(run.err.strip()).startsWith("replay: no topic 'no.such.topic' on " + kafka.bootstrapServers())
                .contains(Topics.FACTS).doesNotContain("\n").doesNotContain("Exception");
        assertThat(run.out).isEmpty();
    }

    @Test
    void badOptionValuesExitWith2AndOneLineSayingWhatIsAllowed() {
        Run badFrom = replay("--topic", Topics.FACTS, "--from", "yesterday");
        assertThat(badFrom.exit).isEqualTo(ExitCodes.BAD_ARGUMENT);
        assertThat(badFrom.err.strip()).startsWith("replay: --from must be earliest, latest, an offset")
                .contains("'yesterday'").doesNotContain("\n");

        Run badType = replay("--topic", Topics.FACTS, "--type", "WAR");
        assertThat(badType.exit).isEqualTo(ExitCodes.BAD_ARGUMENT);
        assertThat(badType.err.strip()).startsWith("replay: --type must be one of").doesNotContain("\n");

        Run filterElsewhere = replay("--topic", TEXT_TOPIC, "--country", "EG");
        assertThat(filterElsewhere.exit).isEqualTo(ExitCodes.BAD_ARGUMENT);
    }

    @Test
    void unreachableKafkaExitsWith4AndSaysSoInsteadOfHanging() throws IOException {
        int closedPort = TestHttp.freePort();
        Run run = run(new ReplayCommand(), "--topic", Topics.FACTS, "--bootstrap-servers", "127.0.0.1:" + closedPort);

        assertThat(run.exit).isEqualTo(ExitCodes.KAFKA_UNREACHABLE);
        assertThat(run.err.strip()).startsWith("replay: Kafka at 127.0.0.1:" + closedPort + " is unreachable")
                .doesNotContain("\n");
    }

    @Test
    void helpListsTheExitCodes() {
        Run run = run(new TailCommand(), "--help");

        assertThat(run.exit).isZero();
        assertThat(run.out).contains("Exit codes:", "3   no such topic", "4   Kafka unreachable", "KAFKA_BOOTSTRAP_SERVERS");
    }

    @Test
    void tailPrintsOnlyARecordProducedAfterItStartedAndEndsCleanlyWhenStopped() throws Exception {
        TailCommand tail = new TailCommand();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            send(TAIL_TOPIC, facts.get(0), 0, T0);
            Future<Integer> exit = thread.submit(() -> execute(tail, out, err, "--topic", TAIL_TOPIC,
                    "--bootstrap-servers", kafka.bootstrapServers()));
            awaitTrue(() -> err.toString().contains("partition 2 starts at offset"));
            Fact summit = fact(6, FactType.SUMMIT, "CN", "EG", "FR");
            send(TAIL_TOPIC, summit, 0, Instant.now());
            awaitTrue(() -> out.toString().contains(summit.id()));

            tail.stop();
            assertThat(exit.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString().lines()).hasSize(1);
            assertThat(err.toString()).contains("partition 0 starts at offset 1 (latest)", "tail: 1 record printed from " + TAIL_TOPIC);
        } finally {
            tail.stop();
            thread.shutdownNow();
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    record Run(int exit, String out, String err) {
        List<JsonNode> lines() {
            List<JsonNode> lines = new ArrayList<>();
            out.lines().forEach(line -> lines.add(readTree(line)));
            return lines;
        }

        List<JsonNode> values() {
            return lines().stream().map(line -> line.get("value")).toList();
        }
    }

    private static List<String> ids(Run run) {
        assertThat(run.exit).as(run.err).isZero();
        return run.values().stream().map(value -> value.get("id").asText()).toList();
    }

    private static Run replay(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers()));
        return run(new ReplayCommand(), all.toArray(String[]::new));
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = execute(command, out, err, args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static int execute(Object command, StringWriter out, StringWriter err, String... args) {
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private static void send(String topic, Fact fact, int partition, Instant timestamp) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, partition, timestamp.toEpochMilli(),
                Topics.factKey(fact), Json.bytes(fact));
        Document document = Document.of("report " + fact.id(), "test", null, "zh", "2019-04-25", timestamp.toString());
        CloudEvents.factHeaders(fact, document).forEach((name, value) ->
                record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record).get(10, TimeUnit.SECONDS);
    }

    static Fact fact(int n, FactType type, String... participants) {
        String documentId = Ids.documentId("report " + n);
        List<String> codes = List.of(participants);
        return new Fact(Ids.factId(documentId, type, codes, "2019-04-25", 0), documentId, "test/" + n + ".txt", type,
                codes, codes.get(0), List.of(), "2019-04-25", null, null, null, List.of(), 0.9,
                new Evidence("sentence " + n, 0, 10), new ExtractorInfo("test", "1"));
    }

    private static JsonNode readTree(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    private static void awaitTrue(Callable<Boolean> check) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(check);
    }
}
