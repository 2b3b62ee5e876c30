package io.communique.kafka;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaSettingsTest {
    private final KafkaSettings settings = new KafkaSettings("broker:9093",
            Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512", "linger.ms", "20"));

    @Test
    void extraClientPropertiesReachEveryKindOfClient() {
        for (Map<String, String> config : new Map[]{settings.producer(), settings.reader(), settings.admin()}) {
            assertThat(config).containsEntry("bootstrap.servers", "broker:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        }
    }

    @Test
    void operatorSettingsWinOverOurDefaultsButDurabilityDefaultsStayOtherwise() {
        assertThat(settings.producer()).containsEntry("linger.ms", "20").containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true");
    }
}
