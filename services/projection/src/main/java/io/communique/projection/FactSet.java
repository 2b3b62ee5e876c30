package io.communique.projection;

import io.communique.model.Fact;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * What one view keeps of its facts, which are rows of its {@link FactTable}: as folded only the first {@code limit}
 * of each of the view's lists (list 0 holds every fact; a view may sort facts into more lists by their shape), how
 * many each list holds, and its {@link EventCounts events}. A fact that leaves the first ones of a list is replaced by
 * the best of the others, found in the table and read back from the {@link FactSource} — rare, and never on the path
 * of new facts. Not thread-safe.
 */
final class FactSet {
    /** The place of a shape's facts, beside the extra list's number or {@link ViewState#NO_EXTRA_LIST}: not known yet. */
    private static final int UNKNOWN = Integer.MIN_VALUE;

    private final FactTable table;
    private final ViewState<?> view;
    private final EventCounts events;
    private final FirstFacts[] lists;
    private final int[] listSizes;
    /** Per shape id, the list other than 0 its facts are on, or NO_EXTRA_LIST; asked of the view once. */
    private int[] placeByShape = new int[0];
    private final FactSource source;
    private int size;

    /** @param lists how many lists the view has, list 0 (every fact) included */
    FactSet(FactTable table, ViewState<?> view, int limit, int lists, FactSource source) {
        this.table = table;
        this.view = view;
        this.events = new EventCounts(table);
        this.lists = new FirstFacts[lists];
        this.listSizes = new int[lists];
        for (int list = 0; list < lists; list++) {
            this.lists[list] = new FirstFacts(limit);
        }
        this.source = source;
    }

    /** A fact enters the view: its row, in this slot, is written already. */
    void join(int slot, FoldedFact folded) {
        events.join(folded.key(), table.shape(slot), folded.event());
        relist(slot, folded);
        size++;
    }

    /** A fact leaves the view: its row, in this slot, still holds what the view took in. */
    void leave(int slot) {
        unlist(slot);
        events.leave(slot);
        size--;
    }

    /**
     * A fact stays in the view and in its event but takes another shape: off its lists (put back by
     * {@link #relist} once its row is rewritten), and its event counted by the new shape if it represents it.
     */
    void reshape(int slot, int newShape) {
        unlist(slot);
        events.reshape(slot, newShape);
    }

    /** Counts a fact in the view on its lists, and puts it among their first ones where it ranks there. */
    void relist(int slot, FoldedFact folded) {
        list(0, folded);
        int extra = place(table.shape(slot));
        if (extra > 0) {
            list(extra, folded);
        }
    }

    /** The first facts of a list in view order, at most {@code limit}. */
    List<Fact> first(int list) {
        return lists[list].facts();
    }

    /** Facts (reports) in the view. */
    int size() {
        return size;
    }

    /** Distinct events among them. */
    int events() {
        return events.events();
    }

    /** The events counted so far, by the shape of their representatives: shapes without events are left out. */
    void forEachShape(EventCounts.Counter counter) {
        events.forEachShape(counter);
    }

    /**
     * Fills lists that have fewer first facts than they may show, from the view's facts not among them (all
     * ranked after them), read back from the source unless it is the fact at hand; true when it added any.
     */
    boolean refill(FoldedFact atHand) {
        boolean filled = false;
        for (int list = 0; list < lists.length; list++) {
            FirstFacts first = lists[list];
            int missing = Math.min(first.limit(), listSizes[list]) - first.size();
            if (missing <= 0) {
                continue;
            }
            TreeMap<Rank, Long> best = new TreeMap<>();
            for (int slot = 0; slot < table.capacity(); slot++) {
                if (!table.used(slot) || !onList(slot, list)) {
                    continue;
                }
                Rank rank = table.rank(slot);
                if (!first.contains(rank) && (best.size() < missing || rank.compareTo(best.lastKey()) < 0)) {
                    best.put(rank, table.locator(slot));
                    if (best.size() > missing) {
                        best.pollLastEntry();
                    }
                }
            }
            best.forEach((rank, locator) -> first.add(rank, readBack(rank.key(), locator, atHand)));
            filled |= !best.isEmpty();
        }
        return filled;
    }

    private void list(int list, FoldedFact folded) {
        if (lists[list].takes(folded.rank(), othersWait(list))) {
            lists[list].add(folded.rank(), folded.listing());
        }
        listSizes[list]++;
    }

    /** Whether the list has facts that are not among its first ones. */
    private boolean othersWait(int list) {
        return listSizes[list] > lists[list].size();
    }

    /** Takes the fact in this slot off its lists (without refilling them yet). */
    private void unlist(int slot) {
        Rank rank = table.rank(slot);
        unlist(0, rank);
        int extra = place(table.shape(slot));
        if (extra > 0) {
            unlist(extra, rank);
        }
    }

    private void unlist(int list, Rank rank) {
        listSizes[list]--;
        lists[list].remove(rank);
    }

    /** Where facts of this shape go in the view: the extra list's number, or NO_EXTRA_LIST. */
    private int place(int shape) {
        if (shape >= placeByShape.length) {
            int known = placeByShape.length;
            placeByShape = FactTable.grownByShape(placeByShape, shape);
            Arrays.fill(placeByShape, known, placeByShape.length, UNKNOWN);
        }
        int place = placeByShape[shape];
        if (place == UNKNOWN) {
            place = view.extraList(table.shapeOf(shape));
            placeByShape[shape] = place;
        }
        return place;
    }

    private boolean onList(int slot, int list) {
        return list == 0 || place(table.shape(slot)) == list;
    }

    private Listing readBack(FactKey key, long locator, FoldedFact atHand) {
        if (atHand != null && atHand.key().equals(key)) {
            return atHand.listing();
        }
        Fact fact = source.read(locator);
        if (fact == null || !FactKey.of(fact.id()).equals(key)) {
            throw new IllegalStateException("the fact source returned another fact at locator " + locator);
        }
        return new Listing(locator, null, fact);
    }
}
