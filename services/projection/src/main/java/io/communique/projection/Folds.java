package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Fact;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the country and topic folds share: a fact list keyed by id, and ranked counts. */
final class Folds {
    private static final Comparator<Count> BY_COUNT = Comparator.comparingInt(Count::count).reversed()
            .thenComparing(Count::key);

    private Folds() {
    }

    /**
     * The facts of one view, changed in place: an upsert costs O(log n) instead of copying and re-sorting the whole
     * list, which made folding a country with many facts quadratic.
     */
    static final class FactSet {
        private final Map<String, Fact> byId = new HashMap<>();
        private final TreeMap<Position, Fact> ordered = new TreeMap<>();

        Fact get(String id) {
            return byId.get(id);
        }

        /** Adds the fact, replacing the one with the same id. */
        void put(Fact fact) {
            Fact previous = byId.put(fact.id(), fact);
            if (previous != null) {
                ordered.remove(Position.of(previous));
            }
            ordered.put(Position.of(fact), fact);
        }

        /** Removes the fact with this id; returns it, or null when there was none. */
        Fact remove(String id) {
            Fact removed = byId.remove(id);
            if (removed != null) {
                ordered.remove(Position.of(removed));
            }
            return removed;
        }

        /** Most recent first; facts without a date last; ties by id, so the order never depends on arrival. */
        Collection<Fact> inOrder() {
            return ordered.values();
        }

        int size() {
            return byId.size();
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
