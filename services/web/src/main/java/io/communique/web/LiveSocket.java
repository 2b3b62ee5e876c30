package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /ws}: the live WebSocket. Checks the origin and the mode, upgrades, and hands the socket to
 * {@link LiveClients}, which does the fan-out.
 */
final class LiveSocket implements Handler<RoutingContext> {
    private final LiveState state;
    private final LiveClients clients;
    private final OriginCheck origins;

    LiveSocket(LiveState state, LiveClients clients, OriginCheck origins) {
        this.state = state;
        this.clients = clients;
        this.origins = origins;
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
        ctx.request().toWebSocket()
                .onSuccess(socket -> clients.add(socket, ctx.request().connection(), state.snapshot(), mode))
                .onFailure(error -> Problems.send(ctx, 400, "WebSocket upgrade failed: " + error.getMessage()));
    }
}
