package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Fact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the country and topic folds share: facts in view order, events counted once, and ranked counts. */
final class Folds {
    private static final Comparator<Count> BY_COUNT = Comparator.comparingInt(Count::count).reversed()
            .thenComparing(Count::key);

    private Folds() {
    }

    /**
     * A view's facts by id, and the {@code limit} first of them in view order (most recent first, undated last,
     * ties by id). Only those are kept sorted: folding a fact costs one comparison with the last of them when it
     * is older, O(log limit) when it enters; a fact that leaves them (retracted, or re-extracted with another date)
     * is replaced by the best of the others, found by one pass over the view's facts — rare, and never on the path
     * of new facts.
     */
    static final class Recent {
        private final int limit;
        private final Map<String, Fact> byId = new HashMap<>();
        private final TreeMap<Position, Fact> first = new TreeMap<>();

        Recent(int limit) {
            this.limit = limit;
        }

        /** Adds the fact, replacing the one with the same id. */
        void put(Fact fact) {
            Fact previous = byId.put(fact.id(), fact);
            Position position = Position.of(fact);
            if (previous == null) {
                offer(position, fact);
            } else if (position.equals(Position.of(previous))) {
                first.replace(position, fact); // same place (the usual re-extraction): no reordering
            } else if (first.remove(Position.of(previous)) != null) {
                refill(); // it may now belong after facts that were not among the first
            } else {
                offer(position, fact);
            }
        }

        /** Removes the fact with this id; returns it, or null when there was none. */
        Fact remove(String id) {
            Fact removed = byId.remove(id);
            if (removed != null && first.remove(Position.of(removed)) != null && byId.size() > first.size()) {
                refill();
            }
            return removed;
        }

        Fact get(String id) {
            return byId.get(id);
        }

        /** The first facts in view order, at most {@code limit}. */
        List<Fact> recent() {
            return new ArrayList<>(first.values());
        }

        int size() {
            return byId.size();
        }

        private void offer(Position position, Fact fact) {
            if (first.size() < limit) {
                first.put(position, fact);
            } else if (position.compareTo(first.lastKey()) < 0) {
                first.put(position, fact);
                first.pollLastEntry();
            }
        }

        /** Every fact not among the first is after all of them: offering them all fills the first places again. */
        private void refill() {
            for (Fact fact : byId.values()) {
                Position position = Position.of(fact);
                if (!first.containsKey(position)) {
                    offer(position, fact);
                }
            }
        }
    }

    /** Counts a fact as the representative of its event: +1 when it becomes it, -1 when it stops being it. */
    interface EventCounter {
        void count(Fact representative, int delta);
    }

    /**
     * The facts of one view and its events. Reports of one real-world event share an event id (a fact without one
     * is its own event); each event is counted once, from its representative, the report with the smallest id, so
     * the counts are the same whatever order the reports arrive in.
     */
    static final class FactSet {
        private final Recent facts;
        /** Event id → its only report (a Fact), or its reports by id (a TreeMap) when there are several. */
        private final Map<String, Object> events = new HashMap<>();
        /** Facts without an event id: each is an event of its own. */
        private int ownEvents;
        private final EventCounter counter;

        FactSet(int limit, EventCounter counter) {
            this.facts = new Recent(limit);
            this.counter = counter;
        }

        Fact get(String id) {
            return facts.get(id);
        }

        /** Adds the fact, replacing the one with the same id. */
        void put(Fact fact) {
            Fact previous = facts.get(fact.id());
            if (previous != null) {
                leave(previous);
            }
            facts.put(fact);
            String key = fact.eventId();
            if (key == null) {
                ownEvents++;
                counter.count(fact, 1);
                return;
            }
            Fact before = representative(key);
            Object reports = events.get(key);
            if (reports == null) {
                events.put(key, fact);
            } else {
                reportsById(key, reports).put(fact.id(), fact);
            }
            recount(before, representative(key));
        }

        /** Removes the fact with this id; returns it, or null when there was none. */
        Fact remove(String id) {
            Fact removed = facts.get(id);
            if (removed != null) {
                leave(removed);
                facts.remove(id);
            }
            return removed;
        }

