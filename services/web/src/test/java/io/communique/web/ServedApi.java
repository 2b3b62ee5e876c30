package io.communique.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Vert.x for the tests of a class, and the API's routes served on a free loopback port by each test with the
 * options it is about (its limits, its failed-token attempts), closed after it; no Kafka behind them:
 * {@code @RegisterExtension static final ServedApi api = new ServedApi();}.
 */
final class ServedApi implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private Vertx vertx;
    private HttpServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        vertx = Vertx.vertx();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (server != null) {
            RunningWeb.await(server.close());
            server = null;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        RunningWeb.await(vertx.close());
    }

    Vertx vertx() {
        return vertx;
    }

    /** Serves the API with these options and an empty state; its port. */
    int serve(WebVerticle.Options options) throws Exception {
        return serve(options, new LiveState());
    }

    /** Serves the API with these options over this state; its port. */
    int serve(WebVerticle.Options options, LiveState state) throws Exception {
        server = ApiTest.serve(vertx, state, options);
        return server.actualPort();
    }
}
