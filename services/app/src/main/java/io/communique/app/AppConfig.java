package io.communique.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything configurable, read from the environment; the defaults live here and nowhere else.
 *
 * @param kafkaBootstrapServers an external cluster, or null to run the embedded broker under {@code dataDir/kafka}
 * @param embeddedKafkaPort     the embedded broker's port; 0 picks a free one
 */
public record AppConfig(
        String httpHost,
        int httpPort,
        Path dataDir,
        Path seedsDir,
        String kafkaBootstrapServers,
        int embeddedKafkaPort,
        long maxDocumentBytes,
        int maxClientQueueBytes,
        long ingestTimeoutMs) {

    public static AppConfig fromEnv(Map<String, String> env) {
        String bootstrap = env.get("KAFKA_BOOTSTRAP_SERVERS");
        return new AppConfig(
                env.getOrDefault("HTTP_HOST", "127.0.0.1"),
                intValue(env, "HTTP_PORT", 8080),
                Path.of(env.getOrDefault("DATA_DIR", "./data")),
                Path.of(env.getOrDefault("SEEDS_DIR", "./seeds")),
                bootstrap == null || bootstrap.isBlank() ? null : bootstrap.trim(),
                intValue(env, "EMBEDDED_KAFKA_PORT", 9092),
                intValue(env, "MAX_DOCUMENT_BYTES", 1024 * 1024),
                intValue(env, "MAX_CLIENT_QUEUE_BYTES", 4 * 1024 * 1024),
                intValue(env, "INGEST_TIMEOUT_MS", 30_000));
    }

    /** A copy for tests and tools: other ports and folders, all else as configured. */
    public AppConfig with(int httpPort, Path dataDir, Path seedsDir, String kafkaBootstrapServers, int embeddedKafkaPort) {
        return new AppConfig(httpHost, httpPort, dataDir, seedsDir, kafkaBootstrapServers, embeddedKafkaPort,
                maxDocumentBytes, maxClientQueueBytes, ingestTimeoutMs);
    }

    private static int intValue(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
