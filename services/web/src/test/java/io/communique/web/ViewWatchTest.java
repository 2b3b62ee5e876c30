package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A changed view goes whole to the clients watching it and as a count to the others, over a real WebSocket. */
class ViewWatchTest {
    private static final String WHOLE = "{\"type\":\"view\",\"kind\":\"country\",\"key\":\"RU\",\"view\":{\"factCount\":3}}";
    private static final String COUNTS = "{\"type\":\"counts\",\"counts\":[{\"kind\":\"country\",\"key\":\"RU\",\"factCount\":3}]}";
    @RegisterExtension
    final SocketServer web = new SocketServer(64 * 1024, new HttpServerOptions());

    @Test
    void theWatchingClientGetsTheWholeViewAndTheOthersItsCount() throws Exception {
        BlockingQueue<String> watching = new LinkedBlockingQueue<>();
        BlockingQueue<String> other = new LinkedBlockingQueue<>();
        WebSocket watcher = connect(watching);
        connect(other);
        watcher.writeTextMessage("{\"type\":\"watch\",\"views\":[\"country/RU\",\"topic/trade\"]}");
        awaitWatchApplied(watcher, watching);

        web.vertx().runOnContext(v -> web.clients().broadcastViews(Map.of("country/RU", ViewWatch.count("country", "RU", 3)),
                view -> WHOLE.getBytes(StandardCharsets.UTF_8)));

        assertThat(watching.poll(10, TimeUnit.SECONDS)).isEqualTo(WHOLE);
        assertThat(other.poll(10, TimeUnit.SECONDS)).isEqualTo(COUNTS);
    }

    @Test
    void theCountsOfAllChangedViewsAClientDoesNotWatchComeInOneMessage() throws Exception {
        BlockingQueue<String> watching = new LinkedBlockingQueue<>();
        BlockingQueue<String> other = new LinkedBlockingQueue<>();
        WebSocket watcher = connect(watching);
        connect(other);
        watcher.writeTextMessage("{\"type\":\"watch\",\"views\":[\"topic/trade\"]}");
        awaitWatchApplied(watcher, watching);
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("country/RU", ViewWatch.count("country", "RU", 3));
        counts.put("topic/trade", ViewWatch.count("topic", "trade", 5));

        web.vertx().runOnContext(v -> web.clients().broadcastViews(counts, view -> ("{\"whole\":\"" + view + "\"}")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(watching.poll(10, TimeUnit.SECONDS)).isEqualTo(COUNTS);
        assertThat(watching.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"whole\":\"topic/trade\"}");
        assertThat(other.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"counts\",\"counts\":["
                + "{\"kind\":\"country\",\"key\":\"RU\",\"factCount\":3},{\"kind\":\"topic\",\"key\":\"trade\",\"factCount\":5}]}");
    }

    @Test
    void countsThatWouldPassAFrameAreSplitIntoSeveralWholeMessagesEachWithinIt() {
        List<String> counts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            counts.add(ViewWatch.count("event", String.format("%032x", i), i));
        }
        List<String> messages = ViewWatch.counts(counts).stream().map(message -> new String(message, StandardCharsets.UTF_8))
                .toList();

        assertThat(messages).hasSizeGreaterThan(1).allSatisfy(message ->
                assertThat(message.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LiveClients.MAX_FRAME_BYTES));
        List<String> entries = new ArrayList<>();
        messages.forEach(message -> Json.read(message, JsonNode.class).get("counts").forEach(count -> entries.add(count.toString())));
        assertThat(entries).isEqualTo(counts);
    }

    @Test
    void aMessageThatIsNoWatchListIsAnsweredWithAnErrorAndTheConnectionStays() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = connect(received);
        socket.writeTextMessage("{\"type\":\"watch\",\"views\":[\"<script>\"]}");
        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("{\"type\":\"error\"").contains("country/CODE");
        socket.writeTextMessage("not json");
        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("{\"type\":\"error\"").contains("not JSON");

        web.vertx().runOnContext(v -> web.clients().broadcast("{\"type\":\"facts\",\"facts\":[]}"));
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"facts\",\"facts\":[]}");
    }

    @Test
    void aClientCannotWatchMoreThanAFewViews() {
        StringBuilder views = new StringBuilder();
        for (int i = 0; i <= ViewWatch.MAX_VIEWS; i++) {
            views.append(i == 0 ? "" : ",").append("\"country/C").append(i).append('"');
        }
        assertThatThrownBy(() -> ViewWatch.parse("{\"type\":\"watch\",\"views\":[" + views + "]}"))
                .hasMessageContaining("at most " + ViewWatch.MAX_VIEWS);
        assertThat(ViewWatch.parse("{\"type\":\"watch\",\"views\":[]}")).isEmpty();
    }

    /** Connects and takes the snapshot every client gets first. */
    private WebSocket connect(BlockingQueue<String> received) throws Exception {
        WebSocket socket = TestSockets.connect(web.vertx().createWebSocketClient(), web.port(), received::add);
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"snapshot\"");
        return socket;
    }

    /**
     * The server reads a client's messages in order: once it has answered a message sent after the watch list, the
     * list is in place.
     */
    private static void awaitWatchApplied(WebSocket socket, BlockingQueue<String> received) throws Exception {
        socket.writeTextMessage("{}");
        assertThat(received.poll(10, TimeUnit.SECONDS)).startsWith("{\"type\":\"error\"");
    }
}
