package io.communique.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaDefaultsTest {

    @Test
    void anExternalClusterWinsOverTheEmbeddedBroker() {
        assertThat(KafkaDefaults.bootstrapServers(Map.of("KAFKA_BOOTSTRAP_SERVERS", " kafka:9093 ", "EMBEDDED_KAFKA_PORT", "19092")))
                .isEqualTo("kafka:9093");
    }

    @Test
    void withoutOneItIsTheEmbeddedBrokerOnLoopbackAtItsConfiguredOrDefaultPort() {
        assertThat(KafkaDefaults.bootstrapServers(Map.of("EMBEDDED_KAFKA_PORT", "19092"))).isEqualTo("127.0.0.1:19092");
        assertThat(KafkaDefaults.bootstrapServers(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "))).isEqualTo("127.0.0.1:9092");
    }
}
