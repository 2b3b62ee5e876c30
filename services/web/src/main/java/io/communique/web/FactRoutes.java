package io.communique.web;

import io.communique.model.FactQuery;
import io.vertx.core.Handler;
import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Facts from the read store ({@link FactStore}, read on the workers): {@code /api/facts} a page at a time (by key,
 * see {@link FactPageKey}), the bulk export ({@link FactExport}) and the updates feed ({@link FactUpdates}).
 */
final class FactRoutes implements ApiRoutes {
    static final Pattern DOCUMENT_ID = Pattern.compile("[0-9a-f]{64}");
    /** Where the next page starts, on every full page: pass it back as {@code after}. */
    static final String NEXT_HEADER = "Communique-Next";
    /**
     * The deepest {@code offset}: 10 pages of the largest size, a scan of a few milliseconds; deeper pages are
     * reached by key. Fixed rather than configured: the OpenAPI document states it, and clients rely on it.
     */
    static final int MAX_OFFSET = 10_000;

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

    /**
     * A page of facts, most recent first: after the key of the previous page's last fact ({@code after}, from the
     * {@value #NEXT_HEADER} or {@code Link} header of a full page), or the {@code offset}-th on, up to
     * {@value #MAX_OFFSET}: an offset costs a scan of every fact before it, a key a lookup in the index.
     */
    private void facts(RoutingContext ctx) {
        String since = ctx.queryParams().get("since");
        String offset = ctx.queryParams().get("offset");
        String after = ctx.queryParams().get("after");
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
        FactPageKey key = after == null ? null : FactPageKey.parse(after);
        if (after != null && (key == null || offset != null)) {
            Problems.send(ctx, 400, offset != null ? "give after or offset, not both"
                    : "after must be the " + NEXT_HEADER + " header of the previous page, not '"
                    + Problems.abbreviate(after) + "'");
            return;
        }
        int skip;
        try {
            skip = offset == null ? 0 : Integer.parseInt(offset);
        } catch (NumberFormatException e) {
            skip = -1;
        }
        if (skip < 0 || skip > MAX_OFFSET) {
            Problems.send(ctx, 400, "offset must be a whole number from 0 to " + MAX_OFFSET
                    + "; page deeper with after=<the " + NEXT_HEADER + " header of the previous page>");
            return;
        }
        FactQuery query = new FactQuery(listing.country(), listing.type(), null, since, null, documentId);
        int first = skip;
        workers.executeBlocking(() -> key != null ? state.store().factsAfter(query, key, listing.limit())
                        : state.facts(query, first, listing.limit()), false)
                .onSuccess(facts -> {
                    if (facts.size() == listing.limit()) { // maybe more: where the next page starts
                        String next = FactPageKey.of(facts.get(facts.size() - 1)).toString();
                        ctx.response().putHeader(NEXT_HEADER, next)
                                .putHeader("Link", "<" + nextPage(ctx, next) + ">; rel=\"next\"");
                    }
                    Replies.json(ctx, facts);
                })
                .onFailure(error -> Problems.send(ctx, 503, "the facts could not be read: " + error.getMessage()));
    }

    /** This request's path and query, paging after {@code next} instead. */
    private static String nextPage(RoutingContext ctx, String next) {
        StringBuilder uri = new StringBuilder(ctx.request().path()).append("?after=").append(next);
        ctx.queryParams().forEach((name, value) -> {
            if (!name.equals("after") && !name.equals("offset")) {
                uri.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return uri.toString();
    }
}
