package io.communique.bench;

import io.communique.broker.EmbeddedKafka;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicAdmin;
import io.communique.model.Document;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code soak} (issue #18): the web's memory and read latency over a large log. Fills the fact and document topics of
 * a broker of its own, then runs the web role alone in a child JVM with issue #18's {@code -Xmx512m}, as a
 * long-lived instance runs: the time it takes to catch up, the heap live after a full collection and the resident
 * memory once it has, the p99 of {@code /api/facts} pages and {@code /api/documents/{id}}; then it stops the web and
 * starts it again on the same store: the time until it serves again, and its memory then.
 */
final class SoakBench {
    /** Issue #18's heap budget (the run command and the manifests do not set it: docs/operations.md, the JVM heap). */
    static final String HEAP = "-Xmx512m";
    private static final int REQUESTS = 200;
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Path folder;
    private final PrintStream progress;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private SoakBench(Path folder, PrintStream progress) {
        this.folder = folder;
        this.progress = progress;
    }

    static List<Figure> run(Vertx vertx, Path folder, int facts, double maxCatchUpSeconds, PrintStream progress)
            throws Exception {
        Files.createDirectories(folder.resolve("no-seeds"));
        progress.println("soak: starting an embedded broker in " + folder.resolve("kafka"));
        try (EmbeddedKafka broker = EmbeddedKafka.start(folder.resolve("kafka"), 0)) {
            KafkaSettings settings = new KafkaSettings(broker.bootstrapServers());
            // Created first: a producer that meets a partition whose leader is not elected yet may go on failing.
            TopicAdmin.ensureTopics(vertx, settings, List.of(Topics.spec(Topics.DOCUMENTS)))
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            FactLog.fill(vertx, settings, Topics.FACTS, facts, progress);
            List<String> documents = documents(settings, facts / 3, progress);
            return new SoakBench(folder, progress).measure(broker.bootstrapServers(), facts, documents, maxCatchUpSeconds);
        }
    }

    /** Produces synthetic reports with ids of their own to the document topic; returns their ids. */
    private static List<String> documents(KafkaSettings settings, int count, PrintStream progress) {
        Map<String, Object> config = new HashMap<>(settings.producer());
        // A bulk load on a loaded machine: batches as FactLog's, and more patience than the app's 8 s for a write.
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        Reports reports = new Reports(17);
        List<String> ids = new ArrayList<>(count);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            for (int i = 0; i < count && failure.get() == null; i++) {
                Document report = reports.next();
                Document document = new Document(Ids.documentId("soak " + i), report.text(), report.source(),
                        report.url(), report.language(), report.published(), "2026-12-08T00:00:00Z");
                ids.add(document.id());
                producer.send(new ProducerRecord<>(Topics.DOCUMENTS, document.id(), Json.bytes(document)),
                        (metadata, error) -> failure.compareAndSet(null, error));
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka did not take the bench documents: " + failure.get().getMessage());
        }
        progress.printf("documents: %,d produced%n", count);
        return ids;
    }

    private List<Figure> measure(String bootstrap, int facts, List<String> documents, double maxCatchUpSeconds)
            throws Exception {
        List<Figure> figures = new ArrayList<>();
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        long started = System.nanoTime();
        Process web = startWeb(bootstrap, port, "first");
        try {
            awaitStored(base, facts, documents.size(), started, maxCatchUpSeconds);
            double stored = (System.nanoTime() - started) / 1e9;
            awaitServing(base, started); // the listing indexes are built once caught up
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.printf("soak: every record stored after %.0f s, healthy (indexes built) after %.0f s%n", stored,
                    seconds);
            figures.add(new Figure("soak.catchup", facts / seconds, "facts/s", "",
                    String.format("a new web reads %,d facts and %,d documents into its store and indexes them "
                            + "(%.0f s from its start to healthy)", facts, documents.size(), seconds)));
            figures.add(latency(base, "soak.facts.p99", "<= 50", "the slowest /api/facts page's p99 (first, "
                    + "country, type+since, offset 10,000), " + REQUESTS + " requests each", List.of(
                    i -> "/api/facts?limit=100",
                    i -> "/api/facts?country=US&limit=100",
                    i -> "/api/facts?type=TALKS&since=2017-06-01&limit=100",
                    i -> "/api/facts?limit=100&offset=10000")));
            figures.add(latency(base, "soak.document.p99", "<= 50", "/api/documents/{id} of random documents, "
                    + REQUESTS + " requests", List.of(i -> "/api/documents/" + documents.get(i * 7919 % documents.size()))));
            figures.addAll(memory(web, "soak", "caught up with " + String.format("%,d", facts) + " facts"));
            web.destroy(); // SIGTERM: the web closes its store as on any stop
            if (!web.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the web did not stop within 60 s");
            }
            long restarted = System.nanoTime();
            web = startWeb(bootstrap, port, "restarted");
            awaitServing(base, restarted);
            double restart = (System.nanoTime() - restarted) / 1e9;
            figures.add(new Figure("soak.restart", restart, "s", "< 30",
                    "from starting the web again on its store to a page of /api/facts and caught up"));
            figures.addAll(memory(web, "soak.restarted", "after the restart"));
        } finally {
            web.destroy();
            web.waitFor(60, TimeUnit.SECONDS);
        }
        return figures;
    }

    /** The web role alone, in a JVM of its own with the run command's heap, on this bench's broker and folder. */
    private Process startWeb(String bootstrap, int port, String run) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), HEAP, "-cp", System.getProperty("java.class.path"),
                "io.communique.app.Main", "serve");
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("ROLES", "web");
        env.put("HTTP_PORT", Integer.toString(port));
        env.put("DATA_DIR", folder.resolve("app").toString());
        env.put("SEEDS_DIR", folder.resolve("no-seeds").toString());
        builder.redirectErrorStream(true).redirectOutput(folder.resolve("web-" + run + ".log").toFile());
        Process process = builder.start();
        progress.printf("soak: web started (%s, pid %d, %s), log in %s%n", run, process.pid(), HEAP,
                folder.resolve("web-" + run + ".log"));
        return process;
    }

    private void awaitStored(String base, int facts, int documents, long started, double maxSeconds) throws Exception {
        long deadline = started + (long) (maxSeconds * 1e9);
        long shown = 0;
        while (true) {
            Map<String, Object> totals = totals(base);
            long stored = totals == null ? 0 : ((Number) totals.get("facts")).longValue();
            long documentsStored = totals == null ? 0 : ((Number) totals.get("documents")).longValue();
            if (stored >= facts && documentsStored >= documents) {
                return;
            }
            long now = System.nanoTime();
            if (now > deadline) {
                throw new IllegalStateException(String.format("the web stored %,d of %,d facts in %.0f s", stored,
                        facts, maxSeconds));
            }
            if (now - shown > 15e9) {
                progress.printf("soak: %,d of %,d facts and %,d of %,d documents stored after %.0f s%n", stored, facts,
                        documentsStored, documents, (now - started) / 1e9);
                shown = now;
            }
            Thread.sleep(1000);
        }
    }

    /** Until a page of facts is served and the web says it has caught up with the topics (and built its indexes). */
    private void awaitServing(String base, long started) throws Exception {
        while (System.nanoTime() - started < 3600e9) {
            try {
                // Health first: until caught up a store filled from empty has no listing indexes, and a page of it
                // would scan every fact (each such request left running after the client gave up)
                if (get(base + "/api/health").body().contains("\"caughtUp\":true")) {
                    HttpResponse<String> page = get(base + "/api/facts?limit=100");
                    if (page.statusCode() == 200 && page.body().contains("\"id\"")) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the web did not serve within an hour of its start");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> totals(String base) throws InterruptedException {
        try {
            HttpResponse<String> response = get(base + "/api/totals");
            return response.statusCode() == 200 ? Json.read(response.body().getBytes(), Map.class) : null;
        } catch (IOException notYet) {
            return null;
        }
    }

    /** The worst p99 of the given paths, each asked {@link #REQUESTS} times after a warm-up; each printed. */
    private Figure latency(String base, String name, String goal, String what, List<IntFunction<String>> paths)
            throws Exception {
        double worst = 0;
        for (IntFunction<String> path : paths) {
            for (int i = 0; i < 20; i++) {
                get(base + path.apply(i));
            }
            long[] nanos = new long[REQUESTS];
            for (int i = 0; i < REQUESTS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = get(base + path.apply(i));
                nanos[i] = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path.apply(i) + " answered " + response.statusCode());
                }
            }
            Arrays.sort(nanos);
            double p99 = nanos[(int) Math.ceil(REQUESTS * 0.99) - 1] / 1e6;
            progress.printf("soak: %-55s p50 %6.1f ms, p99 %6.1f ms, max %6.1f ms%n", path.apply(0),
                    nanos[REQUESTS / 2] / 1e6, p99, nanos[REQUESTS - 1] / 1e6);
            worst = Math.max(worst, p99);
        }
        return new Figure(name, worst, "ms", goal, what);
    }

    private HttpResponse<String> get(String uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The child's heap live after a full collection (jcmd) and its resident memory. */
    private List<Figure> memory(Process web, String prefix, String when) throws Exception {
        jcmd(web, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(web, "GC.heap_info"));
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info did not say how much heap is used");
        }
        double heap = Long.parseLong(used.group(1)) / 1024.0;
        String status = Files.readString(Path.of("/proc", Long.toString(web.pid()), "status"));
        Matcher rss = Pattern.compile("VmRSS:\\s+(\\d+) kB").matcher(status);
        if (!rss.find()) {
            throw new IllegalStateException("no VmRSS for the web's process");
        }
        double resident = Long.parseLong(rss.group(1)) / 1024.0;
        return List.of(
                new Figure(prefix + ".heap", heap, "MB", "< 256", "the web's heap live after a full collection, " + when),
                new Figure(prefix + ".rss", resident, "MB", "< 1024", "the web's resident memory (" + HEAP + "), " + when));
    }

    private static String jcmd(Process process, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), command)
                .redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        if (!run.waitFor(120, TimeUnit.SECONDS) || run.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
