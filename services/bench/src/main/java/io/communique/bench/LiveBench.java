package io.communique.bench;

import io.communique.extract.Extractor;
import io.communique.model.Document;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketFrame;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code e2e.p50}, {@code e2e.p99}, {@code fanout.msgs}, {@code update.p99}, {@code dashboard.bytes},
 * {@code kafka.e2e.p99} and the resident memory: the whole app in a process of its own ({@link AppProcess}), reports
 * posted to {@code POST /api/documents} at a steady rate (open loop: a slow answer does not slow the sender down)
 * while many WebSocket clients, in this process, are connected. Every client counts its messages. A few "probe"
 * clients open {@code /ws?mode=all} and time every fact from the moment its report was posted; all others are
 * dashboards ({@code /ws}: coalesced updates), of which as many time the facts their updates list. Meanwhile
 * {@link KafkaLatency} times records through the same broker, the reference for {@code e2e.p99}.
 */
final class LiveBench {
    private static final String HOST = "127.0.0.1";
    /** Probe clients at most; half the clients when fewer than 40 connect, so that dashboards are measured too. */
    private static final int PROBES = 20;
    private static final long TICK_MS = 5;
    private static final double DRAIN_S = 10;
    private static final byte[] FACTS_MESSAGE = "{\"type\":\"facts\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UPDATE_MESSAGE = "{\"type\":\"update\"".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VIEW_MESSAGE = "{\"type\":\"view\"".getBytes(StandardCharsets.UTF_8);
    /** How every fact's JSON starts: its id, then its document's. */
    private static final String FACT_ID = "{\"id\":\"";
    private static final String DOCUMENT_ID = "\",\"documentId\":\"";

    /** A report to post, with the number of facts the app will extract from it (extraction is deterministic). */
    private record Planned(Document report, int facts) {
    }

    /** When a report was posted, and whether it counts. */
    private record Sent(long at, Planned planned, boolean measured) {
    }

    private final Vertx vertx;
    private final Sizes sizes;
    private final int probes;
    private final PrintStream progress;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final LongAdder messages = new LongAdder();
    private final LongAdder views = new LongAdder();
    private final LongAdder bytes = new LongAdder();
    private final LongAdder dashboardMessages = new LongAdder();
    private final LongAdder dashboardBytes = new LongAdder();
    private final LongAdder postFailures = new LongAdder();
    private final LongAdder answered = new LongAdder();
    /** Clients closed before the end, by close status and reason: who dropped them, and why. */
    private final Map<String, Integer> closedClients = new ConcurrentHashMap<>();
    /** Errors the clients met (a frame too large, a reset connection), by kind. */
    private final Map<String, Integer> clientErrors = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    /** Post to a dashboard's update listing the fact (facts an update leaves out are not timed). */
    private final List<Long> updateLatencies = new ArrayList<>();
    /** Probe and fact id of every timed delivery: a fact sent again (a re-delivery) is timed once. */
    private final Set<String> timed = ConcurrentHashMap.newKeySet();
    private volatile boolean measuring;
    /** Set once the test is over: requests still open then fail because the bench closes, not the app. */
    private volatile boolean closing;

    private LiveBench(Vertx vertx, Sizes sizes, PrintStream progress) {
        this.vertx = vertx;
        this.sizes = sizes;
        this.probes = Math.min(PROBES, Math.max(1, sizes.clients() / 2));
        this.progress = progress;
    }

    /**
     * Plans the reports, then starts the app and measures; this process's memory peak is reset in between, so that the
     * bench's own extraction of the reports it will post is not counted as the clients'.
     *
     * @param appEnv    the app's configuration, added to the environment it inherits
     * @param bootstrap the broker the app uses, which the reference latency is measured on
     */
    static List<Figure> run(Vertx vertx, Map<String, String> appEnv, String bootstrap, boolean embeddedBroker,
                            Path appLog, Sizes sizes, PrintStream progress) throws Exception {
        LiveBench bench = new LiveBench(vertx, sizes, progress);
        double warmUp = Math.max(2, sizes.e2eSeconds() / 5.0);
        progress.println("e2e: extracting the reports to post (the bench's work, before the app starts)");
        List<Planned> plan = bench.plan(warmUp + sizes.e2eSeconds());
        Memory.resetPeak(progress);
        List<Figure> figures = new ArrayList<>();
        progress.println("e2e: starting the app");
        try (KafkaLatency kafka = KafkaLatency.start(bootstrap);
             AppProcess app = AppProcess.start(appEnv, appLog, progress)) {
            figures.addAll(bench.measure(app.port(), "Bearer " + appEnv.get("API_TOKEN"), plan, warmUp, kafka));
            figures.add(Memory.app(app.pid()));
        }
        figures.add(Memory.clients(embeddedBroker));
        return figures;
    }

    private List<Figure> measure(int port, String authorization, List<Planned> plan, double warmUp, KafkaLatency kafka)
            throws Exception {
        double reportsPerSecond = plan.size() / (warmUp + sizes.e2eSeconds());
        List<WebSocket> sockets = connect(port);
        HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(HOST).setDefaultPort(port),
                // Enough connections that a slow answer never holds a post back: the load stays open loop.
                new PoolOptions().setHttp1MaxSize(512));
        try {
            progress.printf("e2e: %d clients connected; posting %.0f reports/s (%d facts/s), %.0f s warm-up, %d s measured%n",
                    sockets.size(), reportsPerSecond, sizes.factsPerSecond(), warmUp, sizes.e2eSeconds());
            Iterator<Planned> reports = plan.iterator();
            post(http, authorization, reports, reportsPerSecond, warmUp, false);
            awaitFirstMessage();
            measuring = true;
            kafka.measuring(true);
            long messagesBefore = messages.sum();
            long viewsBefore = views.sum();
            long bytesBefore = bytes.sum();
            long dashboardMessagesBefore = dashboardMessages.sum();
            long dashboardBytesBefore = dashboardBytes.sum();
            long start = System.nanoTime();
            int posted = post(http, authorization, reports, reportsPerSecond, sizes.e2eSeconds(), true);
            double seconds = (System.nanoTime() - start) / 1e9;
            kafka.measuring(false);
            double fanout = (messages.sum() - messagesBefore) / seconds;
            progress.printf("e2e: clients received %.0f messages/s (%.0f of them views), %.1f MB/s%n", fanout,
                    (views.sum() - viewsBefore) / seconds, (bytes.sum() - bytesBefore) / seconds / 1e6);
            int dashboards = Math.max(1, sockets.size() - probes);
            double dashboardRate = (dashboardMessages.sum() - dashboardMessagesBefore) / seconds / dashboards;
            double dashboardKilobytes = (dashboardBytes.sum() - dashboardBytesBefore) / seconds / dashboards / 1e3;
            progress.printf("e2e: each dashboard received %.1f messages/s, %.1f KB/s%n", dashboardRate, dashboardKilobytes);
            long expected = drain();
            measuring = false;
            long[] sorted = sortedLatencies(expected);
            progress.printf("e2e: %d reports posted in the measured time; %d of all answered 202, %d failed; %d of %d "
                            + "fact deliveries timed; %d clients dropped %s; client errors %s%n", posted, answered.sum(),
                    postFailures.sum(), latenciesSize(), expected,
                    closedClients.values().stream().mapToInt(Integer::intValue).sum(), closedClients, clientErrors);
            String setting = String.format("%d clients, %d facts/s", sockets.size(), sizes.factsPerSecond());
            long[] updates;
            synchronized (updateLatencies) {
                updates = updateLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
            }
            List<Figure> figures = new ArrayList<>(List.of(
                    new Figure("e2e.p50", percentile(sorted, 0.50), "ms", "", "POST to fact on a mode=all WebSocket, " + setting),
                    new Figure("e2e.p99", percentile(sorted, 0.99), "ms", "<= 250", "same" + lost(expected)),
                    new Figure("kafka.e2e.p99", percentile(kafka.sortedLatencies(), 0.99), "ms", "(reference)",
                            "produce to consume on the same broker meanwhile, the app's client settings, 100 records/s"),
                    new Figure("fanout.msgs", fanout, "msgs/s", "", "WebSocket messages delivered, " + setting),
                    new Figure("dashboard.bytes", dashboardKilobytes, "KB/s", "", String.format(
                            "per dashboard (%.1f messages/s), %s", dashboardRate, setting))));
            if (updates.length > 0) {
                figures.add(new Figure("update.p99", percentile(updates, 0.99), "ms", "",
                        String.format("POST to fact listed in a dashboard's update (%d timed)", updates.length)));
            }
            return figures;
        } finally {
            closing = true;
            sockets.forEach(WebSocket::close);
            http.close();
        }
    }

