package io.communique.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** The routes of one resource, which {@link Api#router()} mounts before its catch-all answers. */
interface ApiRoutes {
    /** @param writeGuard the API token and write limit, for the routes that change something */
    void mount(Router router, Handler<RoutingContext> writeGuard);
}
