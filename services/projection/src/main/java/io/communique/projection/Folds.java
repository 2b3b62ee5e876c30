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
     * Facts in view order, changed in place: an upsert costs O(log n) instead of copying and re-sorting the whole
     * list, which made folding a country with many facts quadratic.
     */
    static final class Ordered {
        private final Map<String, Position> positions = new HashMap<>();
        private final TreeMap<Position, Fact> ordered = new TreeMap<>();

        /** Adds the fact, replacing the one with the same id. */
        void put(Fact fact) {
            Position position = Position.of(fact);
            Position previous = positions.put(fact.id(), position);
            if (previous != null) {
                ordered.remove(previous);
            }
            ordered.put(position, fact);
        }

        /** Removes the fact with this id; returns it, or null when there was none. */
        Fact remove(String id) {
            Position position = positions.remove(id);
            return position == null ? null : ordered.remove(position);
        }

        Fact get(String id) {
            Position position = positions.get(id);
            return position == null ? null : ordered.get(position);
        }

        /** The first {@code limit} facts: most recent first, undated last, ties by id, never by arrival. */
        List<Fact> recent(int limit) {
            List<Fact> recent = new ArrayList<>(Math.min(limit, ordered.size()));
            for (Fact fact : ordered.values()) {
                if (recent.size() == limit) {
                    break;
                }
                recent.add(fact);
            }
            return recent;
        }

        int size() {
            return positions.size();
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
        private final Ordered facts = new Ordered();
        /** Event key → its only report (a Fact), or its reports by id (a TreeMap) when there are several. */
        private final Map<String, Object> events = new HashMap<>();
        private final EventCounter counter;

        FactSet(EventCounter counter) {
            this.counter = counter;
        }

        Fact get(String id) {
            return facts.get(id);
        }

        /** Adds the fact, replacing the one with the same id. */
        void put(Fact fact) {
            remove(fact.id());
            facts.put(fact);
            String key = eventKey(fact);
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
            Fact removed = facts.remove(id);
            if (removed == null) {
                return null;
            }
            String key = eventKey(removed);
            Fact before = representative(key);
            if (events.get(key) instanceof TreeMap<?, ?> reports) {
                reports.remove(id);
                if (reports.size() == 1) {
                    events.put(key, reports.values().iterator().next());
                }
            } else {
                events.remove(key);
            }
            recount(before, representative(key));
            return removed;
        }

        List<Fact> recent(int limit) {
            return facts.recent(limit);
        }

        /** Facts (reports) held. */
        int size() {
            return facts.size();
        }

        /** Distinct events among them. */
        int events() {
            return events.size();
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

        private static String eventKey(Fact fact) {
            return fact.eventId() != null ? fact.eventId() : fact.id();
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
