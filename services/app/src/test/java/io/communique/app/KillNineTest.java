package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;
import io.communique.testing.TestHttp;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app as a user runs it, in a child JVM with its embedded broker, killed with SIGKILL in the middle of a burst of
 * reports, several times, and restarted on the same DATA_DIR. After every restart each acknowledged report must be in
 * the views exactly once, and the views must equal a clean rebuild from the fact log. Totals go to stdout for
 * docs/performance.md.
 */
@Timeout(value = 600, unit = TimeUnit.SECONDS) // a bound against hangs; about 2 minutes on an idle machine
class KillNineTest {
    private static final int RUNS = 3;
    private static final int REPORTS_PER_BURST = 1000;
    private static final int CLIENTS = 8;
    private static final String TOKEN = UUID.randomUUID().toString();

    @TempDir
    Path tmp;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private Child child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null) {
            child.kill();
        }
    }

    @Test
    void everyAcknowledgedReportSurvivesSigkillMidBurstExactlyOnceAndTheViewsEqualACleanRebuild() throws Exception {
        Path dataDir = tmp.resolve("data");
        List<ReportBurst.Ack> acknowledged = new ArrayList<>();
        int resent = 0;
        child = Child.launch(tmp, dataDir, 0);
        child.awaitHealthy(http);

        for (int run = 1; run <= RUNS; run++) {
            // Kill at a different point of each burst: after 30 %, 50 %, 70 % of it was acknowledged.
            int killAfter = REPORTS_PER_BURST * (1 + 2 * run) / 10;
            ReportBurst burst = ReportBurst.start(http, child.httpPort, TOKEN,
                    ReportBurst.numbers((run - 1) * REPORTS_PER_BURST, REPORTS_PER_BURST), CLIENTS);
            Await.until(killAfter + " reports acknowledged in run " + run, Duration.ofSeconds(90),
                    () -> burst.acknowledged() >= killAfter || !child.process.isAlive());
            assertThat(child.process.isAlive()).as("the app died by itself; its log: %s", child.logTail()).isTrue();
            child.kill();
            List<ReportBurst.Ack> acks = burst.await(Duration.ofSeconds(60));
            acknowledged.addAll(acks);
            assertThat(acks).allSatisfy(ack -> assertThat(ack.factIds()).as("facts of report %d", ack.report()).isNotEmpty());

            long restarting = System.nanoTime();
            child = Child.launch(tmp, dataDir, run); // assigned first, so that @AfterEach kills it whatever happens
            child.awaitHealthy(http);
            long restartMs = (System.nanoTime() - restarting) / 1_000_000;
            // A client whose request was cut off sends it again: its records may be half in Kafka already.
            ReportBurst retry = ReportBurst.start(http, child.httpPort, TOKEN, burst.cutOff(), CLIENTS);
            List<ReportBurst.Ack> retried = retry.await(Duration.ofSeconds(60));
            assertThat(retried).as("re-sent reports acknowledged (%s)", retry.statuses()).hasSameSizeAs(burst.cutOff());
            acknowledged.addAll(retried);
            resent += retried.size();
            Check check = Check.after(http, child, acknowledged);
            System.out.printf("KillNineTest: run %d: killed after %d acknowledged (%s), healthy again in %d ms, "
                    + "%d cut-off reports re-sent, views complete and equal to a rebuild %d ms later; "
                    + "lost %d, doubled %d%n", run, acks.size(), burst.statuses(), restartMs, retried.size(),
                    check.settledMs, check.lost, check.doubled);

            assertThat(check.lost).as("acknowledged facts missing from the views after run %d", run).isZero();
            assertThat(check.doubled).as("facts counted twice after run %d", run).isZero();
            assertThat(check.differences).as("views that differ from a clean rebuild after run %d", run).isEmpty();
        }
        long facts = acknowledged.stream().mapToLong(ack -> ack.factIds().size()).sum();
        System.out.printf("KillNineTest totals: runs %d, distinct reports sent %d, acknowledged reports %d (%d facts; "
                + "%d of them re-sent after being cut off by the kill), lost 0, doubled 0%n",
                RUNS, RUNS * REPORTS_PER_BURST, acknowledged.size(), facts, resent);
    }

    /** What the app serves after a restart, checked against the acknowledgements and a rebuild from the fact log. */
    private record Check(long lost, long doubled, Set<String> differences, long settledMs) {

        /** Waits (bounded) until the views hold every acknowledged fact and equal a rebuild, then counts what is wrong. */
        static Check after(HttpClient http, Child child, List<ReportBurst.Ack> acks) throws Exception {
            Set<String> acknowledged = new HashSet<>();
            acks.forEach(ack -> acknowledged.addAll(ack.factIds()));
            String bootstrap = Json.MAPPER.readTree(Views.get(http, child.httpPort, "/api/health").body()).get("kafka").asText();
            long started = System.nanoTime();
            AtomicReference<Check> last = new AtomicReference<>();
            try {
                Awaitility.await("the views settled after the restart").atMost(Duration.ofSeconds(60))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                            Map<String, Views.Bytes> served = Views.served(http, child.httpPort);
                            Set<String> present = Views.factOccurrences(served).keySet();
                            Set<String> differences = Views.differences(served, Views.rebuilt(bootstrap));
                            long lost = acknowledged.stream().filter(id -> !present.contains(id)).count();
                            long doubled = Views.doubled(served) + repeatedIds(http, child.httpPort);
                            last.set(new Check(lost, doubled, differences, (System.nanoTime() - started) / 1_000_000));
                            return lost == 0 && differences.isEmpty();
                        });
            } catch (ConditionTimeoutException e) {
                // Not settled within the bound: the last check says what is wrong, and the test fails on it.
            }
            return last.get();
        }

        /** Fact ids listed more than once by /api/facts (its latest 1000). */
        private static long repeatedIds(HttpClient http, int port) throws Exception {
            JsonNode facts = Json.MAPPER.readTree(Views.get(http, port, "/api/facts?limit=1000").body());
            Set<String> ids = new HashSet<>();
            long repeated = 0;
            for (JsonNode fact : facts) {
                if (!ids.add(fact.get("id").asText())) {
                    repeated++;
                }
            }
            return repeated;
        }
    }

    /** {@code java -cp <this test's classpath> io.communique.app.Main}, configured by environment as a user would. */
    private static final class Child {
        final Process process;
        final int httpPort;
        final Path log;

        private Child(Process process, int httpPort, Path log) {
            this.process = process;
            this.httpPort = httpPort;
            this.log = log;
        }

        /** Starts the app on dataDir; see {@link #awaitHealthy}. */
        static Child launch(Path tmp, Path dataDir, int generation) throws IOException {
            int httpPort = TestHttp.freePort();
            Path log = tmp.resolve("app-" + generation + ".log");
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("KAFKA_")); // the embedded broker, whatever the CI sets
            env.putAll(Views.LIST_EVERY_FACT);
            env.putAll(Map.of(
                    "HTTP_HOST", "127.0.0.1",
                    "HTTP_PORT", String.valueOf(httpPort),
                    "EMBEDDED_KAFKA_PORT", "0",
                    "DATA_DIR", dataDir.toString(),
                    "SEEDS_DIR", tmp.resolve("no-seeds").toString(),
                    "API_TOKEN", TOKEN,
                    "WRITES_PER_MINUTE", "0", // the burst comes from one address
                    // A killed app leaves its consumer-group member behind; the restarted one gets the partitions
                    // once that member's session expires (10 s in the app): the least Kafka allows keeps runs short.
                    "KAFKA_SESSION_TIMEOUT_MS", "6000"));
            Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // Should this test JVM itself be stopped (a build timeout), the app must not outlive it.
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "kill-app-" + generation));
            return new Child(process, httpPort, log);
        }

        /** Returns once /api/health answers 200; fails with the end of the app's log when it does not. */
        void awaitHealthy(HttpClient http) throws Exception {
            try {
                Await.until("the app healthy in a child JVM", Duration.ofSeconds(180), () -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("the app exited with " + process.exitValue());
                    }
                    return Views.get(http, httpPort, "/api/health").statusCode() == 200;
                });
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; its log ends with:\n" + logTail(), e);
            }
        }

        /** SIGKILL (destroyForcibly on Linux): no shutdown hook, no flush, no orderly broker stop. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }
    }
}
