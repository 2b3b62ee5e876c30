package io.communique.web;

import com.sun.management.UnixOperatingSystemMXBean;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The WebSocket stays bounded: oversized frames, idle crowds and slow readers cost the server nothing lasting. */
class WebSocketLimitsTest {
    private static final int QUEUE_BYTES = 64 * 1024;
    /** The close frame's payload when a client is dropped: code 1013, then the reason. */
    private static final byte[] DROPPED_SIGNATURE = TestSockets.closePayload(1013, LiveClients.TOO_SLOW);
    private static final int SEND_BUFFER_BYTES = 4 * 1024;
    private static final int CROWD = 3000;
    private static final int CONNECT_WINDOW = 250;
    private static final int SLOW_READERS = 20;
    /**
     * 640 KB in all: about twice what a stalled reader's socket buffers and write queue absorb (330 KB measured),
     * little enough to send to 3,000 clients in seconds.
     */
    private static final int MESSAGE_BYTES = 16 * 1024;
    private static final int ROUNDS = 40;
    @RegisterExtension
    final SocketServer web = new SocketServer(QUEUE_BYTES, new HttpServerOptions()
            // A fixed kernel send buffer: by default it grows to megabytes per connection on loopback, which a stalled
            // reader would absorb before its write queue fills; fixed, a few broadcasts find it out among thousands.
            .setMaxWebSocketFrameSize(64 * 1024).setMaxWebSocketMessageSize(64 * 1024).setSendBufferSize(SEND_BUFFER_BYTES));

    private WebSocket connect(WebSocketClient client, Handler<String> onText) throws Exception {
        return TestSockets.connect(client, web.port(), onText);
    }

