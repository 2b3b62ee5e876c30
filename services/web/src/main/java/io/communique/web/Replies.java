package io.communique.web;

import io.communique.model.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Successful JSON answers; errors go through {@link Problems}. */
final class Replies {
    static final String JSON = "application/json";

    private Replies() {
    }

    /** 200 with the value as JSON. */
    static void json(RoutingContext ctx, Object value) {
        ctx.response().putHeader("Content-Type", JSON).end(Buffer.buffer(Json.bytes(value)));
    }
}
