package io.communique.bench;

import io.communique.model.CountryView;
import io.communique.projection.KafkaFactSource;
import io.communique.projection.ViewStore;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

/**
 * {@code kafka.consume}, {@code rebuild.throughput} and {@code rebuild.ratio}: how fast a plain consumer reads the
 * fact log, and how fast the projection's fold ({@link ViewStore}: each record's outline, the whole fact only for
 * the views' first entries, facts read back from Kafka by offset) turns the same log into views, with the same
 * consumer settings, on one thread per core sharing the views.
 */
final class LogBench {
    /** A plain read of the whole log must never take this long; it only guards against a stuck broker. */
    private static final double CONSUME_LIMIT_S = 600;
    /** Only the first thread reports progress: the others read the same records at about the same pace. */
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private LogBench() {
    }

    static List<Figure> run(FactLog log, double rebuildSeconds, PrintStream progress) {
        long[] bytes = {0};
        FactLog.Read consumed = log.read(record -> bytes[0] += record.value().length, CONSUME_LIMIT_S, "consume", progress);
        progress.printf("consume: %,d records (%.0f MB of JSON) in %.1f s%n", consumed.records(), bytes[0] / 1e6,
                consumed.seconds());

        int threads = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        List<Share> shares = fold(log, threads, rebuildSeconds, progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        FactLog.Read folded = shares.stream().min(Comparator.comparingLong(share -> share.read().records()))
                .orElseThrow().read();
        int countries = shares.stream().mapToInt(Share::countries).sum();
        int topics = shares.stream().mapToInt(Share::topics).sum();
        double rebuild = folded.records() / seconds;
        String note = folded.records() < log.size()
                ? String.format(" (stopped after %.0f s: %,d of %,d)", rebuildSeconds, folded.records(), log.size()) : "";
        progress.printf("rebuild: %,d records into %d country and %d topic views in %.1f s on %d threads%s%n",
                folded.records(), countries, topics, seconds, threads, note);
        return List.of(
                new Figure("kafka.consume", consumed.perSecond(), "records/s", "(baseline)",
                        String.format("plain consumer, topic of %,d facts", log.size())),
                new Figure("rebuild.throughput", rebuild, "records/s", "",
                        "facts folded into views, " + threads + " threads sharing them" + note),
                new Figure("rebuild.ratio", rebuild / consumed.perSecond(), "ratio", ">= 0.5",
                        "rebuild.throughput / kafka.consume"));
    }

    /** What one thread folded: its records, and how many views it holds. */
    private record Share(FactLog.Read read, int countries, int topics) {
    }

    /**
     * Folds the log on {@code threads} threads, each reading every fact with its own consumer and holding the views
     * whose key hashes to it — as projection instances share views by partition — then materialising each of its
     * changed views once, as the projection does before publishing them.
     */
    private static List<Share> fold(FactLog log, int threads, double rebuildSeconds, PrintStream progress) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Share>> shares = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int share = i;
                shares.add(pool.submit(() -> foldShare(log, key -> Math.floorMod(key.hashCode(), threads) == share,
                        rebuildSeconds, share == 0 ? progress : QUIET)));
            }
            List<Share> done = new ArrayList<>();
            for (Future<Share> share : shares) {
                done.add(share.get());
            }
            return done;
        } catch (ExecutionException e) {
            throw new IllegalStateException("rebuild failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Share foldShare(FactLog log, Predicate<String> holds, double rebuildSeconds, PrintStream progress) {
        Set<String> countries = new HashSet<>();
        Set<String> topics = new HashSet<>();
        try (KafkaFactSource source = log.source()) {
            ViewStore store = new ViewStore(CountryView.RECENT, source, holds);
            FactLog.Read read = log.read(record -> {
                ViewStore.Changes changes = store.apply(record.value(),
                        KafkaFactSource.locator(record.partition(), record.offset()));
                countries.addAll(changes.countries());
                topics.addAll(changes.topics());
            }, rebuildSeconds, "rebuild", progress);
            countries.forEach(store::country);
            topics.forEach(store::topic);
            return new Share(read, countries.size(), topics.size());
        }
    }
}
