package io.communique.web;

import io.communique.model.FactCursor;
import io.communique.model.Json;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Handler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/updates?since=CURSOR&limit=N}: the facts added, changed and retracted since the cursor (none: since
 * the beginning), each once and as it is now, with the cursor to ask from next time. A client that applies the answers
 * in turn, from an empty copy, holds exactly what {@code /api/facts} lists, retractions included.
 */
final class FactUpdates implements Handler<RoutingContext> {
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 10_000;

    private final FactSource source;
    private final WorkerExecutor workers;

    FactUpdates(FactSource source, WorkerExecutor workers) {
        this.source = source;
        this.workers = workers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        FactCursor since;
        try {
            since = FactCursor.parse(ctx.queryParams().get("since"));
        } catch (IllegalArgumentException e) {
            Problems.send(ctx, 400, "since must be a cursor: " + e.getMessage());
            return;
        }
        String limitText = ctx.queryParams().get("limit");
        int limit;
        try {
            limit = limitText == null ? DEFAULT_LIMIT : Integer.parseInt(limitText);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            Problems.send(ctx, 400, "limit must be a whole number from 1 to " + MAX_LIMIT);
            return;
        }
        source.updates(since, limit)
                .compose(changes -> workers.executeBlocking(() -> Json.bytes(body(changes)), false))
                .onSuccess(bytes -> ctx.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(bytes)))
                .onFailure(error -> Problems.send(ctx, 503, "the updates could not be read: " + error.getMessage()));
    }

    private static Map<String, Object> body(FactSource.Updates changes) {
        List<Map<String, Object>> list = new ArrayList<>(changes.changes().size());
        for (FactSource.Update change : changes.changes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("change", change.kind().name().toLowerCase(Locale.ROOT));
            item.put("id", change.id());
            if (change.fact() != null) {
                item.put("fact", change.fact());
            }
            list.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cursor", changes.next().toString());
        body.put("more", changes.more());
        body.put("changes", list);
        return body;
    }
}
