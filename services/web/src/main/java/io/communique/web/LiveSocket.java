package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /ws}: the live WebSocket. Checks the origin, the mode and the client's WebSockets, upgrades, and hands
 * the socket to {@link LiveClients}, which does the fan-out.
 */
final class LiveSocket implements Handler<RoutingContext> {
    private final LiveState state;
    private final LiveClients clients;
    private final OriginCheck origins;
    private final PerAddress webSockets;

    /** @param webSockets the WebSockets each client address holds, shared with the time-lapse */
    LiveSocket(LiveState state, LiveClients clients, OriginCheck origins, PerAddress webSockets) {
        this.state = state;
        this.clients = clients;
        this.origins = origins;
        this.webSockets = webSockets;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!origins.allows(ctx)) {
            return;
        }
        LiveClients.Mode mode = LiveClients.Mode.of(ctx.queryParams().get("mode"));
        if (mode == null) {
            Problems.send(ctx, 400, "mode is \"updates\" (the default: coalesced, for people) or \"all\" (every fact)");
            return;
        }
        String address = ClientAddress.of(ctx.request());
        if (!webSockets.take(address)) {
            tooManyWebSockets(ctx, webSockets.cap());
            return;
        }
        ctx.request().toWebSocket()
                .onSuccess(socket -> clients.add(socket, ctx.request().connection(), state.snapshot(), mode,
                        () -> webSockets.release(address)))
                .onFailure(error -> {
                    webSockets.release(address);
                    Problems.send(ctx, 400, "WebSocket upgrade failed: " + error.getMessage());
                });
    }

    /** 429 instead of the upgrade: the browser's WebSocket fails and retries with backoff, as after any close. */
    static void tooManyWebSockets(RoutingContext ctx, int cap) {
        ctx.response().putHeader("Retry-After", "10");
        Problems.send(ctx, 429, "too many WebSockets from this client address (at most " + cap
                + " at once, see WEBSOCKETS_PER_ADDRESS)");
    }
}
