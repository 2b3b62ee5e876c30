package io.communique.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message is encoded once, whatever the number of clients, and goes only to the clients of its mode. */
class LiveClientsTest {
    private Vertx vertx;
    private HttpServer server;
    private LiveClients clients;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        clients = new LiveClients(64 * 1024);
        server = TestSockets.server(vertx, clients, 64 * 1024, new HttpServerOptions());
    }

    @AfterEach
    void stop() throws Exception {
        RunningWeb.await(vertx.close());
    }

    @Test
    void anUpdateIsEncodedOnceForAllDashboardsAndNotSentToModeAllClients() throws Exception {
        BlockingQueue<String> first = connect("/ws");
        BlockingQueue<String> second = connect("/ws");
        BlockingQueue<String> program = connect("/ws?mode=all");
        long before = onLoop(() -> clients.encodedMessages());
        String update = "{\"type\":\"update\",\"facts\":[]}";

        vertx.runOnContext(v -> clients.broadcast(LiveClients.Mode.UPDATES, update.getBytes(StandardCharsets.UTF_8)));

        assertThat(first.poll(10, TimeUnit.SECONDS)).isEqualTo(update);
        assertThat(second.poll(10, TimeUnit.SECONDS)).isEqualTo(update);
        assertThat(onLoop(() -> clients.encodedMessages()) - before).isEqualTo(1);
        String facts = "{\"type\":\"facts\",\"facts\":[]}";
        vertx.runOnContext(v -> clients.broadcast(LiveClients.Mode.ALL, facts.getBytes(StandardCharsets.UTF_8)));
        assertThat(program.poll(10, TimeUnit.SECONDS)).isEqualTo(facts); // the update never reached it
        assertThat(first.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(onLoop(() -> clients.size(LiveClients.Mode.ALL))).isEqualTo(1);
    }

    /** Connects and takes the snapshot every client gets first. */
    private BlockingQueue<String> connect(String path) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        TestSockets.connect(vertx.createWebSocketClient(), server.actualPort(), path, received::add);
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"snapshot\"");
        return received;
    }

    /** A value read on the event loop that owns the clients. */
    private <T> T onLoop(java.util.function.Supplier<T> read) throws Exception {
        return RunningWeb.await(Future.<T>future(promise -> vertx.runOnContext(v -> promise.complete(read.get()))));
    }
}
