package io.communique.testing;

import io.communique.kafka.DeadLetters;
import io.communique.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What tests of consumers check on a real broker: a topic's records, the dead letters, a group's lag; and waiting. */
public final class TopicChecks {
    private TopicChecks() {
    }

    /**
     * Reads a topic from the beginning to its current end, with assigned partitions (no group) as any subscriber
     * would; fails when that takes more than 30 s.
     */
    public static List<ConsumerRecord<String, byte[]>> readAll(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            // In the test's thread: the consumer is used by one thread only.
            Awaitility.await(topic + " read to its end").atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                        return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                    });
            return records;
        }
    }

    /** A letter's header, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The dead letters a consumer wrote, by where the record was read ("topic-partition@offset"). */
    public static Map<String, List<ConsumerRecord<String, byte[]>>> letters(String bootstrapServers, String consumer) {
        return readAll(bootstrapServers, Topics.DLQ).stream()
                .filter(letter -> consumer.equals(header(letter, DeadLetters.CONSUMER)))
                .collect(Collectors.groupingBy(TopicChecks::origin));
    }

    /** Where a dead letter's record was read: "topic-partition@offset". */
    public static String origin(ConsumerRecord<String, byte[]> letter) {
        return header(letter, DeadLetters.TOPIC) + "-" + header(letter, DeadLetters.PARTITION) + "@"
                + header(letter, DeadLetters.OFFSET);
    }

    /** Where a record was read, as {@link #origin} names it. */
    public static String where(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    /** A consumer group's lag over a topic: end offsets minus committed offsets (everything when nothing committed). */
    public static long groupLag(String bootstrapServers, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            Function<TopicPartition, Long> done = partition -> committed.get(partition) == null ? 0L
                    : committed.get(partition).offset();
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .mapToLong(end -> end.getValue().offset() - done.apply(end.getKey())).sum();
        }
    }

    public interface Check {
        boolean holds() throws Exception;
    }

    /**
     * Waits up to {@code seconds} for {@code check} to hold, checking at once and then every 50 ms; fails naming
     * {@code what} otherwise. An exception of the check fails at once.
     */
    public static void awaitTrue(String what, int seconds, Check check) {
        Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50)).until(check::holds);
    }

    /**
     * Waits up to {@code seconds} until {@code value} reads the same twice, {@code interval} apart, and returns it:
     * for what settles without saying so (views still being folded, an export waiting for its client).
     */
    public static <T> T awaitSteady(String what, int seconds, Duration interval, Callable<T> value) throws Exception {
        AtomicReference<T> last = new AtomicReference<>(value.call());
        Awaitility.await(what).atMost(Duration.ofSeconds(seconds)).pollDelay(interval).pollInterval(interval)
                .until(() -> {
                    T now = value.call();
                    return Objects.equals(last.getAndSet(now), now);
                });
        return last.get();
    }

    /** {@link #awaitTrue(String, int, Check)} for up to 30 s. */
    public static void awaitTrue(String what, Check check) {
        awaitTrue(what, 30, check);
    }
}
