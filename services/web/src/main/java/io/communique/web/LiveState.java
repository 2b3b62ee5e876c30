package io.communique.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.communique.model.CountryView;
import io.communique.model.Document;
import io.communique.model.EventView;
import io.communique.model.Fact;
import io.communique.model.FactQuery;
import io.communique.model.FactType;
import io.communique.model.Json;
import io.communique.model.TopicView;
import io.communique.model.Topics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the web tier serves, kept current from the topics it follows: views as the exact bytes the projection
 * published (on the heap), facts and documents in a {@link FactStore} (on disk), and the latest facts for the live
 * feed (on the heap, {@value #FEED_LENGTH} of them). Applying a record tells which live message (if any) clients
 * should get. Not thread-safe: the web verticle's event loop owns it; what reads or writes the store blocks and says so.
 */
public final class LiveState {
    /** How many of the latest facts a new client gets. */
    static final int FEED_LENGTH = 50;

    /** A view as published, with the count the listings rank by. */
    private record StoredView(byte[] json, int factCount) {
    }

    private final FactStore store;
    /** The latest facts in the order they first arrived, newest last, as they are now: the live feed. */
    private final ArrayDeque<Fact> arrivals = new ArrayDeque<>();
    private final Map<String, StoredView> countries = new HashMap<>();
    private final Map<String, StoredView> topics = new HashMap<>();
    /** Events with at least one report, by id and most recent first. */
    private final Map<String, StoredEvent> events = new HashMap<>();
    private final TreeSet<StoredEvent> recentEvents = new TreeSet<>(Comparator.comparing(StoredEvent::recency).reversed()
            .thenComparing(StoredEvent::id));

    /** Events and reports per country and topic, from the event views held. */
    private final EventTotals eventTotals = new EventTotals();

    /** An event view as published, with what listings filter, sort and count it by. */
    private record StoredEvent(String id, byte[] json, String recency, FactType type, EventTotals.Counted counted) {
        List<String> participants() {
            return counted.participants();
        }

        static StoredEvent of(EventView view, byte[] json) {
            Set<String> topics = new HashSet<>();
            view.reports().forEach(report -> topics.addAll(report.topics()));
            return new StoredEvent(view.id(), json, Fact.recencyKeyOf(view.date()), view.type(),
                    new EventTotals.Counted(view.type(), view.participants(), topics, view.reports().size()));
        }
    }

    /** A state with its facts and documents in memory: for tests. Blocks (it opens a database). */
    public LiveState() {
        this(FactStore.inMemory());
    }

    /** A state over the store, its live feed read back from it. Blocks (it reads the store). */
    public LiveState(FactStore store) {
        this.store = store;
        List<Fact> latest = store.latest(FEED_LENGTH);
        for (int i = latest.size() - 1; i >= 0; i--) {
            arrivals.addLast(latest.get(i));
        }
    }

    /** Where facts and documents are: read it off the event loop. */
    public FactStore store() {
        return store;
    }

    /** Whether the topic's records go to the {@link #store()} (via {@link #taken}) rather than to {@link #apply}. */
    public static boolean stored(String topic) {
        return topic.equals(Topics.FACTS) || topic.equals(Topics.DOCUMENTS);
    }

    /** What applying a record changed that WebSocket clients are told about. */
    public sealed interface Change {
    }

    /**
     * A new or corrected fact, read and as published: people's clients get it slim in an update ({@link LiveUpdates}),
     * programs' clients ({@code mode=all}) as published in a {@link BatchedMessages} of facts.
     */
    public record NewFact(Fact fact, byte[] json) implements Change {
    }

    /** A fact a newer extraction of its report no longer finds. */
    public record Retraction(String id) implements Change {
        /** The message a {@code mode=all} client gets. */
        public String json() {
            return "{\"type\":\"retraction\",\"id\":" + Json.write(id) + "}";
        }
    }

    /**
     * A country or topic view's new version, as published: its message is built only when it is sent, since most
     * versions are superseded within the second views wait (see {@link #viewMessage}).
     */
    public record NewView(String kind, String key, byte[] json) implements Change {
    }

    /**
     * Applies one record of a followed topic; returns what clients are told of the change, or null when nothing
     * changed (a re-delivery, an identical view). Invalid JSON throws {@link IllegalArgumentException}.
     *
     * @param eventType the record's CloudEvents type ({@code ce_type}), which tells retractions from facts; or null
     */
    public Change apply(String topic, String key, byte[] value, String eventType) {
        return apply(topic, 0, stored(topic) ? store.offsets(topic).getOrDefault(0, 0L) : -1, key, value, eventType);
    }

    /**
     * {@link #apply(String, String, byte[], String)} for a record read at this place of its topic: a fact record's
     * place is what the updates feed's cursors count in. (Records without a place count as the next of partition 0.)
     * A fact or document record blocks (it is written to the store); the web verticle writes those in batches off
     * the event loop instead, and hands what they did to {@link #taken}.
     */
    public Change apply(String topic, int partition, long offset, String key, byte[] value, String eventType) {
        if (stored(topic)) {
            FactStore.Applied applied = store.apply(List.of(new FactStore.Input(topic, partition, offset, value,
                    eventType))).get(0);
            if (applied.effect() == FactStore.Effect.SKIPPED) {
                throw new IllegalArgumentException(applied.problem());
            }
            return taken(applied);
        }
        return switch (topic) {
            case Topics.VIEWS_COUNTRY -> applyView(countries, "country", key, value, CountryView.class);
            case Topics.VIEWS_TOPIC -> applyView(topics, "topic", key, value, TopicView.class);
            case Topics.VIEWS_EVENT -> applyEvent(key, value);
            default -> null;
        };
    }

    /** What clients are told of a record the store took (see {@link FactStore#apply}); keeps the live feed. */
    public Change taken(FactStore.Applied applied) {
        return switch (applied.effect()) {
            case ADDED -> {
                arrivals.addLast(applied.fact());
                if (arrivals.size() > FEED_LENGTH) {
                    arrivals.removeFirst();
                }
                yield new NewFact(applied.fact(), applied.json());
            }
            case CORRECTED -> {
                List<Fact> feed = new ArrayList<>(arrivals); // at most FEED_LENGTH
                feed.replaceAll(fact -> fact.id().equals(applied.id()) ? applied.fact() : fact);
                arrivals.clear();
                arrivals.addAll(feed);
                yield new NewFact(applied.fact(), applied.json());
            }
            case RETRACTED -> {
                arrivals.removeIf(fact -> fact.id().equals(applied.id()));
                yield new Retraction(applied.id());
            }
            case UNCHANGED, DOCUMENT, SKIPPED -> null;
        };
    }

    /**
     * Keeps the event view for the REST API; events are not pushed over the WebSocket (the dashboard has facts).
     * A tombstone (a rebuild removed the event) or a view without reports removes it.
     */
    private Change applyEvent(String key, byte[] json) {
        EventView view = json == null ? null : Json.read(json, EventView.class);
        StoredEvent previous = events.remove(view == null ? key : view.id());
        if (previous != null) {
            recentEvents.remove(previous);
            eventTotals.count(previous.counted(), -1);
        }
        if (view != null && !view.reports().isEmpty()) {
            StoredEvent event = StoredEvent.of(view, json);
            events.put(view.id(), event);
            recentEvents.add(event);
            eventTotals.count(event.counted(), 1);
        }
        return null;
    }

    /**
     * A view's top-level {@code factCount}, read without building the view: it comes second in the JSON, and the web
     * serves the view's bytes as published, so parsing its lists (up to a hundred facts) for one number was waste.
     */
    private static int factCount(byte[] view, Class<?> type) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(view)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("factCount") && value == JsonToken.VALUE_NUMBER_INT) {
                    return parser.getIntValue();
                }
                parser.skipChildren();
            }
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": no factCount");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a valid " + type.getSimpleName() + ": " + Json.describe(e), e);
        }
    }

    /** A view's record; a tombstone (a rebuild removed the view) removes it. */
    private static Change applyView(Map<String, StoredView> views, String kind, String key, byte[] json, Class<?> type) {
        if (json == null) {
            views.remove(key);
            return null;
        }
        return applyView(views, kind, key, json, factCount(json, type));
    }

    private static Change applyView(Map<String, StoredView> views, String kind, String key, byte[] json, int factCount) {
        StoredView previous = views.put(key, new StoredView(json, factCount));
        if (previous != null && Arrays.equals(previous.json(), json)) {
            return null;
        }
        return new NewView(kind, key, json);
    }

    /** The message with a view whole, UTF-8, around the view's bytes as published (never decoded). */
    public static byte[] viewMessage(String kind, String key, byte[] view) {
        ByteArrayOutputStream message = new ByteArrayOutputStream(view.length + 64);
        message.writeBytes(("{\"type\":\"view\",\"kind\":\"" + kind + "\",\"key\":" + Json.write(key) + ",\"view\":")
                .getBytes(StandardCharsets.UTF_8));
        message.writeBytes(view);
        message.write('}');
        return message.toByteArray();
    }

    /** The latest facts as they arrived, newest first. */
    public List<Fact> feed() {
        List<Fact> feed = new ArrayList<>(arrivals.size());
        arrivals.descendingIterator().forEachRemaining(feed::add);
        return feed;
    }

    /** How many facts this instance holds. */
    public long factTotal() {
        return store.factCount();
    }

    /** The snapshot a new WebSocket client starts from: listings, the live feed, the number of facts held and the {@link #totals}. */
    public String snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("type", "snapshot");
        snapshot.put("countries", countryList());
        snapshot.put("topics", topicList());
        snapshot.put("facts", feed());
        snapshot.put("factTotal", store.factCount());
        snapshot.put("totals", totals());
        return Json.write(snapshot);
    }

    public List<Map<String, Object>> countryList() {
        return listing(countries, "code");
    }

    public List<Map<String, Object>> topicList() {
        return listing(topics, "id");
    }

    private static List<Map<String, Object>> listing(Map<String, StoredView> views, String keyName) {
        return views.entrySet().stream()
                .filter(entry -> entry.getValue().factCount() > 0)
                .sorted(Comparator.<Map.Entry<String, StoredView>>comparingInt(entry -> entry.getValue().factCount())
                        .reversed().thenComparing(Map.Entry::getKey))
                .map(entry -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put(keyName, entry.getKey());
                    item.put("factCount", entry.getValue().factCount());
                    return item;
                })
                .toList();
    }

    /** A view's entry in the message telling the clients that do not watch it its count (see {@link ViewWatch}). */
    public String count(String kind, String key) {
        StoredView view = (kind.equals("country") ? countries : topics).get(key);
        return ViewWatch.count(kind, key, view == null ? 0 : view.factCount());
    }

    /** The country view's JSON as published, or null. */
    public byte[] country(String code) {
        StoredView view = countries.get(code);
        return view == null ? null : view.json();
    }

    public byte[] topic(String id) {
        StoredView view = topics.get(id);
        return view == null ? null : view.json();
    }

    /** The event view's JSON as published, or null when there is none with reports. */
    public byte[] event(String id) {
        StoredEvent event = events.get(id);
        return event == null ? null : event.json();
    }

    /** Published event views, most recent first, of the country and type when given (null matches any). */
    public List<byte[]> events(String country, FactType type, int limit) {
        return events(country, null, type, limit);
    }

    /** Published event views, most recent first, of the country, topic and type when given (null matches any). */
    public List<byte[]> events(String country, String topic, FactType type, int limit) {
        List<byte[]> result = new ArrayList<>();
        for (StoredEvent event : recentEvents) {
            if (result.size() >= limit) {
                break;
            }
            if ((country == null || event.participants().contains(country))
                    && (topic == null || event.counted().topics().contains(topic))
                    && (type == null || event.type() == type)) {
                result.add(event.json());
            }
        }
        return result;
    }

    /**
     * The totals of everything held: facts (reports), events (one per real-world occasion, with at least one
     * report) and how many of each type, the reports in them, documents, and the countries and topics with views.
     */
    public Map<String, Object> totals() {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("facts", store.factCount());
        totals.put("events", eventTotals.all().events());
        totals.put("reports", eventTotals.all().reports());
        totals.put("eventsByType", eventTotals.eventsByType());
        totals.put("documents", store.documentCount());
        totals.put("countries", withFacts(countries));
        totals.put("topics", withFacts(topics));
        return totals;
    }

    /** How many of the views count a fact: those the listings name. */
    private static long withFacts(Map<String, StoredView> views) {
        return views.values().stream().filter(view -> view.factCount() > 0).count();
    }

    /** A country's events and the reports in them, from the event views held. */
    public Map<String, Object> countryTotals(String code) {
        return tally("country", code, eventTotals.country(code));
    }

    /** A topic's events (those with a report that mentions it) and the reports in them. */
    public Map<String, Object> topicTotals(String id) {
        return tally("topic", id, eventTotals.topic(id));
    }

    private static Map<String, Object> tally(String keyName, String key, EventTotals.Tally tally) {
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put(keyName, key);
        totals.put("events", tally.events());
        totals.put("reports", tally.reports());
        return totals;
    }

    /** Blocks: reads the store. */
    public Document document(String id) {
        return store.document(id);
    }

    /**
     * Facts matching the query, most recent first, from the {@code offset}-th on: the order never depends on arrival,
     * so pages follow each other (older facts than a bounded view lists are paged this way). Blocks: reads the store.
     */
    public List<Fact> facts(FactQuery query, int offset, int limit) {
        return store.facts(query, offset, limit);
    }
}
