package io.communique.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The HTTP API and the dashboard's static files: {@link #router()} builds every route, so tests can serve it alone.
 * What applies to every request is here (connection limit, Host check, security headers, CORS, errors, static
 * files); the routes of each resource are in their own {@link ApiRoutes}, the WebSockets in {@link LiveSocket} and
 * {@link TimeLapseSocket}.
 */
public final class Api {
    /** Documents come from strangers: the dashboard may run only its own scripts. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Vertx vertx;
    private final WebVerticle.Options options;
    /** Checks the API token of writes and admin actions: every resource's routes that change something mount it. */
    private final WriteGuard writeGuard;
    private final ConnectionLimit connectionLimit;
    private final LiveSocket liveSocket;
    private final TimeLapseSocket timeLapseSocket;
    private final List<ApiRoutes> resources = new ArrayList<>();

    /** @param streams the topics and consumer groups as Kafka's Admin API sees them now */
    public Api(Vertx vertx, LiveState state, Supplier<Health> health, LiveClients clients, WebVerticle.Options options,
               Supplier<Future<Map<String, Object>>> streams) {
        this.vertx = vertx;
        this.options = options;
        // Reads the store, encodes exports and update pages: off the event loop.
        WorkerExecutor workers = vertx.createSharedWorkerExecutor("communique-export", 2);
        this.writeGuard = new WriteGuard(options.apiToken(), new RateLimiter(options.writesPerMinute(), System::nanoTime),
                new RateLimiter(options.authFailuresPerMinute(), System::nanoTime));
        OriginCheck origins = new OriginCheck(options.allowedOrigins());
        PerAddress webSockets = new PerAddress(options.limits().webSocketsPerAddress());
        this.connectionLimit = new ConnectionLimit(options.limits().connectionsPerAddress());
        this.liveSocket = new LiveSocket(state, clients, origins, webSockets);
        this.timeLapseSocket = new TimeLapseSocket(vertx, state, workers, origins, options.maxClientQueueBytes(),
                webSockets, options.limits().concurrentReplays(), options.limits().replayMaxFacts());
        resources.add(new ServiceRoutes(vertx, health, streams, workers));
        resources.add(new ViewRoutes(state));
        resources.add(new FactRoutes(state, workers));
        resources.add(new DocumentRoutes(vertx, state, health, workers, options));
        resources.add(new AdminRoutes(vertx));
    }

    /** Adds a feature's routes (see {@link ApiRoutes}), mounted by {@link #router()} after the API's own. */
    Api with(ApiRoutes routes) {
        resources.add(routes);
        return this;
    }

    public Router router() {
        Router router = Router.router(vertx);
        // Every request and upgrade, before all else: the client's connections, then the name it addressed.
        if (options.limits().connectionsPerAddress() > 0) {
            router.route().handler(connectionLimit);
        }
        router.route().handler(new HostGuard(options.allowedHosts()));
        // Next, before any handler touches the response: Vert.x 5.0.7 clients fail the upgrade when the 101 carries
        // headers that an earlier route handler set.
        router.get("/ws").handler(liveSocket);
        router.get("/ws/replay").handler(timeLapseSocket);
        router.route().handler(ctx -> {
            ctx.response()
                    .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer");
            ctx.next();
        });
        if (!options.allowedOrigins().isEmpty()) {
            router.route("/api/*").handler(CorsHandler.create().addOrigins(List.copyOf(options.allowedOrigins()))
                    .allowedMethods(Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.DELETE))
                    .allowedHeaders(Set.of("Authorization", "Content-Type"))
                    .exposedHeaders(Set.of(FactExport.CURSOR_HEADER, FactRoutes.NEXT_HEADER, "Link")));
        }
        resources.forEach(resource -> resource.mount(router, writeGuard));
        router.route("/api/*").handler(ctx -> Problems.send(ctx, 404, "no such endpoint: " + ctx.request().path()));
        router.route().handler(ctx -> {
            // The page names its hashed assets: it must always be fresh, while the assets can be kept for good.
            boolean asset = ctx.request().path().startsWith("/assets/");
            ctx.response().putHeader("Cache-Control", asset ? "public, max-age=31536000, immutable" : "no-cache");
            ctx.next();
        });
        router.route().handler(StaticHandler.create("webroot").setIndexPage("index.html").setCachingEnabled(false));
        router.route().failureHandler(this::failure);
        return router;
    }

    private void failure(RoutingContext ctx) {
        int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
        String detail = switch (status) {
            case 413 -> "the body exceeds the limit of " + options.maxDocumentBytes() + " bytes";
            case 404 -> "nothing at " + ctx.request().path();
            case 405 -> "method not allowed here";
            default -> status >= 500 ? "internal error" : "request failed";
        };
        Problems.send(ctx, status, detail);
    }
}