        /** Takes a fact out of its event, and out of the counts if it represented the event. */
        private void leave(Fact fact) {
            String key = fact.eventId();
            if (key == null) {
                ownEvents--;
                counter.count(fact, -1);
                return;
            }
            Fact before = representative(key);
            if (events.get(key) instanceof TreeMap<?, ?> reports) {
                reports.remove(fact.id());
                if (reports.size() == 1) {
                    events.put(key, reports.values().iterator().next());
                }
            } else {
                events.remove(key);
            }
            recount(before, representative(key));
        }

        List<Fact> recent() {
            return facts.recent();
        }

        /** Facts (reports) held. */
        int size() {
            return facts.size();
        }

        /** Distinct events among them. */
        int events() {
            return ownEvents + events.size();
        }

        @SuppressWarnings("unchecked")
        private TreeMap<String, Fact> reportsById(String key, Object reports) {
            if (reports instanceof TreeMap<?, ?> several) {
                return (TreeMap<String, Fact>) several;
            }
            Fact only = (Fact) reports;
            TreeMap<String, Fact> several = new TreeMap<>();
            several.put(only.id(), only);
            events.put(key, several);
            return several;
        }

        private Fact representative(String key) {
            Object reports = events.get(key);
            return reports instanceof TreeMap<?, ?> several ? (Fact) several.firstEntry().getValue() : (Fact) reports;
        }

        private void recount(Fact before, Fact after) {
            if (before != after) {
                if (before != null) {
                    counter.count(before, -1);
                }
                if (after != null) {
                    counter.count(after, 1);
                }
            }
        }
    }

    /**
     * Where a fact sorts in a view. Its keys are computed once, not at every comparison, and the usual forms (a
     * "YYYY-MM-DD" recency key, a lower-case hex id) are also kept as numbers: a comparison then mostly reads two
     * longs instead of four strings, which matters when a view holds a million facts and each insertion compares
     * twenty times. The numbers order exactly as the strings do; other forms are compared as strings.
     */
    private record Position(long day, long idPrefix, String recency, String id) implements Comparable<Position> {
        private static final long OTHER = Long.MIN_VALUE;
        private static final int ID_PREFIX_DIGITS = 15; // 60 bits: always a non-negative long

        static Position of(Fact fact) {
            String recency = fact.recencyKey();
            return new Position(day(recency), idPrefix(fact.id()), recency, fact.id());
        }

        @Override
        public int compareTo(Position other) {
            int byRecency = day != OTHER && other.day != OTHER
                    ? Long.compare(other.day, day) : other.recency.compareTo(recency);
            if (byRecency != 0) {
                return byRecency;
            }
            int byPrefix = idPrefix != OTHER && other.idPrefix != OTHER ? Long.compare(idPrefix, other.idPrefix) : 0;
            return byPrefix != 0 ? byPrefix : id.compareTo(other.id);
        }

        /** YYYYMMDD for "YYYY-MM-DD", -1 for "" (no date: sorts last), {@link #OTHER} for anything else. */
        private static long day(String recency) {
            if (recency.isEmpty()) {
                return -1;
            }
            if (recency.length() != 10 || recency.charAt(4) != '-' || recency.charAt(7) != '-') {
                return OTHER;
            }
            long day = 0;
            for (int i = 0; i < 10; i++) {
                char c = recency.charAt(i);
                if (i != 4 && i != 7) {
                    if (c < '0' || c > '9') {
                        return OTHER;
                    }
                    day = day * 10 + (c - '0');
                }
            }
            return day;
        }

        /** The first hex digits of a lower-case hex id as a number (same order as the characters), else {@link #OTHER}. */
        private static long idPrefix(String id) {
            if (id.length() < ID_PREFIX_DIGITS) {
                return OTHER;
            }
            long prefix = 0;
            for (int i = 0; i < ID_PREFIX_DIGITS; i++) {
                char c = id.charAt(i);
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (digit < 0) {
                    return OTHER;
                }
                prefix = prefix << 4 | digit;
            }
            return prefix;
        }
    }

    /** Adds {@code delta} to a key's count; a count that drops to zero disappears, as if never counted. */
    static void count(Map<String, Integer> counts, String key, int delta) {
        counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Counts ranked by count (descending), then key. */
    static List<Count> rank(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(BY_COUNT)
                .toList();
    }
}
