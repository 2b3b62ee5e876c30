package io.communique.ingest;

import io.communique.model.contracts.BusAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What one live source (a feed, the inbox, the raw topic, web articles) did last: immutable, replaced by each
 * connector after every poll and published in a Vert.x local map, from which {@link #serve} answers {@link #ADDRESS}.
 *
 * @param lastPoll  ISO-8601 instant of the last poll, or null before the first
 * @param itemsSeen documents taken from this source since start
 * @param errors    failures since start (a feed that could not be fetched, a page or file that was rejected…)
 * @param state     "starting", "ok" after a clean poll, "error" after a poll with a failure
 */
public record SourceStatus(String name, String kind, String lastPoll, long itemsSeen, long errors, String lastError,
                           String state) {
    /** Event-bus address: any body; reply = JSON array of every source's {@link #toJson()}. */
    public static final String ADDRESS = BusAddresses.SOURCES_STATUS;
    private static final String MAP = "communique.sources";

    public static SourceStatus starting(String name, String kind) {
        return new SourceStatus(name, kind, null, 0, 0, null, "starting");
    }

    /** After a poll that took {@code newItems} documents and met {@code failures} (most recent last). */
    public SourceStatus polled(long newItems, List<String> failures) {
        String now = Instant.now().toString();
        if (failures.isEmpty()) {
            return new SourceStatus(name, kind, now, itemsSeen + newItems, errors, lastError, "ok");
        }
        return new SourceStatus(name, kind, now, itemsSeen + newItems, errors + failures.size(),
                failures.get(failures.size() - 1), "error");
    }

    public JsonObject toJson() {
        return new JsonObject().put("name", name).put("kind", kind).put("lastPoll", lastPoll)
                .put("itemsSeen", itemsSeen).put("errors", errors).put("lastError", lastError).put("state", state);
    }

    /** Makes this the source's current status (thread-safe; any verticle may call it). */
    public SourceStatus publish(Vertx vertx) {
        vertx.sharedData().<String, JsonObject>getLocalMap(MAP).put(kind + "\n" + name, toJson());
        return this;
    }

    /** A failure in words for {@code lastError}, reason files and dead letters: its message, else its type. */
    public static String describe(Throwable error) {
        return error.getMessage() != null ? error.getMessage() : error.toString();
    }

    /** Answers {@link #ADDRESS} in this Vert.x instance (once per instance). */
    public static Future<Void> serve(Vertx vertx) {
        return vertx.eventBus().consumer(ADDRESS, message -> message.reply(all(vertx))).completion();
    }

    /** Every source's current status, by kind then name. */
    private static JsonArray all(Vertx vertx) {
        return new JsonArray(vertx.sharedData().<String, JsonObject>getLocalMap(MAP).values().stream()
                .sorted(Comparator.comparing((JsonObject s) -> s.getString("kind")).thenComparing(s -> s.getString("name")))
                .toList());
    }
}
