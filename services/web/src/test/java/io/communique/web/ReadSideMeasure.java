package io.communique.web;

import io.communique.model.Document;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A one-off measurement, not a test: loads N facts (about 1 KB each) and N/3 documents into the web's read side, then
 * prints the heap still live after a full GC and the latency of {@code /api/facts} pages and {@code /api/documents/{id}}
 * over real HTTP. Run: {@code java -Xmx2g -cp <test classpath> io.communique.web.ReadSideMeasure 300000 [dir]}.
 */
public final class ReadSideMeasure {
    private ReadSideMeasure() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("communique-measure");
        long heapBefore = liveHeap();
        long started = System.nanoTime();
        long cpuStarted = processCpuNanos();
        long sliceStarted = started, sliceCpu = cpuStarted;
        LiveState state = new LiveState(FactStore.open(dir, 32));
        String evidence = "中".repeat(300);
        List<String> documentIds = new ArrayList<>();
        List<FactStore.Input> batch = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Fact fact = FactExportTest.fact(i, evidence + i);
            batch.add(new FactStore.Input(Topics.FACTS, i % 3, i / 3, Json.bytes(fact), null));
            if (i % 3 == 0) {
                Document document = new Document(fact.documentId(), "国家主席习近平".repeat(100) + i, "test", null, "zh",
                        "2017-01-01", "2017-01-01T00:00:00Z");
                batch.add(new FactStore.Input(Topics.DOCUMENTS, 0, i / 3, Json.bytes(document), null));
                documentIds.add(document.id());
            }
            if (batch.size() >= 500 || i == n - 1) { // as the web's followers write: a poll's batch per transaction
                state.store().apply(batch).forEach(state::taken);
                batch.clear();
            }
            if ((i + 1) % (n / 10) == 0) { // the rate of each tenth: the later ones are past the JIT's warm-up
                long now = System.nanoTime(), cpu = processCpuNanos();
                System.out.printf("  %d facts: this tenth %.0f facts/s, %.0f facts per CPU s%n", i + 1,
                        n / 10 / ((now - sliceStarted) / 1e9), n / 10 / ((cpu - sliceCpu) / 1e9));
                sliceStarted = now;
                sliceCpu = cpu;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStarted) / 1e9;
        System.out.printf("loaded %d facts and %d documents in %.1f s (%.0f facts/s), %.1f CPU s (%.0f facts per CPU s)%n",
                n, documentIds.size(), seconds, n / seconds, cpuSeconds, n / cpuSeconds);
        long indexing = System.nanoTime(), indexingCpu = processCpuNanos();
        state.store().caughtUp(); // as the web does once its followers have caught up
        System.out.printf("listing indexes built in %.1f s, %.1f CPU s%n", (System.nanoTime() - indexing) / 1e9,
                (processCpuNanos() - indexingCpu) / 1e9);
        System.out.printf("heap live after GC: %d MB (before loading: %d MB)%n", liveHeap() >> 20, heapBefore >> 20);
        Vertx vertx = Vertx.vertx();
        HttpServer server = ApiTest.serve(vertx, state, ApiTest.options(0));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Random random = new Random(1);
        String base = "http://127.0.0.1:" + server.actualPort();
        measure(http, "first page /api/facts?limit=100", 300, () -> base + "/api/facts?limit=100");
        measure(http, "country page /api/facts?country=EG&limit=100&offset=0..900", 300,
                () -> base + "/api/facts?country=EG&limit=100&offset=" + random.nextInt(10) * 100);
        measure(http, "type+since page /api/facts?type=TALKS&since=2017-06-01&limit=100", 300,
                () -> base + "/api/facts?type=TALKS&since=2017-06-01&limit=100");
        measure(http, "deepest offset /api/facts?limit=100&offset=" + FactRoutes.MAX_OFFSET, 300,
                () -> base + "/api/facts?limit=100&offset=" + FactRoutes.MAX_OFFSET);
        // Where a client paging by key stands halfway through: the key of the fact before the middle.
        String middle = FactPageKey.of(state.facts(io.communique.model.FactQuery.ALL, n / 2 - 1, 1).get(0)).toString();
        measure(http, "deep page by key /api/facts?limit=100&after=<the N/2-th>", 300,
                () -> base + "/api/facts?limit=100&after=" + middle);
        measure(http, "document /api/documents/{id}", 300,
                () -> base + "/api/documents/" + documentIds.get(random.nextInt(documentIds.size())));
        System.out.printf("heap live after GC, serving: %d MB%n", liveHeap() >> 20);
        vertx.close().toCompletionStage().toCompletableFuture().get();
        state.store().close();
        long files = 0;
        try (var paths = Files.list(dir)) {
            files = paths.mapToLong(path -> path.toFile().length()).sum();
        }
        System.out.printf("store on disk: %d MB (%d bytes per fact with its documents)%n", files >> 20, files / n);
        long reopening = System.nanoTime();
        LiveState reopened = new LiveState(FactStore.open(dir, 32));
        List<Fact> page = reopened.facts(io.communique.model.FactQuery.ALL, 0, 100);
        System.out.printf("reopened: %d facts, first page of %d in %.0f ms after opening; heap live after GC %d MB%n",
                reopened.store().factCount(), page.size(), (System.nanoTime() - reopening) / 1e6, liveHeap() >> 20);
        reopened.store().close();
        System.exit(0);
    }

    private static void measure(HttpClient http, String what, int times, java.util.function.Supplier<String> uri)
            throws Exception {
        for (int i = 0; i < 20; i++) { // warm-up
            http.send(HttpRequest.newBuilder(URI.create(uri.get())).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(uri.get())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            nanos[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(what + ": " + response.statusCode());
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%-70s p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", what, nanos[times / 2] / 1e6,
                nanos[(int) Math.ceil(times * 0.99) - 1] / 1e6, nanos[times - 1] / 1e6);
    }

    /** The process's CPU time (every thread, H2's background writer too): load-independent, unlike wall time. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
