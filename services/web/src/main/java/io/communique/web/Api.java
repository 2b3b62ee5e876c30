package io.communique.web;

import io.communique.model.contracts.Labels;
import io.communique.model.contracts.BusAddresses;
import io.communique.model.contracts.IngestFailures;
import io.communique.model.contracts.IngestRequest;
import io.communique.model.contracts.Utf8;
import io.communique.model.Document;
import io.communique.model.FactQuery;
import io.communique.model.FactType;
import io.communique.model.Json;
import io.communique.model.Schemas;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.CorsHandler;
import io.vertx.ext.web.handler.StaticHandler;

import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** The HTTP API and the dashboard's static files: {@link #router()} builds every route, so tests can serve it alone. */
public final class Api {
    private static final Pattern CODE = FactFilters.CODE;
    private static final Pattern TOPIC_ID = FactFilters.TOPIC_ID;
    private static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");
    private static final int DEFAULT_LIMIT = 100;
    private static final long ADMIN_TIMEOUT_MS = 10 * 60 * 1000;
    private static final long TIME_LAPSE_TICK_MS = 100;
    private static final int MAX_LIMIT = 1000;
    private static final String JSON = "application/json";
    private static final String TEXT = "text/plain";
    /** Every route below, described; OpenApiTest holds the two together. */
    static final String OPENAPI_RESOURCE = "/openapi/communique.openapi.json";
    /** Documents come from strangers: the dashboard may run only its own scripts. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final Vertx vertx;
    private final LiveState state;
    private final Supplier<Health> health;
    private final LiveClients clients;
    private final WebVerticle.Options options;
    private final WriteGuard writeGuard;
    private final Supplier<Future<Map<String, Object>>> streams;
    private final List<ApiRoutes> features = new ArrayList<>();
    /** Encodes exports and update pages off the event loop. */
    private final WorkerExecutor workers;
    /** The OpenAPI document, read once from the classpath on a worker thread. */
    private final Future<Buffer> openApi;

    /** @param streams the topics and consumer groups as Kafka's Admin API sees them now */
    public Api(Vertx vertx, LiveState state, Supplier<Health> health, LiveClients clients, WebVerticle.Options options,
               Supplier<Future<Map<String, Object>>> streams) {
        this.vertx = vertx;
        this.streams = streams;
        this.state = state;
        this.health = health;
        this.clients = clients;
        this.options = options;
        this.workers = vertx.createSharedWorkerExecutor("communique-export", 2);
        this.openApi = workers.executeBlocking(() -> Buffer.buffer(Resources.bytes(OPENAPI_RESOURCE)));
        this.writeGuard = new WriteGuard(options.apiToken(), new RateLimiter(options.writesPerMinute(), System::nanoTime),
                new RateLimiter(options.authFailuresPerMinute(), System::nanoTime));
    }

    /** Adds a feature's routes (see {@link ApiRoutes}), mounted by {@link #router()}. */
    Api with(ApiRoutes routes) {
        features.add(routes);
        return this;
    }

