package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Fact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/** What the country and topic folds share: keeping a fact list keyed by id, and ranking counts. */
final class Folds {
    /** Most recent first; facts without a date last; ties by id so the order never depends on arrival. */
    static final Comparator<Fact> RECENT_FIRST = Comparator.comparing(Fact::recencyKey).reversed()
            .thenComparing(Fact::id);

    private Folds() {
    }

    /**
     * The list with {@code fact} inserted, or replacing the fact with the same id (a re-delivery or a re-extraction),
     * in {@link #RECENT_FIRST} order. Returns the same list instance when nothing changes, so callers can tell.
     */
    static List<Fact> upsert(List<Fact> facts, Fact fact) {
        List<Fact> updated = new ArrayList<>(facts.size() + 1);
        for (Fact existing : facts) {
            if (existing.id().equals(fact.id())) {
                if (existing.equals(fact)) {
                    return facts;
                }
            } else {
                updated.add(existing);
            }
        }
        updated.add(fact);
        updated.sort(RECENT_FIRST);
        return updated;
    }

    /** Counts of the keys each fact contributes, ranked by count (descending), then key. */
    static List<Count> rank(List<Fact> facts, Function<Fact, Stream<String>> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        facts.forEach(fact -> keys.apply(fact).forEach(key -> counts.merge(key, 1, Integer::sum)));
        return counts.entrySet().stream()
                .map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::key))
                .toList();
    }
}
