package io.communique.web;

import io.communique.model.FactQuery;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * Facts from the read store ({@link FactStore}, read on the workers): {@code /api/facts} a page at a time, the bulk
 * export ({@link FactExport}) and the updates feed ({@link FactUpdates}).
 */
final class FactRoutes implements ApiRoutes {
    static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{64}");

    private final LiveState state;
    private final WorkerExecutor workers;

    FactRoutes(LiveState state, WorkerExecutor workers) {
        this.state = state;
        this.workers = workers;
    }

    @Override
    public void mount(Router router, Handler<RoutingContext> writeGuard) {
        router.get("/api/facts").handler(this::facts);
        FactSource facts = state.store().source(workers);
        router.get("/api/export/facts").handler(new FactExport(facts, workers));
        router.get("/api/updates").handler(new FactUpdates(facts, workers));
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
        if (since != null && !FactFilters.isDate(since)) {
            Problems.send(ctx, 400, "since must be a date as YYYY-MM-DD, not '" + Problems.abbreviate(since) + "'");
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
                .onSuccess(facts -> Replies.json(ctx, facts))
                .onFailure(error -> Problems.send(ctx, 503, "the facts could not be read: " + error.getMessage()));
    }
}
