package io.communique.projection;

import io.communique.model.Fact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first facts of a list in view order, at most {@code limit}: what the view shows. They are kept as
 * {@link Listing}s, and read whole only when the view is materialised, so that a fact that enters and leaves
 * between two materialisations (most of them, in a rebuild) is never read whole.
 */
final class FirstFacts {
    private static final int INITIAL_ROOM = 8;

    private final int limit;
    /** Ranks in view order, and their facts, in the first {@code size} places: a list this short is sorted fastest. */
    private Rank[] ranks = new Rank[0];
    private Listing[] facts = new Listing[0];
    private int size;

    FirstFacts(int limit) {
        this.limit = limit;
    }

    /** How many facts the list shows at most. */
    int limit() {
        return limit;
    }

    /** Whether a fact of this rank enters: it ranks before the last of them, or there is room and none waits. */
    boolean takes(Rank rank, boolean othersWait) {
        return size < limit && !othersWait || size > 0 && rank.compareTo(ranks[size - 1]) < 0;
    }

    /** Adds a fact (replacing one of the same rank), letting the last one go when there are too many. */
    void add(Rank rank, Listing fact) {
        int at = Arrays.binarySearch(ranks, 0, size, rank);
        if (at >= 0) {
            facts[at] = fact;
            return;
        }
        at = -at - 1;
        if (at == limit) {
            return; // ranks after all of them, which are as many as the list shows
        }
        if (size == limit) {
            size--; // the last one goes
        } else if (size == ranks.length) {
            int room = Math.min(limit, Math.max(INITIAL_ROOM, size * 2));
            ranks = Arrays.copyOf(ranks, room);
            facts = Arrays.copyOf(facts, room);
        }
        System.arraycopy(ranks, at, ranks, at + 1, size - at);
        System.arraycopy(facts, at, facts, at + 1, size - at);
        ranks[at] = rank;
        facts[at] = fact;
        size++;
    }

    void remove(Rank rank) {
        int at = Arrays.binarySearch(ranks, 0, size, rank);
        if (at >= 0) {
            size--;
            System.arraycopy(ranks, at + 1, ranks, at, size - at);
            System.arraycopy(facts, at + 1, facts, at, size - at);
            ranks[size] = null;
            facts[size] = null;
        }
    }

    boolean contains(Rank rank) {
        return Arrays.binarySearch(ranks, 0, size, rank) >= 0;
    }

    int size() {
        return size;
    }

    /** The facts, read whole; those whose record holds no valid fact are left out (see {@link Listing#listed}). */
    List<Fact> facts() {
        List<Fact> listed = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Fact fact = facts[i].listed();
            if (fact != null) {
                listed.add(fact);
            }
        }
        return listed;
    }
}
