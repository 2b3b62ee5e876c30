package io.communique.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;

/**
 * Client configuration for every Kafka client of the app. Keys are strings, values raw JSON bytes, so that each
 * consumer decides itself what to do with a value it cannot parse (dead-letter it) instead of failing in a
 * deserializer.
 */
public record KafkaSettings(String bootstrapServers, Map<String, String> clientProperties) {

    /**
     * @param clientProperties extra client properties (TLS, SASL, …) applied last to every client, so an operator's
     *                         setting always wins
     */
    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    public KafkaSettings(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** Durable writes: a record counts as sent only when all in-sync replicas have it; retries never duplicate. */
    public Map<String, String> producer() {
        Map<String, String> config = common();
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // Fail a send in bounded time when Kafka is away, so HTTP callers get a prompt answer instead of a hang.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "8000");
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(8 * 1024 * 1024));
        return withClientProperties(config);
    }

    /**
     * A {@link #producer} for streams of many records (the router's copies, the projections' views): batches of up to
     * 256 KB rather than 16 KB, so that a burst goes out in few, better compressed requests; each new batch also
     * costs an lz4 frame's set-up, which took a sixth of the router's CPU with 16 KB batches of 0.6 KB facts.
     */
    public Map<String, String> batchingProducer() {
        Map<String, String> config = producer();
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return withClientProperties(config);
    }

    /** A consumer that reads from the beginning and commits nothing: its position lives in the caller's state. */
    public Map<String, String> reader() {
        Map<String, String> config = common();
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return withClientProperties(config);
    }

    /**
     * A member of consumer group {@code groupId} that commits nothing by itself: the caller commits a batch only
     * after everything it produced from that batch is acknowledged, so a crash replays rather than loses.
     */
    public Map<String, String> groupMember(String groupId) {
        Map<String, String> config = reader();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // A crashed member's partitions move to the others after 10 s rather than the default 45 s.
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        return withClientProperties(config);
    }

    /**
     * A {@link #groupMember} that folds facts into views: it waits for up to 64 KB or 100 ms of records per fetch, so
     * a steady trickle of facts arrives in batches, and each changed view is serialised and published once per
     * batch instead of once per fact. Facts reach WebSocket clients from the fact topic, not through views, so this
     * wait delays view updates only.
     */
    public Map<String, String> batchingGroupMember(String groupId) {
        Map<String, String> config = groupMember(groupId);
        config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(64 * 1024));
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return withClientProperties(config);
    }

    public Map<String, String> admin() {
        Map<String, String> config = common();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return withClientProperties(config);
    }

    private Map<String, String> withClientProperties(Map<String, String> config) {
        config.putAll(clientProperties);
        return config;
    }

    private Map<String, String> common() {
        Map<String, String> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "communique");
        return config;
    }
}
