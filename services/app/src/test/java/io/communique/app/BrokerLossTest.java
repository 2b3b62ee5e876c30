package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.broker.KafkaTestCluster;
import io.communique.model.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app on a real 3-node KRaft cluster (replication 3, min.insync.replicas 2): one broker lost during an
 * ingest burst, then all of Kafka, then Kafka back. Figures go to stdout for docs/performance.md, "Fault-injection
 * tests".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class BrokerLossTest {
    /**
     * What a write may take with Kafka away: the producer's delivery timeout (8 s) plus slack for a loaded CI machine.
     * Most writes are answered at once, as soon as the health check has noticed.
     */
    private static final Duration WRITE_BOUND = Duration.ofSeconds(15);

    @TempDir
    static Path tmp;
    static KafkaTestCluster cluster;
    static Communique app;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        cluster = KafkaTestCluster.start(tmp.resolve("kafka"), 3);
        AppConfig config = AppConfig.fromEnv(Map.of("WRITES_PER_MINUTE", "0", // the burst comes from one address
                        "VIEW_RECENT", Integer.toString(Views.EVERY_FACT)))
                .with(0, tmp.resolve("data"), tmp.resolve("no-seeds"), cluster.bootstrapServers(), 0);
        app = Communique.start(config);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void noAcknowledgedFactIsLostWhenABrokerStopsDuringAnIngestBurstAndTheAppKeepsServing() throws Exception {
        ReportBurst burst = ReportBurst.start(http, app.httpPort(), app.apiToken(), ReportBurst.numbers(0, 200), 4);
        Await.until("40 reports acknowledged before the broker loss", Duration.ofSeconds(60),
                () -> burst.acknowledged() >= 40);
        int acknowledgedBeforeLoss = burst.acknowledged();
        cluster.stopNode(2);
        List<ReportBurst.Ack> acks = burst.await(Duration.ofSeconds(120));
        System.out.printf("BrokerLossTest: node 2 stopped after %d acknowledged reports; statuses %s%n",
                acknowledgedBeforeLoss, burst.statuses());

        assertThat(acks).as("reports acknowledged after the broker loss").hasSizeGreaterThan(acknowledgedBeforeLoss);
        assertThat(acks).allSatisfy(ack -> assertThat(ack.factIds()).as("facts of report %d", ack.report()).isNotEmpty());
        assertThat(burst.statuses().keySet()).as("every report got 202 or 503 (never a hang, never a 500)")
                .isSubsetOf(202, 503);
        long healthy = Await.until("health 200 with one broker down", Duration.ofSeconds(30),
                () -> get("/api/health").statusCode() == 200);
        List<String> acknowledged = acks.stream().flatMap(ack -> ack.factIds().stream()).toList();
        long complete;
        try {
            complete = Await.until("every acknowledged fact in the country views", Duration.ofSeconds(60),
                    () -> Views.factOccurrences(Views.served(http, app.httpPort())).keySet().containsAll(acknowledged));
        } catch (AssertionError timedOut) {
            assertThat(Views.factOccurrences(Views.served(http, app.httpPort())).keySet())
                    .as("acknowledged facts in the views after 60 s").containsAll(acknowledged); // names the lost ones
            throw timedOut;
        }
        Await.until("the views equal a rebuild from the fact log", Duration.ofSeconds(60),
                () -> Views.differences(Views.served(http, app.httpPort()), Views.rebuilt(cluster.bootstrapServers())).isEmpty());
        Map<String, Views.Bytes> views = Views.served(http, app.httpPort());
        assertThat(Views.doubled(views)).as("facts counted twice").isZero();
        assertThat(factIds(get("/api/facts?country=CN&limit=1000"))).containsAll(acknowledged);
        System.out.printf("BrokerLossTest: one broker down: %d reports acknowledged, %d facts, 0 lost; "
                + "health 200 after %d ms, views complete after %d ms more%n", acks.size(), acknowledged.size(), healthy, complete);

        cluster.startNode(2);
    }

    @Test
    @Order(2)
    void withKafkaUnreachableWritesAnswer503PromptlyReadsKeepServingAndEverythingRecoversByItself() throws Exception {
        Await.until("health 200 with all brokers up", Duration.ofSeconds(30), () -> get("/api/health").statusCode() == 200);
        Map<String, Views.Bytes> before = Views.served(http, app.httpPort());
        assertThat(before).isNotEmpty();

        cluster.stopAll();
        CompletableFuture<Long> healthDown = CompletableFuture.supplyAsync(() -> measure(
                () -> Await.until("health 503 with Kafka away", Duration.ofSeconds(30),
                        () -> get("/api/health").statusCode() == 503)));

        long started = System.nanoTime();
        HttpResponse<String> refused = post(ReportBurst.report(10_000));
        long writeMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(Duration.ofMillis(writeMs)).as("time to answer a write with Kafka away").isLessThan(WRITE_BOUND);

        long healthDownMs = healthDown.get(60, TimeUnit.SECONDS);
        JsonNode health = Json.MAPPER.readTree(get("/api/health").body());
        assertThat(health.get("status").asText()).isEqualTo("DOWN");
        assertThat(health.get("reason").asText()).containsIgnoringCase("kafka");

        assertThat(Views.served(http, app.httpPort())).as("reads serve the last views").isEqualTo(before);

        long restarting = System.nanoTime();
        cluster.startAll();
        long kafkaBackMs = (System.nanoTime() - restarting) / 1_000_000;
        long healthUpMs = Await.until("health 200 once Kafka is back", Duration.ofSeconds(60),
                () -> get("/api/health").statusCode() == 200);
        HttpResponse<String> accepted = post(ReportBurst.report(10_001));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        List<String> newFacts = factIds(accepted);
        assertThat(newFacts).isNotEmpty();
        Await.until("the new report's facts in the views", Duration.ofSeconds(30),
                () -> Views.factOccurrences(Views.served(http, app.httpPort())).keySet().containsAll(newFacts));
        long recoveredMs = (System.nanoTime() - restarting) / 1_000_000 - kafkaBackMs;
        System.out.printf("BrokerLossTest: Kafka away: write answered 503 in %d ms, health 503 after %d ms; "
                + "Kafka back (its 3 nodes restarted in %d ms): app health 200 %d ms later, "
                + "a new report in the views %d ms later%n", writeMs, healthDownMs, kafkaBackMs, healthUpMs, recoveredMs);
    }

    /** Runs a measurement on another thread, rethrowing what it throws. */
    private static long measure(Callable<Long> measurement) {
        try {
            return measurement.call();
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String report) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/documents"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .header("Authorization", "Bearer " + app.apiToken())
                        .POST(HttpRequest.BodyPublishers.ofString(report, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The ids of a 202 reply's facts, or of a fact listing. */
    private static List<String> factIds(HttpResponse<String> response) throws Exception {
        JsonNode json = Json.MAPPER.readTree(response.body());
        JsonNode facts = json.isArray() ? json : json.get("facts");
        return StreamSupport.stream(facts.spliterator(), false)
                .map(fact -> fact.isTextual() ? fact.asText() : fact.get("id").asText()).toList();
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.httpPort() + path);
    }
}
