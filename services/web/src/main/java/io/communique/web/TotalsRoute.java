package io.communique.web;

import io.communique.model.Json;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * {@code GET /api/totals}: the counters of the dashboard, from the totals of every view the web tier holds rather than
 * from the facts a page loaded. Without a query: facts, events, the reports in events, documents, countries and
 * topics; with {@code country=RU} or {@code topic=trade}: that one's events and the reports in them.
 */
final class TotalsRoute implements Handler<RoutingContext> {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9+]{1,7}");
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private final LiveState state;

    TotalsRoute(LiveState state) {
        this.state = state;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String country = ctx.queryParams().get("country");
        String topic = ctx.queryParams().get("topic");
        if (country != null && topic != null) {
            Problems.send(ctx, 400, "give country or topic, not both");
        } else if (country != null && !CODE.matcher(country).matches()) {
            Problems.send(ctx, 400, "country must be a code such as RU or G20");
        } else if (topic != null && !TOPIC_ID.matcher(topic).matches()) {
            Problems.send(ctx, 400, "topic must be a topic id such as trade");
        } else {
            Object totals = country != null ? state.countryTotals(country)
                    : topic != null ? state.topicTotals(topic) : state.totals();
            ctx.response().putHeader("Content-Type", "application/json").end(Json.write(totals));
        }
    }

    /** Whether the value is a topic id as views are keyed by. */
    static boolean isTopicId(String value) {
        return TOPIC_ID.matcher(value).matches();
    }
}
