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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs every measurement in turn, then prints the table and one {@code NAME VALUE UNIT} line per figure: the live test
 * against an embedded broker in a temporary folder, or the configured cluster; the projection's on embedded brokers
 * of its own, as it reads and writes the app's topic names.
 */
final class Bench {
    /** One sender posts hundreds of reports a second: the per-client write limit would measure itself. */
    private static final Map<String, String> BENCH_SETTINGS = Map.of("WRITES_PER_MINUTE", "0");

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
                    Files.createDirectories(temp.resolve("no-seeds"));
                    live.addAll(LiveBench.run(vertx, config.with(0, temp.resolve("app"), temp.resolve("no-seeds"),
                            bootstrap, 0), sizes, progress));
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
