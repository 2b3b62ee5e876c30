package io.communique.web;

import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What one client address, or all of them, may hold of the real HTTP server, and for how long. */
class ReadLimitsTest {
    private static final String GET = "GET /api/countries HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    private static final String REPLAY = "/ws/replay?from=2017-01-01&to=2017-12-31";
    @RegisterExtension
    static final ServedApi api = new ServedApi();

    private static int serve(ReadLimits limits) throws Exception {
        return serve(limits, new LiveState());
    }

    private static int serve(ReadLimits limits, LiveState state) throws Exception {
        return api.serve(ApiTest.options(0, 0, ApiTest.HOSTS, limits), state);
    }

    private static Socket connect(String from, int port) throws Exception {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(from), 0);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void awaitStatus(int expected, Check check) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> check.status() == expected);
    }

    interface Check {
        int status() throws Exception;
    }

    @Test
    void aConnectionBeyondTheAddressesCapIsAnswered429AndClosedWhileOtherAddressesAreServed() throws Exception {
        int port = serve(new ReadLimits(3, 0, 0, 0, 0, 0));
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(connect("127.0.0.1", port));
                assertThat(RawHttp.exchange(held.get(i), GET).status()).isEqualTo(200); // kept alive
            }
            try (Socket extra = connect("127.0.0.1", port)) {
                RawHttp.Response refused = RawHttp.exchange(extra, GET);
                assertThat(refused.status()).isEqualTo(429);
                assertThat(RawHttp.isProblem(refused)).isTrue();
                assertThat(refused.body()).contains("too many connections", "CONNECTIONS_PER_ADDRESS");
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(extra.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            }
            try (Socket other = connect("127.0.0.2", port)) {
                assertThat(RawHttp.exchange(other, GET).status()).isEqualTo(200);
            }
            assertThat(RawHttp.exchange(held.get(2), GET).status()).as("the held ones still serve").isEqualTo(200);
            held.remove(0).close();
            awaitStatus(200, () -> {
                try (Socket again = connect("127.0.0.1", port)) {
                    return RawHttp.exchange(again, GET).status();
                }
            });
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aWebSocketBeyondTheAddressesCapIsAnswered429WhetherLiveOrTimeLapse() throws Exception {
        int port = serve(new ReadLimits(0, 2, 0, 0, 0, 0));
        WebSocketClient client = api.vertx().createWebSocketClient();
        WebSocket live = TestSockets.connect(client, port, "/ws", text -> { });
        TestSockets.connect(client, port, REPLAY, text -> { });
        for (String path : List.of("/ws", REPLAY)) {
            RawHttp.Response refused = RawHttp.upgrade(port, "127.0.0.1", path);
            assertThat(refused.status()).as(path).isEqualTo(429);
            assertThat(RawHttp.isProblem(refused)).isTrue();
            assertThat(refused.body()).contains("too many WebSockets", "WEBSOCKETS_PER_ADDRESS");
        }
        assertThat(RawHttp.exchange(InetAddress.getByName("127.0.0.2"), port,
                RawHttp.upgradeRequest("127.0.0.1", "/ws")).status()).as("another address").isEqualTo(101);
        RunningWeb.await(live.close());
        awaitStatus(101, () -> RawHttp.upgrade(port, "127.0.0.1", "/ws").status());
    }

    @Test
    void aTimeLapseBeyondTheServersCapIsAnswered429UntilOneEnds() throws Exception {
        int port = serve(new ReadLimits(0, 0, 1, 0, 0, 0));
        WebSocket playing = TestSockets.connect(api.vertx().createWebSocketClient(), port, REPLAY, text -> { });
        RawHttp.Response refused = RawHttp.exchange(InetAddress.getByName("127.0.0.2"), port,
                RawHttp.upgradeRequest("127.0.0.1", REPLAY));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("too many time-lapses", "MAX_REPLAYS");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(RawHttp.upgrade(port, "127.0.0.1", "/ws").status()).as("the live socket is another matter")
                .isEqualTo(101);
        RunningWeb.await(playing.close());
        awaitStatus(101, () -> RawHttp.upgrade(port, "127.0.0.1", REPLAY).status());
    }

    @Test
    void aTimeLapseOfMoreFactsThanItMayHoldIsClosedWith1008SayingSoWhileAShorterOnePlays() throws Exception {
        LiveState state = new LiveState();
        for (int i = 1; i <= 6; i++) { // dated 2017-02-02 to 2017-07-07
            Fact fact = FactExportTest.fact(i, "evidence " + i);
            state.apply(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact), null);
        }
        int port = serve(new ReadLimits(0, 0, 0, 4, 0, 0), state);
        WebSocketClient client = api.vertx().createWebSocketClient();
        ClientWebSocket tooLong = client.webSocket(); // the close handler set before the handshake: it may come at once
        CompletableFuture<String> closed = new CompletableFuture<>();
        tooLong.closeHandler(v -> closed.complete(tooLong.closeStatusCode() + " " + tooLong.closeReason()));
        // not awaited: the server's close may overtake the handshake's completion, which then fails "WebSocket is closed";
        // the close status and reason are what this test checks
        tooLong.connect(port, "127.0.0.1", REPLAY);
        assertThat(closed.get(20, TimeUnit.SECONDS)).startsWith("1008 more than 4 facts in the period")
                .contains("REPLAY_MAX_FACTS");
        CompletableFuture<String> clock = new CompletableFuture<>();
        TestSockets.connect(client, port, "/ws/replay?from=2017-01-01&to=2017-04-30", clock::complete);
        assertThat(clock.get(20, TimeUnit.SECONDS)).contains("\"replay-clock\"", "\"total\":3");
    }

    @Test
    void anHttpConnectionIdleForTheTimeoutIsClosedByTheServer() throws Exception {
        int port = serve(new ReadLimits(0, 0, 0, 0, 1, 0));
        try (Socket idle = connect("127.0.0.1", port)) {
            assertThat(RawHttp.exchange(idle, GET).status()).isEqualTo(200);
            long started = System.nanoTime();
            assertThat(idle.getInputStream().read()).as("closed by the server").isEqualTo(-1);
            assertThat((System.nanoTime() - started) / 1_000_000).isBetween(500L, 9_000L);
        }
    }
}
