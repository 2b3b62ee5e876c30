package io.communique.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh Vert.x per test with the API's routes on a real HTTP server on loopback (no Kafka, see
 * {@link TestSockets#server}) and its WebSocket clients: register with {@code @RegisterExtension}.
 */
final class SocketServer implements BeforeEachCallback, AfterEachCallback {
    private final int queueBytes;
    private final HttpServerOptions serverOptions;
    private Vertx vertx;
    private LiveClients clients;
    private HttpServer server;

    SocketServer(int queueBytes, HttpServerOptions serverOptions) {
        this.queueBytes = queueBytes;
        this.serverOptions = serverOptions;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        vertx = Vertx.vertx();
        clients = new LiveClients(queueBytes);
        server = TestSockets.server(vertx, clients, queueBytes, serverOptions);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        RunningWeb.await(vertx.close());
    }

    Vertx vertx() {
        return vertx;
    }

    LiveClients clients() {
        return clients;
    }

    int port() {
        return server.actualPort();
    }
}
