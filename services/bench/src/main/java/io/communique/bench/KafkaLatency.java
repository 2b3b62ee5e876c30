package io.communique.bench;

import io.communique.kafka.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code kafka.e2e.p99}: the reference for {@code e2e.p99}, measured in the same run on the same broker: a record
 * produced with the app's producer settings every {@link #EVERY_MS} ms to a topic of the bench's own, consumed with
 * the app's reader settings, timed from send to poll. What the app adds to this is its own latency.
 */
final class KafkaLatency implements AutoCloseable {
    private static final long EVERY_MS = 10;

    private final KafkaSettings settings;
    private final String topic = "communique-bench-latency-" + UUID.randomUUID();
    private final List<Long> latencies = new ArrayList<>();
    private final Thread producer;
    private final Thread consumer;
    private volatile boolean running = true;
    private volatile boolean measuring;

    private KafkaLatency(KafkaSettings settings) {
        this.settings = settings;
        this.producer = new Thread(this::produce, "communique-bench-kafka-producer");
        this.consumer = new Thread(this::consume, "communique-bench-kafka-consumer");
    }

    /** Creates the topic and starts producing and consuming; latencies count only while {@link #measuring}. */
    static KafkaLatency start(String bootstrap) throws Exception {
        KafkaLatency latency = new KafkaLatency(new KafkaSettings(bootstrap));
        try (Admin admin = Admin.create(new HashMap<>(latency.settings.admin()))) {
            admin.createTopics(List.of(new NewTopic(latency.topic, Optional.of(1), Optional.empty()))).all()
                    .get(60, TimeUnit.SECONDS);
        }
        latency.consumer.start();
        latency.producer.start();
        return latency;
    }

    void measuring(boolean measuring) {
        this.measuring = measuring;
    }

    /** Send to poll, sorted, in nanoseconds. */
    long[] sortedLatencies() {
        synchronized (latencies) {
            return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    private void produce() {
        try (KafkaProducer<String, byte[]> kafka = new KafkaProducer<>(new HashMap<>(settings.producer()))) {
            while (running) {
                kafka.send(new ProducerRecord<>(topic, ByteBuffer.allocate(Long.BYTES).putLong(System.nanoTime()).array()));
                Thread.sleep(EVERY_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consume() {
        TopicPartition partition = new TopicPartition(topic, 0);
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(new HashMap<>(settings.reader()))) {
            kafka.assign(List.of(partition));
            kafka.seekToBeginning(List.of(partition));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(100))) {
                    long latency = System.nanoTime() - ByteBuffer.wrap(record.value()).getLong();
                    if (measuring) {
                        synchronized (latencies) {
                            latencies.add(latency);
                        }
                    }
                }
            }
        }
    }

    /** Stops both clients and deletes the topic. */
    @Override
    public void close() throws Exception {
        running = false;
        producer.join();
        consumer.join();
        try (Admin admin = Admin.create(new HashMap<>(settings.admin()))) {
            admin.deleteTopics(List.of(topic)).all().get(60, TimeUnit.SECONDS);
        }
    }
}
