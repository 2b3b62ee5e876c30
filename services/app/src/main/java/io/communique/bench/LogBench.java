package io.communique.bench;

import io.communique.model.CountryView;
import io.communique.projection.KafkaFactSource;
import io.communique.projection.ViewStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code kafka.consume}, {@code rebuild.throughput} and {@code rebuild.ratio}: how fast a plain consumer reads the
 * fact log, and how fast the projection's fold ({@link ViewStore}: each record's outline, the whole fact only for
 * the views' first entries, facts read back from Kafka by offset) turns the same log into views, with the same
 * consumer settings, on one thread per core, each reading a share of the partitions and holding a share of the views.
 */
final class LogBench {
    /** A plain read of the whole log must never take this long; it only guards against a stuck broker. */
    private static final double CONSUME_LIMIT_S = 600;
    /**
     * Whole passes of the plain read and of the rebuild, run and dropped before the measured ones, so that both are
     * measured as in a running app rather than in the JIT compiler's first minutes. With a 3-second warm-up the
     * compiler still took a core for half of the measured rebuild (one run each on the 2-core machine of README: 7.6 s
     * after one warm-up pass, 4.5 s after two, 3.6 s after three); the plain read gains as much (2.2 s to 1.1 s).
     */
    private static final int WARM_UP_PASSES = 3;
    /** Measured passes of each; the median is reported, the others printed, as the machine's noise is ±20 %. */
    private static final int MEASURED_PASSES = 3;
    /** Where progress goes for all but the first pass, and for all but the first of a rebuild's threads. */
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private LogBench() {
    }

