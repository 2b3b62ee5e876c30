package io.communique.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Three real KRaft nodes in this JVM: replication, the loss of a node, and its restart on its own data. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaTestClusterTest {

    @TempDir
    Path tmp;

    @Test
    void threeNodesReplicateEveryTopicAndKeepAcknowledgedRecordsThroughTheLossAndRestartOfNodes() throws Exception {
        try (KafkaTestCluster cluster = KafkaTestCluster.start(tmp, 3)) {
            assertThat(cluster.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+,127\\.0\\.0\\.1:\\d+");
            try (Admin admin = admin(cluster)) {
                assertThat(admin.describeCluster().nodes().get()).hasSize(3);
                admin.createTopics(List.of(new NewTopic("facts", Optional.of(2), Optional.empty()))).all().get();
                TopicDescription facts = admin.describeTopics(List.of("facts")).allTopicNames().get().get("facts");
                assertThat(facts.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
                ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
                assertThat(admin.describeConfigs(List.of(broker)).all().get().get(broker)
                        .get("min.insync.replicas").value()).isEqualTo("2");
            }

            try (KafkaProducer<String, String> producer = producer(cluster)) {
                send(producer, "before", 20);
                cluster.stopNode(2);
                send(producer, "during", 20); // two of three replicas are enough for acks=all
            }
            cluster.startNode(2); // on its own data, with the same address
            assertThat(readAll(cluster, "facts")).hasSize(40)
                    .contains("before-0", "before-19", "during-0", "during-19");
        }
    }

    private static void send(KafkaProducer<String, String> producer, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>("facts", prefix + "-" + i, prefix + "-" + i)).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(KafkaTestCluster cluster) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** Every value of the topic, read from the start with assigned partitions (no group). */
    private static List<String> readAll(KafkaTestCluster cluster, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            // In the test's thread: the consumer is used by one thread only.
            Awaitility.await(topic + " read to its end").atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
                        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                    });
        }
        return values;
    }

    private static Admin admin(KafkaTestCluster cluster) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }
}
