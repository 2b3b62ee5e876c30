package io.communique.bench;

import io.communique.model.FactReader;
import io.communique.projection.ViewStore;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code kafka.consume}, {@code rebuild.throughput} and {@code rebuild.ratio}: how fast a plain consumer reads the
 * fact log, and how fast the projection's fold ({@link ViewStore}, as the projection verticle uses it) turns the same
 * log into views, with the same consumer settings.
 */
final class LogBench {
    /** A plain read of the whole log must never take this long; it only guards against a stuck broker. */
    private static final double CONSUME_LIMIT_S = 600;

    private LogBench() {
    }

    static List<Figure> run(FactLog log, double rebuildSeconds, PrintStream progress) {
        long[] bytes = {0};
        FactLog.Read consumed = log.read(record -> bytes[0] += record.value().length, CONSUME_LIMIT_S, "consume", progress);
        progress.printf("consume: %,d records (%.0f MB of JSON) in %.1f s%n", consumed.records(), bytes[0] / 1e6,
                consumed.seconds());

        ViewStore store = new ViewStore();
        Set<String> countries = new HashSet<>();
        Set<String> topics = new HashSet<>();
        long start = System.nanoTime();
        FactLog.Read folded = log.read(record -> {
            ViewStore.Changes changes = store.apply(FactReader.read(record.value()));
            countries.addAll(changes.countries());
            topics.addAll(changes.topics());
        }, rebuildSeconds, "rebuild", progress);
        // The projection then publishes every changed view: each is materialised once.
        countries.forEach(store::country);
        topics.forEach(store::topic);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rebuild = folded.records() / seconds;
        String note = folded.records() < log.size()
                ? String.format(" (stopped after %.0f s: %,d of %,d)", rebuildSeconds, folded.records(), log.size()) : "";
        progress.printf("rebuild: %,d records into %d country and %d topic views in %.1f s%s%n", folded.records(),
                countries.size(), topics.size(), seconds, note);
        return List.of(
                new Figure("kafka.consume", consumed.perSecond(), "records/s", "(baseline)",
                        String.format("plain consumer, topic of %,d facts", log.size())),
                new Figure("rebuild.throughput", rebuild, "records/s", "", "facts folded into views" + note),
                new Figure("rebuild.ratio", rebuild / consumed.perSecond(), "ratio", ">= 0.5",
                        "rebuild.throughput / kafka.consume"));
    }
}
