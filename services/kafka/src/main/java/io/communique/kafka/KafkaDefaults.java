package io.communique.kafka;

import java.util.Map;

/**
 * Where Kafka is when nothing else is configured: the embedded broker on loopback. The one place of this default, so
 * the server (which starts the broker) and the command-line tools (which connect to it) always agree.
 */
public final class KafkaDefaults {
    private KafkaDefaults() {
    }

    /** The embedded broker's port unless {@code EMBEDDED_KAFKA_PORT} says otherwise. */
    public static final int EMBEDDED_PORT = 9092;

    /**
     * {@code KAFKA_BOOTSTRAP_SERVERS} when set, else the embedded broker's address, 127.0.0.1 at
     * {@code EMBEDDED_KAFKA_PORT} (default {@value #EMBEDDED_PORT}).
     */
    public static String bootstrapServers(Map<String, String> env) {
        String external = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external.trim();
        }
        String port = env.get("EMBEDDED_KAFKA_PORT");
        return "127.0.0.1:" + (port == null || port.isBlank() ? EMBEDDED_PORT : port.trim());
    }
}
