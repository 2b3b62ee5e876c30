package io.communique.web;

import io.communique.testing.TestHttp;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** WebSocket clients for the tests, connected the way the dashboard connects. */
final class TestSockets {
    private TestSockets() {
    }

    /**
     * The API's routes on a real HTTP server on loopback, without Kafka, whose WebSocket clients are {@code clients}
     * (queues of {@code queueBytes} each).
     */
    static HttpServer server(Vertx vertx, LiveClients clients, int queueBytes, HttpServerOptions serverOptions)
            throws Exception {
        // No limits: the crowd comes from one address.
        WebVerticle.Options options = new WebVerticle.Options("127.0.0.1", 0, 1000, queueBytes, 2000, "token", 0, 0, Set.of(),
                Set.of("127.0.0.1"), ReadLimits.NONE);
        Api api = new Api(vertx, new LiveState(), () -> new Health("k", true, true, null), clients, options,
                () -> Future.failedFuture("no Kafka"));
        return vertx.createHttpServer(serverOptions).requestHandler(api.router()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /**
     * Connects to {@code /ws} with the text handler set before the handshake (the snapshot comes at once); a loaded
     * machine, or Vert.x 5.0.7's client on a first connection, may fail a handshake, so it tries a few times.
     */
    static WebSocket connect(WebSocketClient client, int port, Handler<String> onText) throws Exception {
        return connect(client, port, "/ws", onText);
    }

    /** {@link #connect(WebSocketClient, int, Handler)} to this path ({@code /ws?mode=all}). */
    static WebSocket connect(WebSocketClient client, int port, String path, Handler<String> onText) {
        return TestHttp.webSocket(client, port, path, onText);
    }

    /**
     * Reads what the server sent until it closes the WebSocket: its close frame with this payload (the connection
     * itself may close only after the closing handshake times out), or the end of the stream. Returns the bytes read
     * before; a client that is never closed fails with a read timeout.
     */
    static long readUntilClosed(Socket socket, byte[] signature) throws IOException {
        return readUntil(socket, signature, false);
    }

    /** {@link #readUntilClosed}, failing when the connection ends without that close frame. */
    static long readUntilCloseFrame(Socket socket, byte[] signature) throws IOException {
        return readUntil(socket, signature, true);
    }

    private static long readUntil(Socket socket, byte[] signature, boolean frameRequired) throws IOException {
        socket.setSoTimeout(30_000);
        InputStream in = new BufferedInputStream(socket.getInputStream());
        long read = 0;
        int matched = 0;
        for (int b; (b = in.read()) != -1; read++) {
            matched = b == (signature[matched] & 0xff) ? matched + 1 : b == signature[0] ? 1 : 0;
            if (matched == signature.length) {
                return read;
            }
        }
        assertThat(frameRequired).as("the connection ended without the close frame expected").isFalse();
        return read;
    }

    /** A close frame's payload: the code, then the reason. */
    static byte[] closePayload(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        return payload;
    }

    /** A WebSocket handshake written by hand, on a socket that then reads (or answers) only what the test says. */
    static void handshake(Socket socket, int port, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] status = socket.getInputStream().readNBytes(12);
        assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
    }
}