    static List<Figure> run(FactLog log, double rebuildSeconds, PrintStream progress) {
        FactLog.Read consumed = median("consume", progress, shown -> {
            long[] bytes = {0};
            FactLog.Read read = log.read(record -> bytes[0] += record.value().length, CONSUME_LIMIT_S, "consume", shown);
            return new Pass(read, String.format("%.0f MB of JSON", bytes[0] / 1e6));
        });
        int threads = Math.min(64, Runtime.getRuntime().availableProcessors()); // one bit per thread: see owners
        FactLog.Read rebuilt = median("rebuild", progress, shown -> {
            Rebuilt rebuild = fold(log, threads, rebuildSeconds, shown);
            int countries = rebuild.folders().stream().mapToInt(folder -> folder.countries.size()).sum();
            int topics = rebuild.folders().stream().mapToInt(folder -> folder.topics.size()).sum();
            return new Pass(rebuild.read(), String.format("into %d country and %d topic views on %d threads%s",
                    countries, topics, threads, rebuild.read().records() < log.size() ? ", stopped at the time limit" : ""));
        });
        String note = rebuilt.records() < log.size()
                ? String.format(" (stopped after %.0f s: %,d of %,d)", rebuildSeconds, rebuilt.records(), log.size()) : "";
        String passes = String.format(", median of %d passes after %d", MEASURED_PASSES, WARM_UP_PASSES);
        return List.of(
                new Figure("kafka.consume", consumed.perSecond(), "records/s", "(baseline)",
                        String.format("plain consumer, topic of %,d facts%s", log.size(), passes)),
                new Figure("rebuild.throughput", rebuilt.perSecond(), "records/s", "",
                        "facts folded into views, " + threads + " threads sharing them" + passes + note),
                new Figure("rebuild.ratio", rebuilt.perSecond() / consumed.perSecond(), "ratio", ">= 0.5",
                        "rebuild.throughput / kafka.consume"));
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
     * Folds the log on {@code threads} threads. Each reads its share of the partitions and reads each record's outline
     * once; the views are shared between the threads by key hash, as projection instances share them by partition,
     * so a record goes to every thread holding one of its views, in batches through that thread's inbox. A fact's
     * records are all on one partition, read by one thread and queued in order, so each view sees them in log order.
     * Timed as {@link FactLog#read} is: from when the consumers have their partitions to when the views are materialised.
     */
    private static Rebuilt fold(FactLog log, int threads, double rebuildSeconds, PrintStream progress) {
        List<Folder> folders = new ArrayList<>();
        AtomicInteger reading = new AtomicInteger(threads);
        AtomicBoolean failed = new AtomicBoolean();
        AtomicLong read = new AtomicLong();
        long deadline = System.nanoTime() + (long) (rebuildSeconds * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                folders.add(new Folder(i, folders, log.share(i, threads, "rebuild"), log.source(), reading, failed));
            }
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (Folder folder : folders) {
                running.add(pool.submit(() -> {
                    try {
                        PrintStream shown = folder.index == 0 ? progress : QUIET;
                        folder.run(deadline, read, new RecordProgress(shown, "rebuild", log.size()));
                    } catch (RuntimeException | InterruptedException e) {
                        failed.set(true); // the others stop waiting for this thread's records or room
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> folder : running) {
                folder.get();
            }
            folders.forEach(Folder::materialise);
            long records = folders.stream().mapToLong(folder -> folder.read).sum();
            return new Rebuilt(folders, new FactLog.Read(records, (System.nanoTime() - start) / 1e9));
        } catch (ExecutionException e) {
            throw new IllegalStateException("rebuild failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rebuild interrupted", e);
        } finally {
            pool.shutdownNow();
            folders.forEach(Folder::close);
        }
    }

    /** The threads' parts of a rebuild, and how many records it read in how long. */
    private record Rebuilt(List<Folder> folders, FactLog.Read read) {
    }

    /** One thread's part of the rebuild: a share of the partitions to read, and the views whose key hashes to it. */
    private static final class Folder implements AutoCloseable {
        /** Batches waiting for a thread; a reader ahead of the others waits, folding its own inbox meanwhile. */
        private static final int INBOX_BATCHES = 64;

        private final int index;
        private final List<Folder> all;
        private final FactLog.Share share;
        private final KafkaFactSource source;
        private final ViewStore store;
        private final AtomicInteger reading;
        /** Set when a thread fails: the others would wait for it for ever. */
        private final AtomicBoolean failed;
        private final BlockingQueue<List<ViewStore.Outlined>> inbox = new ArrayBlockingQueue<>(INBOX_BATCHES);
        private final Set<String> countries = new HashSet<>();
        private final Set<String> topics = new HashSet<>();
        private long read;

        Folder(int index, List<Folder> all, FactLog.Share share, KafkaFactSource source, AtomicInteger reading,
               AtomicBoolean failed) {
            this.index = index;
            this.all = all;
            this.share = share;
            this.source = source;
            this.store = new ViewStore(CountryView.RECENT, source, key -> owner(key, all.size()) == index);
            this.reading = reading;
            this.failed = failed;
        }

        private static int owner(String key, int threads) {
            return Math.floorMod(key.hashCode(), threads);
        }

        /** The threads holding these views, one bit each (at most 64 threads). */
        private long owners(List<String> keys) {
            long owners = 0;
            for (String key : keys) {
                owners |= 1L << owner(key, all.size());
            }
            return owners;
        }

        void run(long deadline, AtomicLong readByAll, RecordProgress progress) throws InterruptedException {
            boolean reads = true;
            while (reads) {
                List<List<ViewStore.Outlined>> outgoing = new ArrayList<>();
                all.forEach(folder -> outgoing.add(new ArrayList<>()));
                int polled = 0;
                for (ConsumerRecord<String, byte[]> record : share.poll()) {
                    ViewStore.Outlined outlined = ViewStore.outline(record.value(),
                            KafkaFactSource.locator(record.partition(), record.offset()));
                    long owners = owners(outlined.participants()) | owners(outlined.topics());
                    for (int owner = 0; owner < all.size(); owner++) {
                        if ((owners & 1L << owner) != 0) {
                            outgoing.get(owner).add(outlined);
                        }
                    }
                    polled++;
                }
                read += polled;
                for (int owner = 0; owner < all.size(); owner++) {
                    if (!outgoing.get(owner).isEmpty()) {
                        all.get(owner).deliver(outgoing.get(owner), this);
                    }
                }
                foldInbox();
                progress.reached(readByAll.addAndGet(polled));
                if (share.done() || System.nanoTime() > deadline) {
                    reads = false;
                    reading.decrementAndGet();
                }
            }
            // Every reader has queued all it read before it stops reading: an empty inbox after that is the end.
            while ((reading.get() > 0 || !inbox.isEmpty()) && !failed.get()) {
                List<ViewStore.Outlined> batch = inbox.poll(10, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    fold(batch);
                }
            }
        }

        /** Hands a batch to this thread; the thread {@code from} folds its own inbox while this one's is full. */
        private void deliver(List<ViewStore.Outlined> batch, Folder from) throws InterruptedException {
            if (from == this) {
                fold(batch);
                return;
            }
            while (!inbox.offer(batch, 1, TimeUnit.MILLISECONDS)) {
                if (failed.get()) {
                    throw new IllegalStateException("another rebuild thread failed");
                }
                from.foldInbox();
            }
        }

        private void foldInbox() {
            for (List<ViewStore.Outlined> batch = inbox.poll(); batch != null; batch = inbox.poll()) {
                fold(batch);
            }
        }

        private void fold(List<ViewStore.Outlined> batch) {
            for (ViewStore.Outlined record : batch) {
                store.apply(record, countries, topics);
            }
        }

        /** Materialises each changed view once, as the projection does before publishing them. */
        void materialise() {
            countries.forEach(store::country);
            topics.forEach(store::topic);
        }

        @Override
        public void close() {
            share.close();
            source.close();
        }
    }
}
