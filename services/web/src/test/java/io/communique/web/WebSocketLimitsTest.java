package io.communique.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket stays bounded: oversized frames, idle crowds and slow readers cost the server nothing lasting. */
class WebSocketLimitsTest {
    private static final int QUEUE_BYTES = 64 * 1024;
    private Vertx vertx;
    private HttpServer server;
    private LiveClients clients;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        clients = new LiveClients(QUEUE_BYTES);
        WebVerticle.Options options = new WebVerticle.Options("127.0.0.1", 0, 1000, QUEUE_BYTES, 2000, "token", 0, Set.of());
        Api api = new Api(vertx, new LiveState(), () -> new Health("k", true, true, null), clients, options,
                () -> Future.failedFuture("no Kafka"));
        server = vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(64 * 1024)
                        .setMaxWebSocketMessageSize(64 * 1024))
                .requestHandler(api.router()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private WebSocket connect(WebSocketClient client, Handler<String> onText) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) { // a loaded machine may fail a first slow handshake
            try {
                return client.webSocket().textMessageHandler(onText).connect(server.actualPort(), "127.0.0.1", "/ws")
                        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                last = e;
            }
        }
        throw last;
    }

    @Test
    void anOversizedFrameClosesThatConnectionOnly() throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1024 * 1024));
        AtomicInteger received = new AtomicInteger();
        connect(client, text -> {
            if (text.contains("\"fact\"")) {
                received.incrementAndGet();
            }
        });
        WebSocket offender = connect(client, text -> { });
        CompletableFuture<Short> closed = new CompletableFuture<>();
        offender.closeHandler(v -> closed.complete(offender.closeStatusCode()));
        offender.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame("x".repeat(200 * 1024), true));

        assertThat(closed.get(20, TimeUnit.SECONDS)).isNotNull(); // closed by the server
        vertx.runOnContext(v -> clients.broadcast("{\"type\":\"fact\"}"));
        await(() -> received.get() >= 1); // the bystander is unaffected
    }

    @Test
    void aReaderThatCannotKeepUpIsDroppedWhileOthersGetEveryMessage() throws Exception {
        AtomicInteger received = new AtomicInteger();
        connect(vertx.createWebSocketClient(), text -> {
            if (text.contains("\"pad\"")) {
                received.incrementAndGet();
            }
        });
        try (Socket stalled = new Socket("127.0.0.1", server.actualPort())) {
            stalled.setReceiveBufferSize(4096);
            handshake(stalled); // then reads nothing while the server broadcasts
            String message = "{\"type\":\"fact\",\"pad\":\"" + "x".repeat(4 * 1024) + "\"}";
            int batches = 400; // 16 MB in all: far more than socket buffers and the per-client queue hold
            for (int batch = 1; batch <= batches; batch++) {
                vertx.runOnContext(v -> {
                    for (int i = 0; i < 10; i++) {
                        clients.broadcast(message);
                    }
                });
                int expected = batch * 10; // every message so far
                await(() -> received.get() >= expected, () -> "received " + received.get() + " of " + expected);
            }
            // The stalled client was dropped: what reached it ends with the server closing the connection.
            stalled.setSoTimeout(30_000);
            InputStream in = stalled.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                read += n;
            }
            assertThat(read).isLessThan(16L * 1024 * 1024);
        }
    }

    @Test
    void aThousandIdleConnectionsAreHeldAndAllGetABroadcast() throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(2000));
        AtomicInteger received = new AtomicInteger();
        List<WebSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sockets.add(connect(client, text -> {
                if (text.contains("hello")) {
                    received.incrementAndGet();
                }
            }));
        }
        vertx.runOnContext(v -> clients.broadcast("{\"type\":\"hello\"}"));
        await(() -> received.get() == sockets.size());
    }

    private void handshake(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.actualPort() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] status = in.readNBytes(12);
        assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check) throws Exception {
        await(check, () -> "");
    }

    private static void await(Check check, java.util.function.Supplier<String> state) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.holds()) {
            assertThat(System.nanoTime()).as(() -> "condition not met within 60 s: " + state.get()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
