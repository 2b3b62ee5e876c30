package io.communique.web;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
        WebVerticle.Options options = new WebVerticle.Options("127.0.0.1", 0, 1000, queueBytes, 2000, "token", 0, 0, Set.of(),
                Set.of("127.0.0.1"));
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
    static WebSocket connect(WebSocketClient client, int port, String path, Handler<String> onText) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return client.webSocket().textMessageHandler(onText).connect(port, "127.0.0.1", path)
                        .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                last = e;
            }
        }
        throw last;
    }
}
