package io.communique.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.communique.model.CountryView;
import io.communique.projection.KafkaFactSource;
import io.communique.projection.ViewStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code kafka.consume}, {@code rebuild.throughput} and {@code rebuild.ratio}: how fast a plain consumer reads the
 * fact log, and how fast the projection's fold ({@link ViewStore}: each record's outline, the whole fact only for
 * the views' first entries, facts read back from Kafka by offset) turns the same log into views, with the same
 * consumer settings, on one thread per core and at least one per partition, each folding its partitions into views
 * of its own, which are merged at the end.
 */
final class LogBench {
    /** A plain read of the whole log must never take this long; it only guards against a stuck broker. */
    private static final double CONSUME_LIMIT_S = 600;
    /**
     * Whole passes of the plain read and of the rebuild, run and dropped before the measured ones, so that both are
     * measured as in a running app rather than in the JIT compiler's first minutes. With a 3-second warm-up the
     * compiler still took a core for half of the measured rebuild (one run each on the 2-core machine of
     * docs/performance.md: 7.6 s after one warm-up pass, 4.5 s after two, 3.6 s after three); the plain read gains as
     * much (2.2 s to 1.1 s).
     */
    private static final int WARM_UP_PASSES = 3;
    /**
     * Measured passes of each; the median is reported, the others printed, as the machine's noise is ±20 % and, with
     * the default JVM options, one rebuild in three or so also pays for the heap's growth (pages faulted in, 2 s
     * becoming 3–4.3 s): five passes, so that two such passes still leave a typical one in the middle.
     */
    private static final int MEASURED_PASSES = 5;
    /** Where progress goes for all but the first pass, and for all but the first of a rebuild's threads. */
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private LogBench() {
    }

    static List<Figure> run(FactLog log, double rebuildSeconds, PrintStream progress) {
        noteGrowingHeap(progress);
        FactLog.Read consumed = median("consume", progress, shown -> {
            long[] bytes = {0};
            FactLog.Read read = log.read(record -> bytes[0] += record.value().length, CONSUME_LIMIT_S, "consume", shown);
            return new Pass(read, String.format("%.0f MB of JSON", bytes[0] / 1e6));
        });
        // One thread per partition at least: a thread reads its partitions in order, and with fewer threads than
        // partitions some read more than others (3 partitions on 2 threads: two thirds and one third), whereas the
        // system shares the cores evenly between more threads.
        int threads = Math.max(Runtime.getRuntime().availableProcessors(), log.partitions());
        FactLog.Read rebuilt = median("rebuild", progress, shown -> {
            Rebuilt rebuild = fold(log, threads, rebuildSeconds, shown);
            return new Pass(rebuild.read(), String.format("into %d country and %d topic views on %d threads%s",
                    rebuild.countries(), rebuild.topics(), threads,
                    rebuild.read().records() < log.size() ? ", stopped at the time limit" : ""));
        });
        String note = rebuilt.records() < log.size()
                ? String.format(" (stopped after %.0f s: %,d of %,d)", rebuildSeconds, rebuilt.records(), log.size()) : "";
        String passes = String.format(", median of %d passes after %d", MEASURED_PASSES, WARM_UP_PASSES);
        return List.of(
                new Figure("kafka.consume", consumed.perSecond(), "records/s", "(baseline)",
                        String.format("plain consumer, topic of %,d facts%s", log.size(), passes)),
                new Figure("rebuild.throughput", rebuilt.perSecond(), "records/s", "",
                        "facts folded into views on " + threads + " threads, merged" + passes + note),
                new Figure("rebuild.ratio", rebuilt.perSecond() / consumed.perSecond(), "ratio", ">= 0.5",
                        "rebuild.throughput / kafka.consume"));
    }

