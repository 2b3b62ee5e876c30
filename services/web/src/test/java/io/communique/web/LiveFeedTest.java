package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.CloudEvents;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static io.communique.testing.TopicChecks.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live feed on a real broker, web verticle and WebSockets under a burst of thousands of facts: a dashboard gets a
 * few bounded updates a second that count what they leave out; a {@code mode=all} client gets every fact.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LiveFeedTest {
    private static final int BURST = 3000;
    /** The most update bytes per slim fact listed, and for the rest of the message. */
    private static final int SLIM_FACT_BYTES = 1024;
    private static final int UPDATE_OVERHEAD_BYTES = 256;
    @RegisterExtension
    static final RunningWeb running = new RunningWeb();
    private static Vertx clients;

    /** An update as it arrived. */
    private record Arrived(long nanos, String text) {
    }

    @BeforeAll
    static void start() {
        clients = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        RunningWeb.await(clients.close());
    }

    @Test
    void aDashboardGetsAFewBoundedUpdatesASecondCountingTheOmittedFactsWhileModeAllGetsEveryFact() throws Exception {
        WebSocketClient client = clients.createWebSocketClient(new WebSocketClientOptions().setMaxMessageSize(16 * 1024 * 1024));
        Queue<Arrived> updates = new ConcurrentLinkedQueue<>();
        Set<String> everyFact = ConcurrentHashMap.newKeySet();
        Set<String> snapshots = ConcurrentHashMap.newKeySet();
        TestSockets.connect(client, running.web.port(), "/ws", text -> {
            if (text.startsWith("{\"type\":\"update\"")) {
                updates.add(new Arrived(System.nanoTime(), text));
            } else if (text.contains("\"type\":\"snapshot\"")) {
                snapshots.add("updates");
            }
        });
        TestSockets.connect(client, running.web.port(), "/ws?mode=all", text -> {
            JsonNode message = Json.read(text, JsonNode.class);
            switch (message.get("type").asText()) {
                case "facts" -> message.get("facts").forEach(fact -> everyFact.add(fact.get("id").asText()));
                case "snapshot" -> snapshots.add("all");
                case "update" -> throw new AssertionError("a mode=all client got an update");
                default -> { }
            }
        });
        awaitTrue("both snapshots", 30, () -> snapshots.size() == 2);
        List<Fact> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(UpdatesFeedTest.fact("burst", i, "burst " + i));
        }

        running.publish(burst, CloudEvents.FACT_TYPE);

        awaitTrue("every fact to the mode=all client", 60, () -> everyFact.size() == BURST);
        awaitTrue("every fact listed or counted in an update", 60, () -> listedAndOmitted(updates) == BURST);
        List<Arrived> arrived = List.copyOf(updates);
        LivePace pace = LivePace.DEFAULT;
        int omitted = 0;
        for (Arrived update : arrived) {
            JsonNode message = Json.read(update.text(), JsonNode.class);
            assertThat(message.get("facts").size()).isLessThanOrEqualTo(pace.maxFacts());
            assertThat(update.text().length()).isLessThanOrEqualTo(UPDATE_OVERHEAD_BYTES + pace.maxFacts() * SLIM_FACT_BYTES);
            omitted += message.get("omitted").get("facts").asInt();
        }
        assertThat(omitted).as("facts left out of the updates, counted").isGreaterThan(0);
        assertThat(everyFact).containsAll(burst.stream().map(Fact::id).toList());
        // At most one update per interval leaves the server; arrivals may bunch a little on a loaded machine.
        long perSecond = 1000 / pace.intervalMs();
        assertThat((long) mostInOneSecond(arrived)).as("updates in any one second").isLessThanOrEqualTo(perSecond + 2);
        long spanMs = (arrived.get(arrived.size() - 1).nanos() - arrived.get(0).nanos()) / 1_000_000;
        assertThat((long) arrived.size()).as("updates in %d ms", spanMs).isLessThanOrEqualTo(spanMs / pace.intervalMs() + 2);
        System.out.printf("%d facts: %d updates over %d ms (at most %d in one second), %d facts omitted, largest %d"
                        + " bytes%n", BURST, arrived.size(), spanMs, mostInOneSecond(arrived), omitted,
                arrived.stream().mapToInt(update -> update.text().length()).max().orElse(0));
        JsonNode last = Json.read(arrived.get(arrived.size() - 1).text(), JsonNode.class);
        assertThat(last.get("factTotal").asInt()).isEqualTo(BURST);
    }

    private static int listedAndOmitted(Queue<Arrived> updates) {
        int total = 0;
        for (Arrived update : updates) {
            JsonNode message = Json.read(update.text(), JsonNode.class);
            total += message.get("facts").size() + message.get("omitted").get("facts").asInt();
        }
        return total;
    }

    private static int mostInOneSecond(List<Arrived> arrived) {
        int most = 0;
        for (int first = 0, last = 0; last < arrived.size(); last++) {
            while (arrived.get(last).nanos() - arrived.get(first).nanos() >= TimeUnit.SECONDS.toNanos(1)) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    @Test
    void aModeThatIsNeitherUpdatesNorAllIsRefusedBeforeTheUpgrade() throws Exception {
        assertThat(RawHttp.upgrade(running.web.port(), "127.0.0.1:" + running.web.port(), "/ws?mode=every").status())
                .isEqualTo(400);
        assertThat(RawHttp.upgrade(running.web.port(), "127.0.0.1:" + running.web.port(), "/ws?mode=all").status())
                .isEqualTo(101);
    }
}