    @Test
    void anOversizedFrameClosesThatConnectionOnly() throws Exception {
        WebSocketClient client = web.vertx().createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1024 * 1024));
        AtomicInteger received = new AtomicInteger();
        connect(client, text -> {
            if (text.contains("\"facts\"")) {
                received.incrementAndGet();
            }
        });
        WebSocket offender = connect(client, text -> { });
        CompletableFuture<Short> closed = new CompletableFuture<>();
        offender.closeHandler(v -> closed.complete(offender.closeStatusCode()));
        offender.writeFrame(io.vertx.core.http.WebSocketFrame.textFrame("x".repeat(200 * 1024), true));

        assertThat(closed.get(20, TimeUnit.SECONDS)).isNotNull(); // closed by the server
        web.vertx().runOnContext(v -> web.clients().broadcast("{\"type\":\"facts\",\"facts\":[]}"));
        await(() -> received.get() >= 1); // the bystander is unaffected
    }

    @Test
    void aReaderThatCannotKeepUpIsDroppedWhileOthersGetEveryMessage() throws Exception {
        AtomicInteger received = new AtomicInteger();
        connect(web.vertx().createWebSocketClient(), text -> {
            if (text.contains("\"pad\"")) {
                received.incrementAndGet();
            }
        });
        try (Socket stalled = new Socket("127.0.0.1", web.port())) {
            stalled.setReceiveBufferSize(4096);
            handshake(stalled); // then reads nothing while the server broadcasts
            String message = "{\"type\":\"facts\",\"pad\":\"" + "x".repeat(4 * 1024) + "\"}";
            int batches = 64; // 2.6 MB in all: far more than socket buffers and the per-client queue hold
            for (int batch = 1; batch <= batches; batch++) {
                web.vertx().runOnContext(v -> {
                    for (int i = 0; i < 10; i++) {
                        web.clients().broadcast(message);
                    }
                });
                int expected = batch * 10; // every message so far
                await(() -> received.get() >= expected, () -> "received " + received.get() + " of " + expected);
            }
            // The stalled client was dropped: what reached it ends with the server closing the connection.
            assertThat(readUntilDropped(stalled)).isLessThan((long) batches * 10 * message.length());
        }
    }

    @Test
    void aModeAllReaderThatCannotKeepUpIsDroppedSayingWhereToReadEveryFact() throws Exception {
        try (Socket stalled = new Socket("127.0.0.1", web.port())) {
            stalled.setReceiveBufferSize(4096);
            handshake(stalled, "/ws?mode=all"); // then reads nothing while the server sends every fact
            byte[] message = ("{\"type\":\"facts\",\"pad\":\"" + "x".repeat(4 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
            int batches = 64;
            for (int batch = 0; batch < batches; batch++) {
                web.vertx().runOnContext(v -> {
                    for (int i = 0; i < 10; i++) {
                        web.clients().broadcast(LiveClients.Mode.ALL, message);
                    }
                });
            }
            assertThat(readUntilDropped(stalled, TestSockets.closePayload(1013, LiveClients.TOO_SLOW_FOR_ALL)))
                    .isLessThan((long) batches * 10 * message.length);
        }
    }

    @Test
    void threeThousandIdleConnectionsAreHeldAndGetEveryBroadcastWhileTheSlowReadersAmongThemAreDropped() throws Exception {
        long started = System.nanoTime();
        assertThat(maxFileDescriptors()).as("file descriptors this JVM may open (ulimit -n): the crowd needs two per"
                + " connection, client and server side").isGreaterThan(2L * (CROWD + SLOW_READERS) + 1000);
        WebSocketClient client = web.vertx().createWebSocketClient(new WebSocketClientOptions().setMaxConnections(CROWD));
        AtomicLong received = new AtomicLong();
        List<Future<WebSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < CROWD; i++) {
            connecting.add(client.webSocket().textMessageHandler(text -> {
                if (text.contains("\"pad\"")) {
                    received.incrementAndGet();
                }
            }).connect(web.port(), "127.0.0.1", "/ws"));
            if (connecting.size() % CONNECT_WINDOW == 0) { // a window at a time: the accept backlog stays short
                Future.all(connecting.subList(connecting.size() - CONNECT_WINDOW, connecting.size()))
                        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
        Future.all(connecting).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        long connectedMs = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("%d idle WebSocket clients connected in %d ms%n", CROWD, connectedMs);
        List<Socket> slowReaders = new ArrayList<>();
        long mostAbsorbed = 0;
        try {
            for (int i = 0; i < SLOW_READERS; i++) {
                Socket stalled = new Socket();
                stalled.setReceiveBufferSize(4096);
                stalled.connect(new InetSocketAddress("127.0.0.1", web.port()), 10_000);
                slowReaders.add(stalled);
                handshake(stalled); // then reads nothing while the server broadcasts
            }
            String message = "{\"type\":\"facts\",\"pad\":\"" + "x".repeat(MESSAGE_BYTES) + "\"}";
            for (int round = 1; round <= ROUNDS; round++) {
                web.vertx().runOnContext(v -> web.clients().broadcast(message));
                long expected = (long) round * CROWD; // every message so far, to every idle client
                await(() -> received.get() >= expected, () -> "received " + received.get() + " of " + expected);
            }
            assertThat(received.get()).isEqualTo((long) ROUNDS * CROWD);
            // Each slow reader was dropped: what reached it ends with the server closing the connection, well before
            // all that was broadcast.
            for (Socket stalled : slowReaders) {
                long read = readUntilDropped(stalled);
                assertThat(read).isLessThan((long) ROUNDS * MESSAGE_BYTES);
                mostAbsorbed = Math.max(mostAbsorbed, read);
            }
        } finally {
            for (Socket stalled : slowReaders) {
                stalled.close();
            }
        }
        System.out.printf("%d broadcasts of %d KB reached all %d idle clients; the %d slow readers were dropped after"
                        + " at most %d KB; %d ms in all%n", ROUNDS, MESSAGE_BYTES / 1024, CROWD, SLOW_READERS,
                mostAbsorbed / 1024, (System.nanoTime() - started) / 1_000_000);
    }

    private static long readUntilDropped(Socket socket) throws Exception {
        return TestSockets.readUntilClosed(socket, DROPPED_SIGNATURE);
    }

    private static long readUntilDropped(Socket socket, byte[] signature) throws Exception {
        return TestSockets.readUntilClosed(socket, signature);
    }

    private static long maxFileDescriptors() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    }

    private void handshake(Socket socket) throws Exception {
        TestSockets.handshake(socket, web.port(), "/ws");
    }

    private void handshake(Socket socket, String path) throws Exception {
        TestSockets.handshake(socket, web.port(), path);
    }

    interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check) throws Exception {
        await(check, () -> "");
    }

    private static void await(Check check, java.util.function.Supplier<String> state) throws Exception {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                    .until(check::holds);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("condition not met within 60 s: " + state.get(), e);
        }
    }
}