    /** Enough reports for the whole test at the rate, each with its fact count, extracted before the clock runs. */
    private List<Planned> plan(double seconds) {
        Reports reports = new Reports(23);
        Extractor extractor = new Extractor();
        List<Planned> plan = new ArrayList<>();
        long facts = 0;
        while (facts < seconds * sizes.factsPerSecond()) {
            Document report = reports.next();
            int count = extractor.extract(report).size();
            plan.add(new Planned(report, count));
            facts += count;
        }
        return plan;
    }

    private List<WebSocket> connect(int port) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(sizes.clients()));
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < sizes.clients(); i++) {
            int index = i;
            WebSocket socket = client.connect(port, HOST, index < probes ? "/ws?mode=all" : "/ws")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            // Frames, not text messages: clients count without decoding, so the bench spends its CPU on the app.
            socket.frameHandler(frame -> onFrame(frame, index));
            socket.exceptionHandler(error -> clientErrors.merge(String.valueOf(error), 1, Integer::sum));
            socket.closeHandler(v -> {
                if (!closing) {
                    closedClients.merge(socket.closeStatusCode() + " " + socket.closeReason(), 1, Integer::sum);
                }
            });
            sockets.add(socket);
        }
        return sockets;
    }

    private void onFrame(WebSocketFrame frame, int client) {
        if (frame.isText()) { // a message's first frame
            Buffer data = frame.binaryData();
            if (client < probes && measuring && startsWith(data, FACTS_MESSAGE)) {
                timeFacts(data.toString(StandardCharsets.UTF_8), client, latencies);
            } else if (client < 2 * probes && measuring && startsWith(data, UPDATE_MESSAGE)) {
                timeFacts(data.toString(StandardCharsets.UTF_8), client, updateLatencies);
            } else if (startsWith(data, VIEW_MESSAGE)) {
                views.increment();
            }
        }
        if (frame.isText() || frame.isContinuation()) {
            bytes.add(frame.binaryData().length());
            if (client >= probes) {
                dashboardBytes.add(frame.binaryData().length());
            }
            if (frame.isFinal()) {
                messages.increment();
                if (client >= probes) {
                    dashboardMessages.increment();
                }
            }
        }
    }

    private static boolean startsWith(Buffer data, byte[] prefix) {
        if (data.length() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data.getByte(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Times every fact of a {@code facts} or {@code update} message (one frame: the server keeps them within one) into
     * {@code into}. Scanning for the facts' first two keys (whole and slim facts start alike) instead of parsing keeps
     * the probes' CPU off the app's.
     */
    private void timeFacts(String message, int probe, List<Long> into) {
        long now = System.nanoTime();
        for (int at = message.indexOf(FACT_ID); at >= 0; at = message.indexOf(FACT_ID, at + 1)) {
            int idStart = at + FACT_ID.length();
            int idEnd = message.indexOf('"', idStart);
            if (!message.startsWith(DOCUMENT_ID, idEnd)) {
                continue; // an object with an id that is not a fact
            }
            int documentStart = idEnd + DOCUMENT_ID.length();
            String documentId = message.substring(documentStart, message.indexOf('"', documentStart));
            Sent report = sent.get(documentId);
            if (report != null && report.measured() && timed.add(probe + "/" + message.substring(idStart, idEnd))) {
                synchronized (into) {
                    into.add(now - report.at());
                }
            }
        }
    }

    /** Posts reports at the rate for the time given; returns how many it posted. */
    private int post(HttpClientAgent http, String authorization, Iterator<Planned> reports, double perSecond,
                     double seconds, boolean measured) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int posted = 0;
        for (long now = start; now < end && reports.hasNext(); now = System.nanoTime()) {
            long due = (long) ((now - start) / 1e9 * perSecond);
            for (; posted < due && reports.hasNext(); posted++) {
                post(http, authorization, reports.next(), measured);
            }
            Thread.sleep(TICK_MS);
        }
        return posted;
    }

    private void post(HttpClientAgent http, String authorization, Planned planned, boolean measured) {
        Document report = planned.report();
        sent.put(report.id(), new Sent(System.nanoTime(), planned, measured));
        http.request(HttpMethod.POST, documentsUri(report))
                .compose(request -> request.putHeader("Content-Type", "text/plain; charset=utf-8")
                        .putHeader("Authorization", authorization)
                        .send(Buffer.buffer(report.text())))
                .compose(response -> response.statusCode() == 202 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .onSuccess(body -> answered.increment())
                .onFailure(error -> {
                    if (closing) {
                        return;
                    }
                    if (postFailures.sum() == 0) {
                        progress.println("e2e: a post failed: " + error.getMessage());
                    }
                    postFailures.increment();
                });
    }

    /**
     * Where a report is posted: with its language and publication date, as the plan extracted it, so that the app
     * finds the same facts the plan counted (without the date, relative dates resolve otherwise).
     */
    private static String documentsUri(Document report) {
        return "/api/documents?language=" + URLEncoder.encode(report.language(), StandardCharsets.UTF_8)
                + "&published=" + URLEncoder.encode(report.published(), StandardCharsets.UTF_8);
    }

    /**
     * Waits, up to the drain time, until a client has had a message: the app's JVM is its own and starts cold, and on
     * a loaded machine its first facts may take longer than the warm-up; the measured time starts with a live app.
     */
    private void awaitFirstMessage() throws InterruptedException {
        long deadline = System.nanoTime() + (long) (DRAIN_S * 1e9);
        while (messages.sum() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Waits until every fact of the measured reports reached every probe, or the drain time is up; returns how many were expected. */
    private long drain() throws InterruptedException {
        long expected = probes * sent.values().stream()
                .filter(Sent::measured).mapToLong(report -> report.planned().facts()).sum();
        long deadline = System.nanoTime() + (long) (DRAIN_S * 1e9);
        while (latenciesSize() < expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return expected;
    }

    private int latenciesSize() {
        synchronized (latencies) {
            return latencies.size();
        }
    }

    /** Latencies, sorted; a delivery that never came counts as the longest wait the test allows, never as a gain. */
    private long[] sortedLatencies(long expected) {
        synchronized (latencies) {
            long missing = Math.max(0, expected - latencies.size());
            long[] all = new long[(int) (latencies.size() + missing)];
            for (int i = 0; i < latencies.size(); i++) {
                all[i] = latencies.get(i);
            }
            Arrays.fill(all, latencies.size(), all.length, (long) (DRAIN_S * 1e9) + TimeUnit.SECONDS.toNanos(sizes.e2eSeconds()));
            Arrays.sort(all);
            return all;
        }
    }

    private String lost(long expected) {
        long missing = expected - latenciesSize();
        return missing > 0 ? String.format(" (%d of %d deliveries never arrived)", missing, expected) : "";
    }

    private static double percentile(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            throw new IllegalStateException("nothing was timed: no fact reached a client, or no record a consumer");
        }
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