    public Router router() {
        Router router = Router.router(vertx);
        router.route().handler(new HostGuard(options.allowedHosts())); // every request and upgrade, before all else
        // Next, before any handler touches the response: Vert.x 5.0.7 clients fail the upgrade when the 101 carries
        // headers that an earlier route handler set.
        router.get("/ws").handler(this::webSocket);
        router.get("/ws/replay").handler(this::timeLapse);
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
                    .exposedHeaders(Set.of(FactExport.CURSOR_HEADER)));
        }
        router.post("/api/documents").handler(writeGuard);
        // A route of its own: Vert.x runs body handlers before any other handler of their route.
        router.post("/api/documents").handler(new ContentTypeGuard(List.of(TEXT, JSON)));
        router.route("/api/admin/*").handler(writeGuard);
        router.get("/api/health").handler(this::health);
        router.get("/api/labels").handler(this::labels);
        router.get("/api/countries").handler(ctx -> json(ctx, state.countryList()));
        router.get("/api/countries/:code").handler(ctx -> view(ctx, ctx.pathParam("code").toUpperCase(), CODE,
                state::country, "a country or organisation with code"));
        router.get("/api/topics").handler(ctx -> json(ctx, state.topicList()));
        router.get("/api/topics/:id").handler(ctx -> view(ctx, ctx.pathParam("id"), TOPIC_ID, state::topic,
                "a topic with id"));
        router.get("/api/facts").handler(this::facts);
        FactSource facts = state.store().source(workers);
        router.get("/api/export/facts").handler(new FactExport(facts, workers));
        router.get("/api/updates").handler(new FactUpdates(facts, workers));
        router.get("/api/events").handler(this::events);
        router.get("/api/totals").handler(new TotalsRoute(state));
        router.get("/api/events/:id").handler(ctx -> view(ctx, ctx.pathParam("id"), EVENT_ID, state::event,
                "an event with id"));
        router.get("/api/documents/:id").handler(this::document);
        router.post("/api/documents")
                .handler(BodyHandler.create(false).setBodyLimit(options.maxDocumentBytes()))
                .handler(this::postDocument);
        router.post("/api/admin/rebuild").handler(ctx -> admin(ctx, BusAddresses.PROJECTION_REBUILD, "rebuild"));
        router.post("/api/admin/reextract").handler(ctx -> admin(ctx, BusAddresses.REEXTRACT, "re-extraction"));
        router.get("/api/sources").handler(ctx -> vertx.eventBus().<JsonArray>request(BusAddresses.SOURCES_STATUS, null)
                .onSuccess(reply -> ctx.response().putHeader("Content-Type", JSON).end(reply.body().encode()))
                .onFailure(error -> json(ctx, List.of()))); // no ingest role here: no sources
        router.get("/api/streams").handler(ctx -> streams.get()
                .onSuccess(body -> json(ctx, body))
                .onFailure(error -> Problems.send(ctx, 503, "Kafka's Admin API did not answer: " + error.getMessage())));
        router.get("/api/schemas").handler(ctx -> json(ctx, Topics.ALL.stream().map(spec -> Map.of(
                "topic", spec.name(), "schema", "/api/schemas/" + spec.name())).toList()));
        router.get("/api/schemas/:topic").handler(this::schema);
        router.get("/api/openapi.json").handler(ctx -> openApi
                .onSuccess(document -> ctx.response().putHeader("Content-Type", JSON).end(document))
                .onFailure(error -> Problems.send(ctx, 500, "the OpenAPI document is missing: " + error.getMessage())));
        features.forEach(feature -> feature.mount(router, writeGuard));
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

    private void health(RoutingContext ctx) {
        Health now = health.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", now.up() ? "UP" : "DOWN");
        body.put("kafka", now.kafka());
        body.put("kafkaReachable", now.kafkaReachable());
        body.put("caughtUp", now.caughtUp());
        if (now.reason() != null) {
            body.put("reason", now.reason());
        }
        ctx.response().setStatusCode(now.up() ? 200 : 503).putHeader("Content-Type", JSON).end(Json.write(body));
    }

    private void labels(RoutingContext ctx) {
        Labels lexicon = Labels.get();
        Map<String, Map<String, String>> countries = new LinkedHashMap<>();
        state.countryList().forEach(item -> {
            String code = (String) item.get("code");
            countries.put(code, bilingual(lexicon.countryName(code, "zh"), lexicon.countryName(code, "en"), code));
        });
        Map<String, Map<String, String>> topics = new LinkedHashMap<>();
        lexicon.topics().forEach(topic -> topics.put(topic.id(), bilingual(topic.zh(), topic.en(), topic.id())));
        Map<String, Map<String, String>> types = new LinkedHashMap<>();
        for (FactType type : FactType.values()) {
            types.put(type.name(), TypeLabels.of(type));
        }
        json(ctx, Map.of("countries", countries, "topics", topics, "types", types));
    }

    private static Map<String, String> bilingual(String zh, String en, String fallback) {
        return Map.of("zh", zh == null ? fallback : zh, "en", en == null ? fallback : en);
    }

    /** Serves a published view as its exact bytes; 404 when the key is malformed or has no view. */
    private static void view(RoutingContext ctx, String key, Pattern valid, Function<String, byte[]> lookup, String what) {
        byte[] view = valid.matcher(key).matches() ? lookup.apply(key) : null;
        if (view == null) {
            Problems.send(ctx, 404, "no facts about " + what + " '" + abbreviate(key) + "'");
        } else {
            ctx.response().putHeader("Content-Type", JSON).end(Buffer.buffer(view));
        }
    }

    /** The filters facts and events are listed by; null after answering 400 when one is malformed. */
    private record Listing(String country, FactType type, int limit) {
        static Listing of(RoutingContext ctx) {
            String country = ctx.queryParams().get("country");
            String type = ctx.queryParams().get("type");
            String limit = ctx.queryParams().get("limit");
            if (country != null && !CODE.matcher(country).matches()) {
                Problems.send(ctx, 400, "country must be a code such as RU or G20, not '" + abbreviate(country) + "'");
                return null;
            }
            FactType factType = FactFilters.type(ctx, type);
            if (type != null && factType == null) {
                return null;
            }
            int max;
            try {
                max = limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > MAX_LIMIT) {
                Problems.send(ctx, 400, "limit must be a whole number from 1 to " + MAX_LIMIT);
                return null;
            }
            return new Listing(country, factType, max);
        }
    }

    private void facts(RoutingContext ctx) {
        String since = ctx.queryParams().get("since");
        String offset = ctx.queryParams().get("offset");
        String documentId = ctx.queryParams().get("document");
        if (documentId != null && !DOCUMENT_ID.matcher(documentId).matches()) {
            Problems.send(ctx, 400, "document must be a document id (64 hex characters)");
            return;
        }
        Listing listing = Listing.of(ctx);
        if (listing == null) {
            return;
        }
        if (since != null && !isDate(since)) {
            Problems.send(ctx, 400, "since must be a date as YYYY-MM-DD, not '" + abbreviate(since) + "'");
            return;
        }
        int skip;
        try {
            skip = offset == null ? 0 : Integer.parseInt(offset);
        } catch (NumberFormatException e) {
            skip = -1;
        }
        if (skip < 0) {
            Problems.send(ctx, 400, "offset must be a whole number from 0");
            return;
        }
        FactQuery query = new FactQuery(listing.country(), listing.type(), null, since, null, documentId);
        int first = skip;
        workers.executeBlocking(() -> state.facts(query, first, listing.limit()), false)
                .onSuccess(facts -> json(ctx, facts))
                .onFailure(error -> Problems.send(ctx, 503, "the facts could not be read: " + error.getMessage()));
    }

    /** Event views as published, most recent first, joined into one array without parsing them again; by topic too. */
    private void events(RoutingContext ctx) {
        Listing listing = Listing.of(ctx);
        if (listing == null) {
            return;
        }
        String topic = ctx.queryParams().get("topic");
        if (topic != null && !TotalsRoute.isTopicId(topic)) {
            Problems.send(ctx, 400, "topic must be a topic id such as trade, not '" + abbreviate(topic) + "'");
            return;
        }
        Buffer body = Buffer.buffer().appendString("[");
        List<byte[]> events = state.events(listing.country(), topic, listing.type(), listing.limit());
        for (int i = 0; i < events.size(); i++) {
            body.appendString(i == 0 ? "" : ",").appendBytes(events.get(i));
        }
        ctx.response().putHeader("Content-Type", JSON).end(body.appendString("]"));
    }

    private void document(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!DOCUMENT_ID.matcher(id).matches()) {
            Problems.send(ctx, 404, "no document with id '" + abbreviate(id) + "'");
            return;
        }
        workers.executeBlocking(() -> state.document(id), false)
                .onSuccess(document -> {
                    if (document == null) {
                        Problems.send(ctx, 404, "no document with id '" + abbreviate(id) + "'");
                    } else {
                        json(ctx, document);
                    }
                })
                .onFailure(error -> Problems.send(ctx, 503, "the document could not be read: " + error.getMessage()));
    }

    private void schema(RoutingContext ctx) {
        String schema = Schemas.of(ctx.pathParam("topic"));
        if (schema == null) {
            Problems.send(ctx, 404, "no topic named '" + abbreviate(ctx.pathParam("topic")) + "'");
        } else {
            ctx.response().putHeader("Content-Type", "application/schema+json").end(schema);
        }
    }

    private void postDocument(RoutingContext ctx) {
        IngestRequest request;
        try {
            request = readRequest(ctx);
        } catch (BadRequest e) {
            Problems.send(ctx, e.status, e.getMessage());
            return;
        }
        String problem = request.text() == null && request.url() != null ? null : request.problem();
        if (problem != null) {
            Problems.send(ctx, 400, problem);
            return;
        }
        boolean article = request.text() == null && request.url() != null;
        if (!health.get().kafkaReachable()) {
            // Answer at once rather than after the producer's timeout: the client can retry elsewhere or later.
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, 503, "Kafka is unreachable; nothing was stored: " + health.get().reason());
            return;
        }
        vertx.eventBus().<JsonObject>request(article ? BusAddresses.ARTICLE : BusAddresses.INGEST, request.toJson(),
                        new DeliveryOptions().setSendTimeout(options.ingestTimeoutMs()))
                .onSuccess(reply -> ctx.response().setStatusCode(202).putHeader("Content-Type", JSON)
                        .end(reply.body().encode()))
                .onFailure(error -> {
                    int status = IngestFailures.failureCode(error);
                    if (status == IngestFailures.UNAVAILABLE) {
                        ctx.response().putHeader("Retry-After", "5");
                    }
                    Problems.send(ctx, status, error.getMessage());
                });
    }

    /** An admin action that the projection or ingest verticle of this instance carries out. */
    private void admin(RoutingContext ctx, String address, String action) {
        vertx.eventBus().<JsonObject>request(address, null, new DeliveryOptions().setSendTimeout(ADMIN_TIMEOUT_MS))
                .onSuccess(reply -> ctx.response().putHeader("Content-Type", JSON).end(reply.body().encode()))
                .onFailure(error -> Problems.send(ctx, 503, action + " failed: " + error.getMessage()));
    }

    /**
     * The request from a text/plain or JSON body ({@link ContentTypeGuard} let no other through); the query may carry
     * published, language and url for plain text.
     */
    private IngestRequest readRequest(RoutingContext ctx) throws BadRequest {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new BadRequest(400, "the request body is empty: send the report as text/plain or as JSON {\"text\": …}");
        }
        String text = decodeUtf8(body);
        if (!ContentTypeGuard.mediaType(ctx.request().getHeader("Content-Type")).equals(JSON)) {
            return new IngestRequest(text, "http", ctx.queryParams().get("url"), ctx.queryParams().get("language"),
                    ctx.queryParams().get("published"));
        }
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new BadRequest(400, "the body must be a JSON object {\"text\": …}");
        }
        try {
            IngestRequest request = IngestRequest.fromJson(json);
            return new IngestRequest(request.text(), "http", request.url(), request.language(), request.published());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, e.getMessage());
        }
    }

    private static String decodeUtf8(Buffer body) throws BadRequest {
        try {
            return Utf8.decode(body.getBytes());
        } catch (CharacterCodingException e) {
            throw new BadRequest(400, "the body is not valid UTF-8");
        }
    }

    private void webSocket(RoutingContext ctx) {
        if (!sameOriginOrAllowed(ctx)) {
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

    /**
     * A time-lapse session of its own for one browser: {@code /ws/replay?from=YYYY-MM-DD&to=YYYY-MM-DD&speed=N} plays
     * the facts dated in the period at N days per second; the client sends play, pause, speed and seek.
     */
    private void timeLapse(RoutingContext ctx) {
        if (!sameOriginOrAllowed(ctx)) {
            return;
        }
        String from = ctx.queryParams().get("from");
        String to = ctx.queryParams().get("to");
        String speed = ctx.queryParams().get("speed");
        if (from == null || to == null || !isDate(from) || !isDate(to) || LocalDate.parse(to).isBefore(LocalDate.parse(from))) {
            Problems.send(ctx, 400, "from and to must be dates as YYYY-MM-DD, from not after to");
            return;
        }
        int daysPerSecond;
        try {
            daysPerSecond = speed == null ? 30 : Integer.parseInt(speed);
        } catch (NumberFormatException e) {
            daysPerSecond = 0;
        }
        if (daysPerSecond < 1 || daysPerSecond > TimeLapse.MAX_SPEED) {
            Problems.send(ctx, 400, "speed must be a whole number of days per second from 1 to " + TimeLapse.MAX_SPEED);
            return;
        }
        int speedDays = daysPerSecond;
        ctx.request().toWebSocket().onSuccess(socket -> {
            // Held until the period's facts are read from the store on a worker; control messages wait meanwhile.
            socket.pause();
            workers.executeBlocking(() -> new TimeLapse(state.facts(new FactQuery(null, null, null, from, to, null), 0,
                            Integer.MAX_VALUE), LocalDate.parse(from), LocalDate.parse(to), speedDays), false)
                    .onSuccess(lapse -> play(socket, lapse))
                    .onFailure(error -> socket.close((short) 1011, "the facts could not be read"));
        }).onFailure(error -> Problems.send(ctx, 400, "WebSocket upgrade failed: " + error.getMessage()));
    }

    private void play(ServerWebSocket socket, TimeLapse lapse) {
        if (socket.isClosed()) {
            return; // the browser left while the facts were read
        }
        socket.setWriteQueueMaxSize(options.maxClientQueueBytes());
        socket.writeTextMessage(lapse.clock());
        long timer = vertx.setPeriodic(TIME_LAPSE_TICK_MS, id -> send(socket, lapse.advance(TIME_LAPSE_TICK_MS / 1000.0)));
        socket.closeHandler(v -> vertx.cancelTimer(timer));
        socket.textMessageHandler(text -> {
            try {
                send(socket, lapse.control(new JsonObject(text).getMap()));
            } catch (RuntimeException e) {
                socket.writeTextMessage(new JsonObject().put("type", "replay-error")
                        .put("detail", "send {\"action\": \"play\"|\"pause\"|\"speed\"|\"seek\", \"value\": …}").encode());
            }
        });
        socket.resume();
    }

    /** Sends in order; a client that cannot keep up with its own time-lapse is closed rather than buffered. */
    private static void send(ServerWebSocket socket, List<String> messages) {
        for (String message : messages) {
            if (socket.writeQueueFull()) {
                socket.close((short) 1013, "too slow");
                return;
            }
            socket.writeTextMessage(message);
        }
    }

    /** WebSockets only from our own pages or configured origins: another site must not read them with a user's cookies. */
    private boolean sameOriginOrAllowed(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && !isOwnOrigin(origin, ctx.request().authority() == null ? null : ctx.request().authority().toString())
                && !options.allowedOrigins().contains(origin)) {
            Problems.send(ctx, 403, "WebSocket connections from " + abbreviate(origin) + " are not allowed");
            return false;
        }
        return true;
    }

    /** A page served by us connects from our own origin: same host and port as the request was addressed to. */
    private static boolean isOwnOrigin(String origin, String authority) {
        return authority != null && (origin.equals("http://" + authority) || origin.equals("https://" + authority));
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

    private static void json(RoutingContext ctx, Object value) {
        ctx.response().putHeader("Content-Type", JSON).end(Buffer.buffer(Json.bytes(value)));
    }

    static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Echoes of user input are cut short: an error message must not carry a megabyte back. */
    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static final class BadRequest extends Exception {
        private final int status;

        BadRequest(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