    /**
     * Says so when the JVM may grow its heap during the passes: a pass that grows it faults new pages in and, on the
     * 2-core machine of docs/performance.md, takes 3–4.3 s instead of 1.8–2.2 s; with the heap fixed every pass is
     * steady.
     */
    private static void noteGrowingHeap(PrintStream progress) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String preTouch = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("AlwaysPreTouch").getValue();
        if (heap.getInit() < heap.getMax() || !Boolean.parseBoolean(preTouch)) {
            progress.printf("rebuild: the JVM's heap may grow during the passes (initial %,d MB, maximum %,d MB, pre-touched: "
                            + "%s), which makes some passes up to twice as long; for steady figures fix it, e.g. "
                            + "java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -jar communique.jar bench%n",
                    heap.getInit() >> 20, heap.getMax() >> 20, preTouch);
        }
    }

    /** One pass over the log, and what to say of it beside its records and seconds. */
    private record Pass(FactLog.Read read, String what) {
    }

    /**
     * Runs the warm-up passes, then the measured ones, printing each (and the first one's progress as it reads);
     * returns the measured pass of median speed.
     */
    private static FactLog.Read median(String phase, PrintStream progress, Function<PrintStream, Pass> pass) {
        List<FactLog.Read> measured = new ArrayList<>();
        for (int i = 1; i <= WARM_UP_PASSES + MEASURED_PASSES; i++) {
            boolean warmUp = i <= WARM_UP_PASSES;
            Pass done = pass.apply(i == 1 ? progress : QUIET);
            progress.printf("%s: %s %d of %d: %,d records (%s) in %.2f s%n", phase, warmUp ? "warm-up pass" : "pass",
                    warmUp ? i : i - WARM_UP_PASSES, warmUp ? WARM_UP_PASSES : MEASURED_PASSES, done.read().records(),
                    done.what(), done.read().seconds());
            if (!warmUp) {
                measured.add(done.read());
            }
        }
        measured.sort(Comparator.comparingDouble(FactLog.Read::perSecond));
        return measured.get(measured.size() / 2);
    }

    /**
     * Folds the log on {@code threads} threads, each reading its share of the partitions into a store of its own and
     * each record's outline once. When all are read, each thread merges a share of the views from every store
     * ({@link ViewStore#merged}: a view's facts are on many partitions, but each fact's records on one) and
     * materialises every view of its share. Timed as {@link FactLog#read} is: from when the consumers have their
     * partitions to when the views are materialised.
     */
    private static Rebuilt fold(FactLog log, int threads, double rebuildSeconds, PrintStream progress) {
        List<Folder> folders = new ArrayList<>();
        AtomicLong read = new AtomicLong();
        long deadline = System.nanoTime() + (long) (rebuildSeconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                folders.add(new Folder(log.share(i, threads, "rebuild"), log.source()));
            }
            long start = System.nanoTime();
            List<Callable<Void>> reading = new ArrayList<>();
            for (Folder folder : folders) {
                RecordProgress shown = new RecordProgress(folder == folders.get(0) ? progress : QUIET, "rebuild", log.size());
                reading.add(() -> folder.run(deadline, read, shown));
            }
            all(pool.invokeAll(reading));
            List<ViewStore> parts = folders.stream().map(folder -> folder.store).toList();
            List<Callable<Views>> merging = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int share = i;
                merging.add(() -> Views.merged(parts, key -> Math.floorMod(key.hashCode(), threads) == share));
            }
            List<Views> views = all(pool.invokeAll(merging));
            return new Rebuilt(views, new FactLog.Read(read.get(), (System.nanoTime() - start) / 1e9));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            pool.shutdownNow();
            folders.forEach(Folder::close);
        }
    }

    /** The results of tasks that all ended; the first failure ends the rebuild. */
    private static <T> List<T> all(List<Future<T>> tasks) throws InterruptedException {
        List<T> results = new ArrayList<>();
        for (Future<T> task : tasks) {
            try {
                results.add(task.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("rebuild failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        return results;
    }

    /** A rebuild's views, in the shares the threads merged, and how many records it read in how long. */
    private record Rebuilt(List<Views> shares, FactLog.Read read) {
        int countries() {
            return shares.stream().mapToInt(share -> share.countries().size()).sum();
        }

        int topics() {
            return shares.stream().mapToInt(share -> share.topics().size()).sum();
        }
    }

    /** One thread's share of the merged views, each materialised once, as the projection does before publishing it. */
    private record Views(ViewStore store, Set<String> countries, Set<String> topics) {
        static Views merged(List<ViewStore> parts, Predicate<String> share) {
            ViewStore store = ViewStore.merged(parts, share);
            Views views = new Views(store, store.countryCodes(), store.topicIds());
            // A rebuild starts from no views: every view it holds is new.
            views.countries.forEach(store::country);
            views.topics.forEach(store::topic);
            return views;
        }
    }

    /** One thread's part of the rebuild: a share of the partitions, folded into a store of its own. */
    private static final class Folder implements AutoCloseable {
        private final FactLog.Share share;
        private final KafkaFactSource source;
        private final ViewStore store;

        Folder(FactLog.Share share, KafkaFactSource source) {
            this.share = share;
            this.source = source;
            // Sized for the records it is about to read, so that its fact table never grows during the rebuild.
            this.store = new ViewStore(CountryView.RECENT, source, Math.toIntExact(share.records()));
        }

        Void run(long deadline, AtomicLong readByAll, RecordProgress progress) {
            while (!share.done() && System.nanoTime() <= deadline) {
                int polled = 0;
                for (ConsumerRecord<String, byte[]> record : share.poll()) {
                    long locator = KafkaFactSource.locator(record.partition(), record.offset());
                    store.fold(record.value(), locator);
                    polled++;
                }
                progress.reached(readByAll.addAndGet(polled));
            }
            return null;
        }

        @Override
        public void close() {
            share.close();
            source.close();
        }
    }
}
