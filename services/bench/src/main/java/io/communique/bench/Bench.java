package io.communique.bench;

import io.communique.app.AppConfig;
import io.communique.broker.EmbeddedKafka;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs every measurement in turn, then prints the table and one {@code NAME VALUE UNIT} line per figure: the live test
 * against an embedded broker in a temporary folder, or the configured cluster; the projection's on embedded brokers
 * of its own, as it reads and writes the app's topic names.
 */
final class Bench {
    /**
     * One sender posts hundreds of reports a second and one address opens every client: the per-client write,
     * connection and WebSocket limits would measure themselves.
     */
    private static final Map<String, String> BENCH_SETTINGS = Map.of("WRITES_PER_MINUTE", "0",
            "CONNECTIONS_PER_ADDRESS", "0", "WEBSOCKETS_PER_ADDRESS", "0");

    private final Sizes sizes;
    private final AppConfig config;
    private final PrintStream out;
    private final PrintStream progress;

    /** @param env the environment: where Kafka is, the app's limits; ports and folders are the bench's own */
    Bench(Sizes sizes, Map<String, String> env, PrintStream out, PrintStream progress) {
        Map<String, String> settings = new HashMap<>(env);
        settings.putAll(BENCH_SETTINGS);
        this.sizes = sizes;
        this.config = AppConfig.fromEnv(settings);
        this.out = out;
        this.progress = progress;
    }

    /** Runs every phase but the soak. */
    List<Figure> run() throws Exception {
        return run(Phase.byDefault());
    }

    /** Runs the given phases, in their order. */
    List<Figure> run(Set<Phase> phases) throws Exception {
        List<Figure> figures = new ArrayList<>();
        if (phases.contains(Phase.extract)) {
            figures.add(ExtractBench.run(sizes.extractSeconds(), progress));
        }
        if (phases.contains(Phase.rebuild) || phases.contains(Phase.live)) {
            figures.addAll(withKafka(phases));
        }
        if (phases.contains(Phase.soak)) {
            Path temp = Files.createTempDirectory("communique-soak");
            Vertx vertx = Vertx.vertx();
            try {
                figures.addAll(SoakBench.run(vertx, temp, sizes.soakFacts(), sizes.rebuildSeconds() * 30, progress));
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
                delete(temp);
            }
        }
        print(figures);
        return figures;
    }

    private List<Figure> withKafka(Set<Phase> phases) throws Exception {
        List<Figure> figures = new ArrayList<>();
        Path temp = Files.createTempDirectory("communique-bench");
        Vertx vertx = Vertx.vertx();
        try {
            // The live test runs first: a rebuild leaves memory resident that no collection gives back to the system
            // (a --quick run measured ~1 GB outside the heap after it), which rss.peak would count.
            List<Figure> live = new ArrayList<>();
            if (phases.contains(Phase.live)) {
                String bootstrap = config.kafkaBootstrapServers();
                try (EmbeddedKafka broker = bootstrap == null ? embedded(temp.resolve("kafka")) : null) {
                    bootstrap = broker == null ? bootstrap : broker.bootstrapServers();
                    live.addAll(LiveBench.run(vertx, appEnv(temp, bootstrap), bootstrap, broker != null,
                            temp.getParent().resolve(temp.getFileName() + "-app.log"), sizes, progress));
                }
            }
            if (phases.contains(Phase.rebuild)) {
                // Always on brokers of its own, never a configured cluster: see LogBench.
                figures.addAll(LogBench.run(vertx, temp.resolve("projection"), sizes.facts(), config.viewRecent(),
                        sizes.rebuildSeconds(), progress));
            }
            figures.addAll(live);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            delete(temp);
        }
        return figures;
    }

    /**
     * The app's configuration for the live test, on top of the environment its process inherits: any free port on
     * loopback, folders in {@code temp}, no seeds, the bench's broker, a token of the bench's.
     */
    private static Map<String, String> appEnv(Path temp, String bootstrap) throws IOException {
        Map<String, String> env = new HashMap<>(BENCH_SETTINGS);
        env.put("HTTP_HOST", "127.0.0.1");
        env.put("HTTP_PORT", "0");
        env.put("DATA_DIR", temp.resolve("app").toString());
        env.put("SEEDS_DIR", Files.createDirectories(temp.resolve("no-seeds")).toString());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("API_TOKEN", UUID.randomUUID().toString());
        return env;
    }

    private EmbeddedKafka embedded(Path folder) {
        progress.println("kafka: starting an embedded broker in " + folder);
        return EmbeddedKafka.start(folder, 0);
    }

    private void print(List<Figure> figures) {
        String row = "%-20s %10s  %-10s %-12s %s%n";
        out.printf(row, "figure", "value", "unit", "goal", "what");
        figures.forEach(figure -> out.printf(row, figure.name(), Figure.format(figure.value()), figure.unit(),
                figure.goal(), figure.what()));
        out.println();
        figures.forEach(figure -> out.println(figure.line()));
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
