package io.communique.web;

import io.communique.model.contracts.BusAddresses;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /api/admin/*} (API token): rebuild the views, re-extract every document; carried out by this instance's
 * projection or ingest verticle over the event bus.
 */
final class AdminRoutes implements ApiRoutes {
    /** A rebuild or re-extraction reads whole topics: minutes, not seconds. */
    private static final long ADMIN_TIMEOUT_MS = 10 * 60 * 1000;

    private final Vertx vertx;

    AdminRoutes(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public void mount(Router router, Handler<RoutingContext> writeGuard) {
        router.route("/api/admin/*").handler(writeGuard);
        router.post("/api/admin/rebuild").handler(ctx -> admin(ctx, BusAddresses.PROJECTION_REBUILD, "rebuild"));
        router.post("/api/admin/reextract").handler(ctx -> admin(ctx, BusAddresses.REEXTRACT, "re-extraction"));
    }

    private void admin(RoutingContext ctx, String address, String action) {
        vertx.eventBus().<JsonObject>request(address, null, new DeliveryOptions().setSendTimeout(ADMIN_TIMEOUT_MS))
                .onSuccess(reply -> ctx.response().putHeader("Content-Type", Replies.JSON).end(reply.body().encode()))
                .onFailure(error -> Problems.send(ctx, 503, action + " failed: " + error.getMessage()));
    }
}
