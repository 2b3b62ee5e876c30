package io.communique.web;

import io.vertx.core.http.WebSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;

/** The web verticle pings its live clients and closes those that no longer answer: a client gone silent is gone. */
class WebSocketIdleTest {
    private static final int IDLE_SECONDS = 1;
    @RegisterExtension
    static final RunningWeb running = new RunningWeb(0, new ReadLimits(0, 0, 0, 0, 0, IDLE_SECONDS));

    @Test
    void aClientThatAnswersNoPingIsClosedWith1001WhileOneThatAnswersStays() throws Exception {
        int port = running.web.port();
        // Vert.x's client answers every ping with a pong, as browsers do.
        WebSocket answering = TestSockets.connect(running.vertx.createWebSocketClient(), port, text -> { });
        try (Socket silent = new Socket("127.0.0.1", port)) {
            TestSockets.handshake(silent, port, "/ws"); // then answers nothing
            long started = System.nanoTime();
            TestSockets.readUntilCloseFrame(silent, TestSockets.closePayload(1001, LiveClients.IDLE));
            long closedAfterMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(closedAfterMs).isBetween(IDLE_SECONDS * 1000L, 15_000L);
        }
        Thread.sleep(3 * IDLE_SECONDS * 1000L); // three idle times more, pinged and answering all along
        assertThat(answering.isClosed()).isFalse();
    }
}
