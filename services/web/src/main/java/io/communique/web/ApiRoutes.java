package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Routes of one feature that {@link Api#router()} mounts among its own, before its catch-all answers. */
interface ApiRoutes {
    /** @param writeGuard the API token and write limit, for the routes that change something */
    void mount(Router router, Handler<RoutingContext> writeGuard);
}
