package io.communique.web;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message is encoded once, whatever the number of clients, and goes only to the clients of its mode. */
class LiveClientsTest {
    @RegisterExtension
    final SocketServer web = new SocketServer(64 * 1024, new HttpServerOptions());

    @Test
    void anUpdateIsEncodedOnceForAllDashboardsAndNotSentToModeAllClients() throws Exception {
        BlockingQueue<String> first = connect("/ws");
        BlockingQueue<String> second = connect("/ws");
        BlockingQueue<String> program = connect("/ws?mode=all");
        long before = onLoop(() -> web.clients().encodedMessages());
        String update = "{\"type\":\"update\",\"facts\":[]}";

        web.vertx().runOnContext(v -> web.clients().broadcast(LiveClients.Mode.UPDATES, update.getBytes(StandardCharsets.UTF_8)));

        assertThat(first.poll(10, TimeUnit.SECONDS)).isEqualTo(update);
        assertThat(second.poll(10, TimeUnit.SECONDS)).isEqualTo(update);
        assertThat(onLoop(() -> web.clients().encodedMessages()) - before).isEqualTo(1);
        String facts = "{\"type\":\"facts\",\"facts\":[]}";
        web.vertx().runOnContext(v -> web.clients().broadcast(LiveClients.Mode.ALL, facts.getBytes(StandardCharsets.UTF_8)));
        assertThat(program.poll(10, TimeUnit.SECONDS)).isEqualTo(facts); // the update never reached it
        assertThat(first.poll(200, TimeUnit.MILLISECONDS)).isNull();
        assertThat(onLoop(() -> web.clients().size(LiveClients.Mode.ALL))).isEqualTo(1);
    }

    /** Connects and takes the snapshot every client gets first. */
    private BlockingQueue<String> connect(String path) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        TestSockets.connect(web.vertx().createWebSocketClient(), web.port(), path, received::add);
        assertThat(received.poll(10, TimeUnit.SECONDS)).contains("\"type\":\"snapshot\"");
        return received;
    }

    /** A value read on the event loop that owns the web.clients(). */
    private <T> T onLoop(java.util.function.Supplier<T> read) throws Exception {
        return RunningWeb.await(Future.<T>future(promise -> web.vertx().runOnContext(v -> promise.complete(read.get()))));
    }
}
