package io.communique.app;

import java.nio.file.Path;
import java.util.Map;

/** Starts the app as a user would, on free ports and a test's own data folder, with the project's seeds. */
final class TestApps {
    /** The project's seeds/, seen from the module folder where Maven runs the tests. */
    static final Path SEEDS = Path.of("../../seeds");

    private TestApps() {
    }

    static Communique start(Path dataDir) {
        return start(dataDir, null);
    }

    /** An instance against an existing Kafka cluster (null: its own embedded broker), all roles. */
    static Communique start(Path dataDir, String bootstrapServers) {
        AppConfig config = AppConfig.fromEnv(Map.of()).with(0, dataDir, SEEDS, bootstrapServers, 0);
        return Communique.start(config);
    }
}
