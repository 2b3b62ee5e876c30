package io.communique.web;

import io.vertx.ext.web.RoutingContext;

import java.util.Set;

/** WebSockets only from our own pages or configured origins: another site must not read them with a user's cookies. */
final class OriginCheck {
    private final Set<String> allowedOrigins;

    OriginCheck(Set<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    /** Whether the upgrade may go ahead; false after answering 403. */
    boolean allows(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        String authority = ctx.request().authority() == null ? null : ctx.request().authority().toString();
        if (origin != null && !isOwnOrigin(origin, authority) && !allowedOrigins.contains(origin)) {
            Problems.send(ctx, 403, "WebSocket connections from " + Problems.abbreviate(origin) + " are not allowed");
            return false;
        }
        return true;
    }

    /** A page served by us connects from our own origin: same host and port as the request was addressed to. */
    private static boolean isOwnOrigin(String origin, String authority) {
        return authority != null && (origin.equals("http://" + authority) || origin.equals("https://" + authority));
    }
}
