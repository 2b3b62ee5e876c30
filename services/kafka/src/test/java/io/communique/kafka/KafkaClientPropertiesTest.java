package io.communique.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientPropertiesTest {
    @TempDir
    Path dir;

    @Test
    void kafkaVariablesBecomeClientPropertiesExceptTheBootstrapAddressAndTheFileName() {
        assertThat(KafkaClientProperties.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "HTTP_PORT", "9000")))
                .isEqualTo(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));
    }

    @Test
    void thePropertiesFileIsReadWholeAndAVariableWinsOverIt() throws IOException {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                # the secret stays in this file
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
                    username="communique" password="s=cr=t";
                """);
        assertThat(KafkaClientProperties.fromEnv(Map.of(
                KafkaClientProperties.FILE_VARIABLE, file.toString(),
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")))
                .isEqualTo(Map.of(
                        "security.protocol", "SASL_PLAINTEXT",
                        "sasl.mechanism", "SCRAM-SHA-512",
                        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                                + "username=\"communique\" password=\"s=cr=t\";"));
    }

    @Test
    void aFileThatCannotBeReadIsAClearErrorNamingTheVariableAndTheFile() {
        Path missing = dir.resolve("absent.properties");
        assertThatThrownBy(() -> KafkaClientProperties.fromEnv(Map.of(KafkaClientProperties.FILE_VARIABLE, missing.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_CLIENT_PROPERTIES").hasMessageContaining(missing.toString());
        assertThat(KafkaClientProperties.fromEnv(Map.of(KafkaClientProperties.FILE_VARIABLE, " "))).isEmpty();
    }
}
