package io.communique.web;

import io.communique.model.contracts.BusAddresses;
import io.communique.model.contracts.IngestFailures;
import io.communique.model.contracts.IngestRequest;
import io.communique.model.contracts.Utf8;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Documents: {@code GET /api/documents/:id} from the read store, and {@code POST /api/documents} (API token, text or
 * JSON body) handed to the ingest role over the event bus, answered once Kafka has the document and its facts.
 */
final class DocumentRoutes implements ApiRoutes {
    private static final String TEXT = "text/plain";

    private final Vertx vertx;
    private final LiveState state;
    private final Supplier<Health> health;
    private final WorkerExecutor workers;
    private final long maxDocumentBytes;
    private final long ingestTimeoutMs;

    DocumentRoutes(Vertx vertx, LiveState state, Supplier<Health> health, WorkerExecutor workers,
                   WebVerticle.Options options) {
        this.vertx = vertx;
        this.state = state;
        this.health = health;
        this.workers = workers;
        this.maxDocumentBytes = options.maxDocumentBytes();
        this.ingestTimeoutMs = options.ingestTimeoutMs();
    }

    @Override
    public void mount(Router router, Handler<RoutingContext> writeGuard) {
        router.post("/api/documents").handler(writeGuard);
        // A route of its own: Vert.x runs body handlers before any other handler of their route.
        router.post("/api/documents").handler(new ContentTypeGuard(List.of(TEXT, Replies.JSON)));
        router.get("/api/documents/:id").handler(this::document);
        router.post("/api/documents")
                .handler(BodyHandler.create(false).setBodyLimit(maxDocumentBytes))
                .handler(this::post);
    }

    private void document(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        if (!FactRoutes.DOCUMENT_ID.matcher(id).matches()) {
            Problems.send(ctx, 404, "no document with id '" + Problems.abbreviate(id) + "'");
            return;
        }
        workers.executeBlocking(() -> state.document(id), false)
                .onSuccess(document -> {
                    if (document == null) {
                        Problems.send(ctx, 404, "no document with id '" + Problems.abbreviate(id) + "'");
                    } else {
                        Replies.json(ctx, document);
                    }
                })
                .onFailure(error -> Problems.send(ctx, 503, "the document could not be read: " + error.getMessage()));
    }

    private void post(RoutingContext ctx) {
        IngestRequest request;
        try {
            request = readRequest(ctx);
        } catch (BadRequest e) {
            Problems.send(ctx, 400, e.getMessage());
            return;
        }
        boolean article = request.text() == null && request.url() != null;
        String problem = article ? null : request.problem();
        if (problem != null) {
            Problems.send(ctx, 400, problem);
            return;
        }
        if (!health.get().kafkaReachable()) {
            // Answer at once rather than after the producer's timeout: the client can retry elsewhere or later.
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, 503, "Kafka is unreachable; nothing was stored: " + health.get().reason());
            return;
        }
        vertx.eventBus().<JsonObject>request(article ? BusAddresses.ARTICLE : BusAddresses.INGEST, request.toJson(),
                        new DeliveryOptions().setSendTimeout(ingestTimeoutMs))
                .onSuccess(reply -> ctx.response().setStatusCode(202).putHeader("Content-Type", Replies.JSON)
                        .end(reply.body().encode()))
                .onFailure(error -> {
                    int status = IngestFailures.failureCode(error);
                    if (status == IngestFailures.UNAVAILABLE) {
                        ctx.response().putHeader("Retry-After", "5");
                    }
                    Problems.send(ctx, status, error.getMessage());
                });
    }

    /**
     * The request from a text/plain or JSON body ({@link ContentTypeGuard} let no other through); the query may carry
     * published, language and url for plain text.
     */
    private static IngestRequest readRequest(RoutingContext ctx) throws BadRequest {
        Buffer body = ctx.body().buffer();
        if (body == null || body.length() == 0) {
            throw new BadRequest("the request body is empty: send the report as text/plain or as JSON {\"text\": …}");
        }
        String text;
        try {
            text = Utf8.decode(body.getBytes());
        } catch (CharacterCodingException e) {
            throw new BadRequest("the body is not valid UTF-8");
        }
        if (!ContentTypeGuard.mediaType(ctx.request().getHeader("Content-Type")).equals(Replies.JSON)) {
            return new IngestRequest(text, "http", ctx.queryParams().get("url"), ctx.queryParams().get("language"),
                    ctx.queryParams().get("published"));
        }
        JsonObject json;
        try {
            json = new JsonObject(text);
        } catch (DecodeException e) {
            throw new BadRequest("the body must be a JSON object {\"text\": …}");
        }
        try {
            IngestRequest request = IngestRequest.fromJson(json);
            return new IngestRequest(request.text(), "http", request.url(), request.language(), request.published());
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    /** A body that is no report: answered 400 with the message. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }
}
