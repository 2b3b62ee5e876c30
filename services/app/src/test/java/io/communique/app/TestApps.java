package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;

import io.communique.testing.TestHttp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;


/** Starts the app as a user would, on free ports and a test's own data folder, with the project's seeds. */
final class TestApps {
    /** The project's seeds/, seen from the module folder where Maven runs the tests. */
    static final Path SEEDS = Path.of("../../seeds");

    private TestApps() {
    }

    /** Posts a report to an instance as a user with its token would; asserts the 202 and returns the reply. */
    static JsonNode post(Communique instance, String report) throws IOException, InterruptedException {
        return TestHttp.postReport(instance.httpPort(), instance.apiToken(), report);
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
