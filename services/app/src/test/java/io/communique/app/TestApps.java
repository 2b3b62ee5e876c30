package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the app as a user would, on free ports and a test's own data folder, with the project's seeds. */
final class TestApps {
    /** The project's seeds/, seen from the module folder where Maven runs the tests. */
    static final Path SEEDS = Path.of("../../seeds");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private TestApps() {
    }

    /** Posts a report to an instance as a user with its token would; asserts the 202 and returns the reply. */
    static JsonNode post(Communique instance, String report) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + instance.httpPort() + "/api/documents"))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Authorization", "Bearer " + instance.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString(report, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return Json.MAPPER.readTree(response.body());
    }

    static Communique start(Path dataDir) {
        return start(dataDir, null);
    }

    /** An instance against an existing Kafka cluster (null: its own embedded broker), all roles. */
    static Communique start(Path dataDir, String bootstrapServers) {
        return start(dataDir, bootstrapServers, Map.of());
    }

    /** The same, with configuration ({@link AppConfig#fromEnv} names) on top of the defaults. */
    static Communique start(Path dataDir, String bootstrapServers, Map<String, String> env) {
        AppConfig config = AppConfig.fromEnv(env).with(0, dataDir, SEEDS, bootstrapServers, 0);
        return Communique.start(config);
    }
}
