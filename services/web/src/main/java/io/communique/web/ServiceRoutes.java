package io.communique.web;

import io.communique.model.Json;
import io.communique.model.Schemas;
import io.communique.model.Topics;
import io.communique.model.contracts.BusAddresses;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The service itself: health, live sources, Kafka topics and consumer groups, the topics' JSON Schemas and the
 * OpenAPI document.
 */
final class ServiceRoutes implements ApiRoutes {
    /** Every route of the API, described; OpenApiTest holds the two together. */
    static final String OPENAPI_RESOURCE = "/openapi/communique.openapi.json";

    private final Vertx vertx;
    private final Supplier<Health> health;
    private final Supplier<Future<Map<String, Object>>> streams;
    /** The OpenAPI document, read once from the classpath on a worker thread. */
    private final Future<Buffer> openApi;

    /** @param streams the topics and consumer groups as Kafka's Admin API sees them now */
    ServiceRoutes(Vertx vertx, Supplier<Health> health, Supplier<Future<Map<String, Object>>> streams,
                  WorkerExecutor workers) {
        this.vertx = vertx;
        this.health = health;
        this.streams = streams;
        this.openApi = workers.executeBlocking(() -> Buffer.buffer(Resources.bytes(OPENAPI_RESOURCE)));
    }

    @Override
    public void mount(Router router, Handler<RoutingContext> writeGuard) {
        router.get("/api/health").handler(this::health);
        router.get("/api/sources").handler(ctx -> vertx.eventBus().<JsonArray>request(BusAddresses.SOURCES_STATUS, null)
                .onSuccess(reply -> ctx.response().putHeader("Content-Type", Replies.JSON).end(reply.body().encode()))
                .onFailure(error -> Replies.json(ctx, List.of()))); // no ingest role here: no sources
        router.get("/api/streams").handler(ctx -> streams.get()
                .onSuccess(body -> Replies.json(ctx, body))
                .onFailure(error -> Problems.send(ctx, 503, "Kafka's Admin API did not answer: " + error.getMessage())));
        router.get("/api/schemas").handler(ctx -> Replies.json(ctx, Topics.ALL.stream().map(spec -> Map.of(
                "topic", spec.name(), "schema", "/api/schemas/" + spec.name())).toList()));
        router.get("/api/schemas/:topic").handler(this::schema);
        router.get("/api/openapi.json").handler(ctx -> openApi
                .onSuccess(document -> ctx.response().putHeader("Content-Type", Replies.JSON).end(document))
                .onFailure(error -> Problems.send(ctx, 500, "the OpenAPI document is missing: " + error.getMessage())));
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
        ctx.response().setStatusCode(now.up() ? 200 : 503).putHeader("Content-Type", Replies.JSON).end(Json.write(body));
    }

    private void schema(RoutingContext ctx) {
        String schema = Schemas.of(ctx.pathParam("topic"));
        if (schema == null) {
            Problems.send(ctx, 404, "no topic named '" + Problems.abbreviate(ctx.pathParam("topic")) + "'");
        } else {
            ctx.response().putHeader("Content-Type", "application/schema+json").end(schema);
        }
    }
}
