package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps the HTTP connections one client address holds open at once (WebSockets included): a connection is counted
 * from its first request until it closes, and the first request on one beyond the cap is answered 429 with
 * Retry-After and its connection closed. A connection that never sends a request costs nothing here and is closed
 * by the idle timeout.
 */
final class ConnectionLimit implements Handler<RoutingContext> {
    /** Connections close in seconds (idle timeout, a page's requests done): worth a retry soon. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final PerAddress connections;
    private final Set<HttpConnection> counted = ConcurrentHashMap.newKeySet();

    ConnectionLimit(int perAddress) {
        this.connections = new PerAddress(perAddress);
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpConnection connection = ctx.request().connection();
        if (connection == null || counted.contains(connection)) {
            ctx.next(); // untouched response: a WebSocket's 101 must carry no headers set here
            return;
        }
        String address = ClientAddress.of(ctx.request());
        if (!connections.take(address)) {
            ctx.addEndHandler(ended -> connection.close());
            ctx.response().putHeader("Retry-After", RETRY_AFTER_SECONDS).putHeader("Connection", "close");
            Problems.send(ctx, 429, "too many connections from this client address (at most " + connections.cap()
                    + " at once, see CONNECTIONS_PER_ADDRESS): close some, or reuse them");
            return;
        }
        counted.add(connection);
        connection.closeHandler(closed -> {
            counted.remove(connection);
            connections.release(address);
        });
        ctx.next();
    }
}
