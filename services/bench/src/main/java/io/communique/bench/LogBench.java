package io.communique.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Topics;
import io.communique.projection.ProjectionVerticle;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code kafka.consume}, {@code live.throughput}, {@code rebuild.throughput} and the ratios: the app's own projection
 * ({@link ProjectionVerticle}: the router, then the country, topic and event projections) on a broker of the bench's
 * own, whose fact topic is filled before the projection starts, as a burst (a re-extraction, a feed backlog, a
 * replay) leaves it. Live: from the projection's start until every group's lag is 0, that is until every fact is
 * routed and every view it changes is published. Rebuild: {@link ProjectionVerticle#rebuild()}, what
 * {@code admin rebuild} runs, over the same routed log.
 */
final class LogBench {
    /** A plain read of the whole log must never take this long; it only guards against a stuck broker. */
    private static final double CONSUME_LIMIT_S = 600;
    /**
     * Whole plain reads run and dropped before the measured ones, so the read is measured as in a running app rather
     * than in the JIT compiler's first minutes (one run on the 2-core machine of docs/performance.md: 2.2 s to 1.1 s).
     */
    private static final int WARM_UP_READS = 3;
    /** Rebuilds run and dropped first: the live drain before them has compiled the folds already. */
    private static final int WARM_UP_REBUILDS = 1;
    /**
     * Measured passes of each; the median is reported, the others printed, as the machine's noise is ±20 % and a pass
     * in which the JVM grows its heap takes up to twice as long.
     */
    private static final int MEASURED_PASSES = 3;
    private static final long LAG_CHECK_MS = 100;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private LogBench() {
    }

    /**
     * Runs the whole measurement twice, each time on an embedded broker of its own (the projection reads and writes the
     * app's topic names, which must start empty): first on half as many facts, dropped, so that the measured drain
     * runs compiled code as a running app's projection would (a cold drain spent more CPU in the JIT compiler than in
     * the router), then the measured one.
     *
     * @param folder     where the brokers keep their data
     * @param viewRecent the app's {@code VIEW_RECENT}
     * @param maxSeconds the live drain and each rebuild stop after this long, so a slow fold cannot make the run endless
     */
    static List<Figure> run(Vertx vertx, Path folder, int facts, int viewRecent, double maxSeconds, PrintStream progress)
            throws Exception {
        noteGrowingHeap(progress);
        int warmUpFacts = Math.max(1, facts / 2);
        try (EmbeddedKafka broker = broker(folder.resolve("warm-up"), progress);
             FactLog log = filled(vertx, broker, warmUpFacts, QUIET);
             Live warmUp = Live.drain(vertx, broker, viewRecent, warmUpFacts, maxSeconds, QUIET)) {
            progress.printf("live: warm-up drain, not measured: %,d facts in %.2f s, %s%s%n", warmUpFacts,
                    warmUp.drained().read().seconds(), warmUp.cpu(), warmUp.drained().note());
        }
        try (EmbeddedKafka broker = broker(folder.resolve("measured"), progress);
             FactLog log = filled(vertx, broker, facts, progress)) {
            FactLog.Read consumed = median("consume", WARM_UP_READS, progress, shown -> {
                long[] bytes = {0};
                FactLog.Read read = log.read(record -> bytes[0] += record.value().length, CONSUME_LIMIT_S, "consume", shown);
                return new Pass(read, String.format("%.0f MB of JSON", bytes[0] / 1e6));
            });
            try (Live live = Live.drain(vertx, broker, viewRecent, facts, maxSeconds, progress)) {
                progress.printf("live: %,d facts routed and folded (%,d routed records) in %.2f s from the projection's "
                                + "start, %s%s%n", facts, live.projection().factsFolded(), live.drained().read().seconds(),
                        live.cpu(), live.drained().note());
                FactLog.Read rebuilt = median("rebuild", WARM_UP_REBUILDS, progress, shown -> {
                    long began = System.nanoTime();
                    long cpu = cpuNanos();
                    JsonObject result = await(live.projection().rebuild(), maxSeconds);
                    double seconds = (System.nanoTime() - began) / 1e9;
                    long records = result.getJsonArray("rebuilt").stream()
                            .mapToLong(kind -> ((JsonObject) kind).getLong("factsFolded")).sum();
                    return new Pass(new FactLog.Read(facts, seconds), String.format("%,d routed records, %,.0f records/s, %s",
                            records, records / seconds, perFact(cpuNanos() - cpu, facts)));
                });
                double liveRate = live.drained().read().perSecond();
                return List.of(
                        new Figure("kafka.consume", consumed.perSecond(), "records/s", "(baseline)",
                                String.format("plain consumer, fact topic of %,d facts, median of %d passes after %d",
                                        facts, MEASURED_PASSES, WARM_UP_READS)),
                        new Figure("live.throughput", liveRate, "facts/s", ">= 20000",
                                "facts from a filled fact topic to published views (lag 0), one pass after a warm-up, "
                                        + live.cpu() + live.drained().note()),
                        new Figure("rebuild.throughput", rebuilt.perSecond(), "facts/s", "",
                                String.format("facts of the log rebuilt into views by the projection (admin rebuild), "
                                        + "median of %d passes after %d", MEASURED_PASSES, WARM_UP_REBUILDS)),
                        new Figure("live.ratio", liveRate / rebuilt.perSecond(), "ratio", ">= 0.5",
                                "live.throughput / rebuild.throughput"),
                        new Figure("rebuild.ratio", rebuilt.perSecond() / consumed.perSecond(), "ratio", ">= 0.5",
                                "rebuild.throughput / kafka.consume"));
            }
        }
    }

    private static EmbeddedKafka broker(Path folder, PrintStream progress) {
        progress.println("kafka: starting an embedded broker in " + folder);
        return EmbeddedKafka.start(folder, 0);
    }

    /** The broker's app topics, created, and its fact topic filled with {@code facts} facts. */
    private static FactLog filled(Vertx vertx, EmbeddedKafka broker, int facts, PrintStream progress) throws Exception {
        KafkaSettings settings = new KafkaSettings(broker.bootstrapServers());
        await(TopicAdmin.ensureTopics(vertx, settings, Topics.ALL), 60);
        return FactLog.fill(vertx, settings, Topics.FACTS, facts, progress);
    }

    /** The app's projection, started on a filled fact topic and drained; closing undeploys it. */
    private record Live(Vertx vertx, ProjectionVerticle projection, String deployment, Drained drained, String cpu)
            implements AutoCloseable {
        static Live drain(Vertx vertx, EmbeddedKafka broker, int viewRecent, int facts, double maxSeconds,
                          PrintStream progress) throws Exception {
            KafkaSettings settings = new KafkaSettings(broker.bootstrapServers());
            try (Admin admin = Admin.create(new HashMap<>(settings.admin()))) {
                ProjectionVerticle projection = new ProjectionVerticle(settings, viewRecent);
                long start = System.nanoTime();
                long cpu = cpuNanos();
                Future<String> deploying = vertx.deployVerticle(projection); // done once caught up with its first partitions
                Drained drained = LogBench.drain(admin, facts, start, maxSeconds, progress);
                String deployment = await(deploying, maxSeconds);
                return new Live(vertx, projection, deployment, drained, perFact(cpuNanos() - cpu, facts));
            }
        }

        @Override
        public void close() {
            await(vertx.undeploy(deployment), 60);
        }
    }

    /** How long the live projection took for the facts, and the lags it left if it was stopped. */
    private record Drained(FactLog.Read read, Map<String, Long> lags) {
        String note() {
            return lags.values().stream().allMatch(lag -> lag == 0) ? ""
                    : String.format(" (stopped after %.0f s, lag %s)", read.seconds(), lags);
        }
    }

    /** Waits until every projection group's lag is 0, or the time is up; counts from {@code start}. */
    private static Drained drain(Admin admin, int facts, long start, double maxSeconds, PrintStream progress)
            throws Exception {
        long deadline = start + (long) (maxSeconds * 1e9);
        long nextReport = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            Map<String, Long> lags = lags(admin);
            long now = System.nanoTime();
            if (lags.values().stream().allMatch(lag -> lag == 0) || now > deadline) {
                return new Drained(new FactLog.Read(facts, (now - start) / 1e9), lags);
            }
            if (now > nextReport) {
                progress.printf("live: after %.0f s, lag %s%n", (now - start) / 1e9, lags);
                nextReport = now + TimeUnit.SECONDS.toNanos(5);
            }
            Thread.sleep(LAG_CHECK_MS);
        }
    }

    /**
     * Each projection group's lag on the topic it reads, in the order the facts flow (router first): a group's
     * committed offsets are read before its topic's ends, so a lag is never under-counted, and a 0 for the router
     * means every routed record was in its topic before the projections' lags were read.
     */
    private static Map<String, Long> lags(Admin admin) throws ExecutionException, InterruptedException {
        Map<String, Long> lags = new LinkedHashMap<>();
        for (Map.Entry<String, String> group : ProjectionVerticle.groupInputs().entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get();
            String topic = group.getValue();
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                            p -> OffsetSpec.latest()));
            long lag = 0;
            for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                OffsetAndMetadata at = committed.get(end.getKey());
                lag += end.getValue().offset() - (at == null ? 0 : at.offset());
            }
            lags.put(group.getKey(), lag);
        }
        return lags;
    }

    /**
     * Says so when the JVM may grow its heap during the passes: a pass that grows it faults new pages in and, on the
     * 2-core machine of docs/performance.md, takes up to twice as long; with the heap fixed every pass is steady.
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
    private static FactLog.Read median(String phase, int warmUps, PrintStream progress, Function<PrintStream, Pass> pass) {
        List<FactLog.Read> measured = new ArrayList<>();
        for (int i = 1; i <= warmUps + MEASURED_PASSES; i++) {
            boolean warmUp = i <= warmUps;
            Pass done = pass.apply(i == 1 ? progress : QUIET);
            progress.printf("%s: %s %d of %d: %,d facts (%s) in %.2f s%n", phase, warmUp ? "warm-up pass" : "pass",
                    warmUp ? i : i - warmUps, warmUp ? warmUps : MEASURED_PASSES, done.read().records(),
                    done.what(), done.read().seconds());
            if (!warmUp) {
                measured.add(done.read());
            }
        }
        measured.sort(Comparator.comparingDouble(FactLog.Read::perSecond));
        return measured.get(measured.size() / 2);
    }

    /**
     * The CPU time of this process (the projection, and the embedded broker beside it): on a machine shared with other
     * work the wall-clock figures say how much of it the bench got; CPU per fact compares live and rebuild whatever
     * the load.
     */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String perFact(long cpuNanos, int facts) {
        return String.format("%.1f CPU s (%.0f µs per fact)", cpuNanos / 1e9, cpuNanos / 1e3 / facts);
    }

    private static <T> T await(Future<T> future, double seconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("the projection failed or took longer than " + seconds + " s: " + e, e);
        }
    }
}
