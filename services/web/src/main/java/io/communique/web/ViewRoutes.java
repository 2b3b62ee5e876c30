package io.communique.web;

import io.communique.model.FactType;
import io.communique.model.contracts.Labels;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The views the projection publishes, as this instance follows them: countries, topics, events, their totals, and
 * the labels to show them by. Read-only and public; everything here is on the heap, so nothing blocks.
 */
final class ViewRoutes implements ApiRoutes {
    private static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{32}");

    private final LiveState state;

    ViewRoutes(LiveState state) {
        this.state = state;
    }

    @Override
    public void mount(Router router, Handler<RoutingContext> writeGuard) {
        router.get("/api/labels").handler(this::labels);
        router.get("/api/countries").handler(ctx -> Replies.json(ctx, state.countryList()));
        router.get("/api/countries/:code").handler(ctx -> view(ctx, ctx.pathParam("code").toUpperCase(),
                FactFilters.CODE, state::country, "a country or organisation with code"));
        router.get("/api/topics").handler(ctx -> Replies.json(ctx, state.topicList()));
        router.get("/api/topics/:id").handler(ctx -> view(ctx, ctx.pathParam("id"), FactFilters.TOPIC_ID, state::topic,
                "a topic with id"));
        router.get("/api/events").handler(this::events);
        router.get("/api/totals").handler(new TotalsRoute(state));
        router.get("/api/events/:id").handler(ctx -> view(ctx, ctx.pathParam("id"), EVENT_ID, state::event,
                "an event with id"));
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
        Replies.json(ctx, Map.of("countries", countries, "topics", topics, "types", types));
    }

    private static Map<String, String> bilingual(String zh, String en, String fallback) {
        return Map.of("zh", zh == null ? fallback : zh, "en", en == null ? fallback : en);
    }

    /** Serves a published view as its exact bytes; 404 when the key is malformed or has no view. */
    private static void view(RoutingContext ctx, String key, Pattern valid, Function<String, byte[]> lookup, String what) {
        byte[] view = valid.matcher(key).matches() ? lookup.apply(key) : null;
        if (view == null) {
            Problems.send(ctx, 404, "no facts about " + what + " '" + Problems.abbreviate(key) + "'");
        } else {
            ctx.response().putHeader("Content-Type", Replies.JSON).end(Buffer.buffer(view));
        }
    }

    /** Event views as published, most recent first, joined into one array without parsing them again; by topic too. */
    private void events(RoutingContext ctx) {
        Listing listing = Listing.of(ctx);
        if (listing == null) {
            return;
        }
        String topic = ctx.queryParams().get("topic");
        if (topic != null && !TotalsRoute.isTopicId(topic)) {
            Problems.send(ctx, 400, "topic must be a topic id such as trade, not '" + Problems.abbreviate(topic) + "'");
            return;
        }
        Buffer body = Buffer.buffer().appendString("[");
        List<byte[]> events = state.events(listing.country(), topic, listing.type(), listing.limit());
        for (int i = 0; i < events.size(); i++) {
            body.appendString(i == 0 ? "" : ",").appendBytes(events.get(i));
        }
        ctx.response().putHeader("Content-Type", Replies.JSON).end(body.appendString("]"));
    }
}
