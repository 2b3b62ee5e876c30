package io.communique.web;

import io.communique.model.net.FetchException;
import io.communique.model.net.UrlGuard;
import io.communique.model.FactType;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.model.Watch;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Watches and alerts over HTTP: {@code POST /api/watches} and {@code DELETE /api/watches/:id} (API token) write the
 * compacted watch topic and answer once Kafka has the record; {@code GET /api/watches}, {@code GET /api/watches/:id}
 * and {@code GET /api/alerts} read what this instance follows. The webhook secret is answered once, on creation.
 */
final class WatchRoutes implements ApiRoutes {
    private static final Pattern WATCH_ID = Pattern.compile("[0-9a-f]{32}");
    private static final int MAX_BODY_BYTES = 16 * 1024;
    private static final int MAX_ITEMS = 50;
    private static final int MAX_TEXT = 200;
    private static final String JSON = "application/json";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WatchState state;
    private final KafkaProducer<String, byte[]> producer;
    private final Supplier<Instant> clock;

    /** @param producer writes the watch topic (the web verticle's) */
    WatchRoutes(WatchState state, KafkaProducer<String, byte[]> producer, Supplier<Instant> clock) {
        this.state = state;
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public void mount(Router router, Handler<RoutingContext> writeGuard) {
        router.post("/api/watches").handler(writeGuard);
        router.post("/api/watches").handler(new ContentTypeGuard(List.of(JSON)));
        router.delete("/api/watches/:id").handler(writeGuard);
        router.post("/api/watches").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(this::create)
                .failureHandler(ctx -> {
                    if (ctx.statusCode() == 413) {
                        Problems.send(ctx, 413, "a watch is at most " + MAX_BODY_BYTES + " bytes");
                    } else {
                        ctx.next();
                    }
                });
        router.get("/api/watches").handler(ctx -> json(ctx, 200, state.watches()));
        router.get("/api/watches/:id").handler(this::one);
        router.delete("/api/watches/:id").handler(this::delete);
        router.get("/api/alerts").handler(this::alerts);
    }

    private void create(RoutingContext ctx) {
        Watch watch;
        try {
            JsonObject body = new JsonObject(ctx.body().asString("UTF-8"));
            watch = watchOf(body, newId(), clock.get().truncatedTo(ChronoUnit.MILLIS).toString());
        } catch (DecodeException | ClassCastException e) {
            Problems.send(ctx, 400, "the body must be a JSON object {\"name\", \"countries\", \"pair\", \"types\", "
                    + "\"topics\", \"persons\", \"webhook\": {\"url\", \"secret\"}}");
            return;
        } catch (IllegalArgumentException e) {
            Problems.send(ctx, 400, e.getMessage());
            return;
        }
        producer.send(KafkaProducerRecord.create(Topics.WATCHES, watch.id(), Json.bytes(watch)))
                .onSuccess(written -> {
                    state.put(watch);
                    ctx.response().putHeader("Location", "/api/watches/" + watch.id());
                    json(ctx, 201, watch); // with its secret: the only time it is shown
                })
                .onFailure(error -> Problems.send(ctx, 503, "Kafka did not take the watch: " + error.getMessage()));
    }

    private void one(RoutingContext ctx) {
        Watch watch = found(ctx);
        if (watch != null) {
            json(ctx, 200, watch.withoutSecret());
        }
    }

    private void delete(RoutingContext ctx) {
        Watch watch = found(ctx);
        if (watch == null) {
            return;
        }
        producer.send(KafkaProducerRecord.create(Topics.WATCHES, watch.id(), null))
                .onSuccess(written -> {
                    state.remove(watch.id());
                    ctx.response().setStatusCode(204).end();
                })
                .onFailure(error -> Problems.send(ctx, 503, "Kafka did not take the deletion: " + error.getMessage()));
    }

    /** {@code ?watch=ID&limit=N}: the latest alerts, newest first. */
    private void alerts(RoutingContext ctx) {
        String watch = ctx.queryParams().get("watch");
        String limit = ctx.queryParams().get("limit");
        if (watch != null && !WATCH_ID.matcher(watch).matches()) {
            Problems.send(ctx, 400, "watch must be a watch id (32 hex characters)");
            return;
        }
        int max;
        try {
            max = limit == null ? 50 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1 || max > WatchState.RECENT_ALERTS) {
            Problems.send(ctx, 400, "limit must be a whole number from 1 to " + WatchState.RECENT_ALERTS);
            return;
        }
        json(ctx, 200, state.alerts(watch, max));
    }

    private Watch found(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Watch watch = WATCH_ID.matcher(id).matches() ? state.watch(id) : null;
        if (watch == null) {
            Problems.send(ctx, 404, "no watch with id '" + Problems.abbreviate(id) + "'");
        }
        return watch;
    }

    /**
     * The watch a request body describes; {@link IllegalArgumentException} saying what is wrong. Codes are
     * upper-cased, duplicates dropped; the webhook URL must be http(s) without credentials (its address is checked by
     * the article fetcher's guard at every delivery); without a secret, one is made.
     */
    static Watch watchOf(JsonObject body, String id, String createdAt) {
        List<String> countries = items(body, "countries", value -> code(value.toUpperCase(Locale.ROOT)));
        List<String> pair = items(body, "pair", value -> code(value.toUpperCase(Locale.ROOT)));
        if (!pair.isEmpty() && pair.size() != 2) {
            throw new IllegalArgumentException("pair must name two different countries, such as [\"CN\", \"RU\"]");
        }
        List<FactType> types = items(body, "types", value -> {
            try {
                return FactType.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("types must be among " + List.of(FactType.values()));
            }
        });
        List<String> topics = items(body, "topics", value -> {
            if (!FactFilters.TOPIC_ID.matcher(value).matches()) {
                throw new IllegalArgumentException("topics must be topic ids such as belt-and-road, not '"
                        + Problems.abbreviate(value) + "'");
            }
            return value;
        });
        List<String> persons = items(body, "persons", String::strip);
        String name = body.getString("name");
        if (name != null && name.length() > MAX_TEXT) {
            throw new IllegalArgumentException("name must be at most " + MAX_TEXT + " characters");
        }
        Watch watch = new Watch(id, name == null || name.isBlank() ? "watch " + id.substring(0, 6) : name.strip(),
                countries, pair, types, topics, persons, webhookOf(body.getJsonObject("webhook")), createdAt);
        if (watch.isEmpty()) {
            throw new IllegalArgumentException("a watch names at least one of countries, pair, types, topics, persons");
        }
        return watch;
    }

    private static Watch.Webhook webhookOf(JsonObject webhook) {
        if (webhook == null) {
            return null;
        }
        String url = webhook.getString("url");
        try {
            UrlGuard.parse(url);
        } catch (FetchException e) {
            throw new IllegalArgumentException("webhook.url: " + e.getMessage());
        }
        String secret = webhook.getString("secret");
        if (secret != null && (secret.length() < 16 || secret.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("webhook.secret must be 16 to " + MAX_TEXT + " characters (or left out: one is made)");
        }
        return new Watch.Webhook(url.trim(), secret == null ? newSecret() : secret);
    }

    private static <T> List<T> items(JsonObject body, String field, Function<String, T> read) {
        JsonArray array = body.getJsonArray(field);
        if (array == null) {
            return List.of();
        }
        if (array.size() > MAX_ITEMS) {
            throw new IllegalArgumentException(field + " may hold at most " + MAX_ITEMS + " items");
        }
        LinkedHashSet<T> items = new LinkedHashSet<>();
        for (Object item : array) {
            if (!(item instanceof String text) || text.isBlank() || text.length() > MAX_TEXT) {
                throw new IllegalArgumentException(field + " must be a list of non-empty strings");
            }
            items.add(read.apply(text));
        }
        return new ArrayList<>(items);
    }

    private static String code(String value) {
        if (!FactFilters.CODE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + Problems.abbreviate(value) + "' is no country or organisation code such as RU or G20");
        }
        return value;
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void json(RoutingContext ctx, int status, Object value) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(Buffer.buffer(Json.bytes(value)));
    }
}
