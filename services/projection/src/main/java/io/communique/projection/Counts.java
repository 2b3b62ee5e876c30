package io.communique.projection;

import io.communique.model.Count;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The ranked counts of a view (counterparts, topics, countries), summed when the view is derived. */
final class Counts {
    private static final Comparator<Count> BY_COUNT = Comparator.comparingInt(Count::count).reversed()
            .thenComparing(Count::key);

    private Counts() {
    }

    /** Adds {@code delta} to a key's count; a count that drops to zero disappears, as if never counted. */
    static void add(Map<String, Integer> counts, String key, int delta) {
        counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Counts ranked by count (descending), then key. */
    static List<Count> ranked(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(BY_COUNT)
                .toList();
    }
}
