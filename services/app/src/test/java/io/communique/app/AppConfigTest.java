package io.communique.app;

import io.communique.web.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {
    @TempDir
    Path dataDir;

    @Test
    void kafkaVariablesAndTheClientPropertiesFileBecomeClientPropertiesExceptTheBootstrapAddress() throws Exception {
        Path file = Files.writeString(dataDir.resolve("kafka.properties"), "sasl.mechanism=SCRAM-SHA-512\n");
        AppConfig config = AppConfig.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_CLIENT_PROPERTIES", file.toString(),
                "HTTP_PORT", "9000"));
        assertThat(config.kafkaBootstrapServers()).isEqualTo("kafka-1:9093");
        assertThat(config.kafkaClientProperties())
                .isEqualTo(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512"));
        assertThat(config.httpPort()).isEqualTo(9000);
    }

    @Test
    void rolesDefaultToAllAndUnknownRolesAndBadNumbersAreClearErrors() {
        assertThat(AppConfig.fromEnv(Map.of()).roles()).isEqualTo(EnumSet.allOf(AppConfig.Role.class));
        assertThat(AppConfig.fromEnv(Map.of("ROLES", "web, projection")).roles())
                .containsExactlyInAnyOrder(AppConfig.Role.WEB, AppConfig.Role.PROJECTION);
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("ROLES", "web,cook")))
                .hasMessageContaining("ROLES").hasMessageContaining("cook");
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("HTTP_PORT", "eighty")))
                .hasMessageContaining("HTTP_PORT must be a whole number");
    }

    @Test
    void allowedHostsAreTheLoopbackNamesAndTheHttpHostUnlessItIsAWildcardOrAllowedHostsSaysOtherwise() {
        assertThat(AppConfig.fromEnv(Map.of()).allowedHosts()).containsExactlyInAnyOrder("localhost", "127.0.0.1", "[::1]");
        assertThat(AppConfig.fromEnv(Map.of("HTTP_HOST", "10.0.0.5")).allowedHosts())
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "[::1]", "10.0.0.5");
        assertThat(AppConfig.fromEnv(Map.of("HTTP_HOST", "0.0.0.0")).allowedHosts()).doesNotContain("0.0.0.0")
                .containsExactlyInAnyOrder("localhost", "127.0.0.1", "[::1]");
        assertThat(AppConfig.fromEnv(Map.of("HTTP_HOST", "::")).allowedHosts()).doesNotContain("::");
        assertThat(AppConfig.fromEnv(Map.of("HTTP_HOST", "0.0.0.0", "ALLOWED_HOSTS", " news.example, localhost ,"))
                .allowedHosts()).containsExactlyInAnyOrder("news.example", "localhost");
    }

    @Test
    void readLimitsHaveTheirDefaultsAndEachIsSetOrTurnedOffFromTheEnvironment() {
        assertThat(AppConfig.fromEnv(Map.of()).readLimits()).isEqualTo(ReadLimits.DEFAULT);
        assertThat(AppConfig.fromEnv(Map.of("CONNECTIONS_PER_ADDRESS", "0", "WEBSOCKETS_PER_ADDRESS", "4",
                "MAX_REPLAYS", "2", "REPLAY_MAX_FACTS", "500", "IDLE_TIMEOUT_S", "30", "WS_IDLE_TIMEOUT_S", "0"))
                .readLimits()).isEqualTo(new ReadLimits(0, 4, 2, 500, 30, 0));
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("MAX_REPLAYS", "-1")))
                .hasMessageContaining("MAX_REPLAYS must not be negative");
    }

    @Test
    void theWebsReadStoreIsOnDiskUnderTheDataDirectoryUnlessConfiguredOtherwise() {
        AppConfig defaults = AppConfig.fromEnv(Map.of()).with(0, dataDir, dataDir, null, 0);
        assertThat(defaults.webStore().directory(defaults.dataDir())).isEqualTo(dataDir.resolve("web-store"));
        assertThat(defaults.webStore().cacheMb()).isEqualTo(32);
        AppConfig moved = AppConfig.fromEnv(Map.of("WEB_STORE_DIR", "/var/lib/communique-web", "WEB_STORE_CACHE_MB", "64"));
        assertThat(moved.webStore().directory(dataDir)).isEqualTo(Path.of("/var/lib/communique-web"));
        assertThat(moved.webStore().cacheMb()).isEqualTo(64);
        assertThat(AppConfig.fromEnv(Map.of("WEB_STORE", "memory")).webStore().directory(dataDir)).isNull();
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("WEB_STORE", "tape"))).hasMessageContaining("WEB_STORE");
    }

    @Test
    void failedTokenAttemptsAreLimitedToTenAMinutePerClientUnlessConfigured() {
        assertThat(AppConfig.fromEnv(Map.of()).authFailuresPerMinute()).isEqualTo(10);
        assertThat(AppConfig.fromEnv(Map.of("AUTH_FAILURES_PER_MINUTE", "0")).authFailuresPerMinute()).isZero();
    }

    @Test
    void viewsListTheHundredMostRecentEntriesUnlessViewRecentSaysOtherwise() {
        assertThat(AppConfig.fromEnv(Map.of()).viewRecent()).isEqualTo(100);
        assertThat(AppConfig.fromEnv(Map.of("VIEW_RECENT", "20")).viewRecent()).isEqualTo(20);
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("VIEW_RECENT", "0")))
                .hasMessageContaining("VIEW_RECENT must be at least 1");
    }

    @Test
    void generatedApiTokenIsStrongOwnerOnlyAndKeptAcrossStarts() throws Exception {
        String token = ApiTokenFile.loadOrCreate(dataDir);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43); // 256 random bits, base64url
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ApiTokenFile.pathIn(dataDir))))
                .isEqualTo("rw-------");
        assertThat(ApiTokenFile.loadOrCreate(dataDir)).isEqualTo(token);
        assertThat(ApiTokenFile.loadOrCreate(Files.createDirectories(dataDir.resolve("other")))).isNotEqualTo(token);
    }
}
