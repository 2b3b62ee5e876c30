package io.communique.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operator's Kafka client properties (TLS, SASL, timeouts, …), which {@link KafkaSettings} applies to every
 * producer, consumer and admin client: those of the properties file named by {@value #FILE_VARIABLE}, then every
 * other {@code KAFKA_*} variable ({@code KAFKA_SECURITY_PROTOCOL=SASL_SSL} → {@code security.protocol=SASL_SSL}),
 * which wins over the file. A file keeps secrets such as {@code sasl.jaas.config} out of the environment, where any
 * process of the same user, and {@code docker inspect}, can read them.
 */
public final class KafkaClientProperties {
    /** Names a Java properties file of client properties. */
    public static final String FILE_VARIABLE = "KAFKA_CLIENT_PROPERTIES";
    /** {@code KAFKA_*} variables that configure the app rather than the clients. */
    private static final Set<String> NOT_PROPERTIES = Set.of("KAFKA_BOOTSTRAP_SERVERS", FILE_VARIABLE);

    private KafkaClientProperties() {
    }

    /** @throws IllegalArgumentException when the file named cannot be read, saying which and why */
    public static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> properties = new TreeMap<>();
        String file = env.get(FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            properties.putAll(read(Path.of(file.trim())));
        }
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !NOT_PROPERTIES.contains(name) && value != null) {
                properties.put(name.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }

    private static Map<String, String> read(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException(FILE_VARIABLE + " names " + file + ", which cannot be read as a properties file ("
                    + e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "") + ")");
        }
        Map<String, String> properties = new TreeMap<>();
        loaded.stringPropertyNames().forEach(name -> properties.put(name, loaded.getProperty(name).trim()));
        return properties;
    }
}
