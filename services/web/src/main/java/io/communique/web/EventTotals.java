package io.communique.web;

import io.communique.model.FactType;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many events (one per real-world occasion, as the projection's resolver grouped the reports) and reports each
 * country and topic has, and all of them together: kept from the published event views as they come and go, so a
 * page's counters are the totals of every view, not of the facts a page happened to load. Not thread-safe: the web
 * verticle's event loop owns it (through {@link LiveState}).
 */
final class EventTotals {
    /** The events and reports of one country, one topic or all of them. */
    record Tally(int events, int reports) {
        static final Tally NONE = new Tally(0, 0);

        Tally plus(int reports, int sign) {
            return new Tally(events + sign, this.reports + sign * reports);
        }
    }

    /** What one event view counts for: its type, parties, the topics of its reports and how many reports it has. */
    record Counted(FactType type, List<String> participants, Set<String> topics, int reports) {
        Counted {
            participants = List.copyOf(participants);
            topics = Set.copyOf(topics);
        }
    }

    private final Map<String, Tally> byCountry = new HashMap<>();
    private final Map<String, Tally> byTopic = new HashMap<>();
    private final Map<FactType, Tally> byType = new EnumMap<>(FactType.class);
    private Tally all = Tally.NONE;

    /** Counts an event view in (sign 1) or out (sign -1): a new version of a view is the old one out, the new one in. */
    void count(Counted event, int sign) {
        all = all.plus(event.reports(), sign);
        event.participants().forEach(code -> add(byCountry, code, event.reports(), sign));
        event.topics().forEach(topic -> add(byTopic, topic, event.reports(), sign));
        if (event.type() != null) {
            add(byType, event.type(), event.reports(), sign);
        }
    }

    private static <K> void add(Map<K, Tally> tallies, K key, int reports, int sign) {
        Tally tally = tallies.getOrDefault(key, Tally.NONE).plus(reports, sign);
        if (tally.events() == 0) {
            tallies.remove(key);
        } else {
            tallies.put(key, tally);
        }
    }

    Tally all() {
        return all;
    }

    /** Events by their merged type, every type given (zero when none). */
    Map<FactType, Integer> eventsByType() {
        Map<FactType, Integer> events = new EnumMap<>(FactType.class);
        for (FactType type : FactType.values()) {
            events.put(type, byType.getOrDefault(type, Tally.NONE).events());
        }
        return events;
    }

    Tally country(String code) {
        return byCountry.getOrDefault(code, Tally.NONE);
    }

    Tally topic(String id) {
        return byTopic.getOrDefault(id, Tally.NONE);
    }
}
