package io.communique.web;

import io.communique.model.FactType;
import io.vertx.ext.web.RoutingContext;

/** The filters facts and events are listed by ({@code country, type, limit}), checked; 400s say what is wrong. */
record Listing(String country, FactType type, int limit) {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** The request's listing; null after answering 400 when a parameter is malformed. */
    static Listing of(RoutingContext ctx) {
        String country = ctx.queryParams().get("country");
        String type = ctx.queryParams().get("type");
        String limit = ctx.queryParams().get("limit");
        if (country != null && !FactFilters.CODE.matcher(country).matches()) {
            Problems.send(ctx, 400, "country must be a code such as RU or G20, not '" + Problems.abbreviate(country) + "'");
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
