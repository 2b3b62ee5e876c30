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

        /** Most recent first; facts without a date last; ties by id, so the order never depends on arrival. */
        Collection<Fact> inOrder() {
            return ordered.values();
        }

        int size() {
            return byId.size();
        }
    }

    /** Where a fact sorts in a view; its recency key is computed once, not at every comparison. */
    private record Position(String recency, String id) implements Comparable<Position> {
        static Position of(Fact fact) {
            return new Position(fact.recencyKey(), fact.id());
        }

        @Override
        public int compareTo(Position other) {
            int byRecency = other.recency.compareTo(recency);
            return byRecency != 0 ? byRecency : id.compareTo(other.id);
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
