package io.communique.replay;

import io.communique.kafka.KafkaSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayOptionsTest {
    @Test
    void theCommandsConnectWithTheServersClientPropertiesSoTheyReachASecuredCluster() {
        KafkaSettings settings = ReplayOptions.settings(null, Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9094",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));
        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9094");
        assertThat(settings.reader()).containsEntry("security.protocol", "SASL_SSL");
        assertThat(ReplayOptions.settings("other:9092", Map.of()).bootstrapServers()).isEqualTo("other:9092");
    }

    @Test
    void anUnreadableClientPropertiesFileIsABadArgumentNotAStackTrace() {
        assertThatThrownBy(() -> ReplayOptions.settings(null, Map.of("KAFKA_CLIENT_PROPERTIES", "/no/such/file.properties")))
                .isInstanceOfSatisfying(ReplayException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENT))
                .hasMessageContaining("KAFKA_CLIENT_PROPERTIES").hasMessageContaining("/no/such/file.properties");
    }
}
