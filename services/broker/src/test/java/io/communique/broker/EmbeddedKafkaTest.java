package io.communique.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real broker; every test starts its own on a fresh directory. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaTest {

    @TempDir
    Path tmp;

    @Test
    void startsOnAFreePortAndRoundTripsRecordsThroughAConsumerGroup() throws Exception {
        Set<String> threadsBefore = nonDaemonThreads();

        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"), 0)) {
            assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");

            produce(kafka, "greetings", List.of("hello", "bonjour", "hallo")); // auto-created topic
            assertThat(consumeWithGroup(kafka, "greetings", 3)).containsExactlyInAnyOrder("hello", "bonjour", "hallo");
        }

        // Broker threads must not keep the JVM alive once closed.
        assertThat(nonDaemonThreads()).isSubsetOf(threadsBefore);
    }

    @Test
    void restartOnTheSameDataDirKeepsTopicsRecordsAndClusterId() throws Exception {
        Path dataDir = tmp.resolve("kafka");
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0); Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic("facts", 1, (short) 1))).all().get();
            produce(kafka, "facts", List.of("one", "two", "three"));
            clusterId = admin.describeCluster().clusterId().get();
        }

        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, 0); Admin admin = admin(kafka)) {
            assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
            assertThat(admin.listTopics().names().get()).contains("facts");
            assertThat(consumeWithGroup(kafka, "facts", 3)).containsExactly("one", "two", "three");
        }
    }

    @Test
    void createsACompactedTopic() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(tmp.resolve("kafka"), 0); Admin admin = admin(kafka)) {
            NewTopic topic = new NewTopic("latest-by-key", 1, (short) 1)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            admin.createTopics(List.of(topic)).all().get();

            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "latest-by-key");
            String policy = topicConfigOnceKnown(admin, resource).get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            // The cleaner only starts if its (shrunk) dedupe buffer config is valid.
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .anyMatch(name -> name.startsWith("kafka-log-cleaner-thread"));
            produce(kafka, "latest-by-key", List.of("v1", "v2"));
        }
    }

    /**
     * The topic's config as the broker reports it. Creation completes once the controller has the topic; the broker
     * learns of it a moment later, and until then answers "unknown topic".
     */
    private static Config topicConfigOnceKnown(Admin admin, ConfigResource resource) throws Exception {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .ignoreExceptionsMatching(e -> e instanceof ExecutionException && e.getCause() instanceof UnknownTopicOrPartitionException)
                .until(() -> admin.describeConfigs(List.of(resource)).all().get().get(resource), config -> true);
    }

    @Test
    void portInUseFailsWithAClearMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafka.start(tmp.resolve("kafka"), port))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Embedded Kafka could not start on 127.0.0.1:" + port
                            + " (data dir " + tmp.resolve("kafka") + "): address in use");
        }
    }

    @Test
    void unusableDataDirFailsWithAClearMessage() throws Exception {
        Path notADirectory = Files.createFile(tmp.resolve("file"));
        assertThatThrownBy(() -> EmbeddedKafka.start(notADirectory.resolve("kafka"), 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Embedded Kafka could not start")
                .hasMessageContaining(notADirectory.toString());
    }

    private static void produce(EmbeddedKafka kafka, String topic, List<String> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, "key", value)).get(); // one key: one partition, in order
            }
        }
    }

    private static List<String> consumeWithGroup(EmbeddedKafka kafka, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // In the test's thread: the consumer is used by one thread only.
            Awaitility.await(count + " records of " + topic + " consumed").atMost(Duration.ofSeconds(20))
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                            values.add(record.value());
                        }
                        return values.size() >= count;
                    });
        }
        return values;
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static Set<String> nonDaemonThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::getName)
                .collect(Collectors.toSet());
    }
}
