package io.communique.bench;

import io.communique.app.AppConfig;
import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.KafkaSettings;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs every measurement in turn against one Kafka (an embedded broker in a temporary folder, or the configured
 * cluster), then prints the table and one {@code NAME VALUE UNIT} line per figure.
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

    /** Runs every phase. */
    List<Figure> run() throws Exception {
        return run(EnumSet.allOf(Phase.class));
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
        print(figures);
        return figures;
    }

    private List<Figure> withKafka(Set<Phase> phases) throws Exception {
        List<Figure> figures = new ArrayList<>();
        Path temp = Files.createTempDirectory("communique-bench");
        EmbeddedKafka broker = null;
        Vertx vertx = Vertx.vertx();
        try {
            String bootstrap = config.kafkaBootstrapServers();
            if (bootstrap == null) {
                progress.println("kafka: starting an embedded broker in " + temp);
                broker = EmbeddedKafka.start(temp.resolve("kafka"), 0);
                bootstrap = broker.bootstrapServers();
            }
            KafkaSettings settings = new KafkaSettings(bootstrap);
            // The live test runs first: a rebuild of a million facts leaves memory resident that no collection gives
            // back to the system (a --quick run measured ~1 GB outside the heap after it), which rss.peak would count.
            List<Figure> live = new ArrayList<>();
            if (phases.contains(Phase.live)) {
                Files.createDirectories(temp.resolve("no-seeds"));
                live.addAll(LiveBench.run(vertx, config.with(0, temp.resolve("app"), temp.resolve("no-seeds"), bootstrap, 0),
                        sizes, progress));
            }
            if (phases.contains(Phase.rebuild)) {
                try (FactLog log = FactLog.fill(vertx, settings, sizes.facts(), progress)) {
                    figures.addAll(LogBench.run(log, sizes.rebuildSeconds(), progress));
                }
            }
            figures.addAll(live);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            if (broker != null) {
                broker.close();
            }
            delete(temp);
        }
        return figures;
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
