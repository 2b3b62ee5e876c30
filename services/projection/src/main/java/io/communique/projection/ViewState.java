package io.communique.projection;

import io.communique.model.Fact;

import java.util.Collection;
import java.util.Objects;

/**
 * One view's state, changed in place, one fact at a time: its facts, rows of a {@link FactTable} of its own, what it
 * derives from them ({@link FactSet}: lists, events), and the immutable view, derived only when asked for after a
 * change. This is where a fact is folded into a country or topic view; {@link CountryFold.State} and
 * {@link TopicFold.State} say which facts the view holds and what it shows of them. Not thread-safe.
 *
 * @param <V> the immutable view
 */
abstract class ViewState<V> {
    /** What {@link #extraList} answers for facts that are only on list 0. */
    static final int NO_EXTRA_LIST = -1;

    private final String key;
    private final FactTable table = new FactTable();
    private final FactSet facts;
    private V view;

    /** @param lists how many lists the view has, list 0 (every fact) included */
    ViewState(String key, int limit, int lists, FactSource source) {
        this.key = key;
        this.facts = new FactSet(table, this, limit, lists, source);
    }

    /** The country code or topic id. */
    String key() {
        return key;
    }

    /** Whether facts of this shape are in the view. */
    abstract boolean contains(Shape shape);

    /** The list other than 0 that facts of this shape (which the view contains) are on, or {@link #NO_EXTRA_LIST}. */
    abstract int extraList(Shape shape);

    /** The immutable view of the state as it is now. */
    abstract V derive();

    FactSet facts() {
        return facts;
    }

    /**
     * Applies a fact; false when it is not in the view or is already in it. A new fact joins the view; a re-delivery
     * (the same id and content hash) changes nothing; a re-extraction (the same id, other content) takes the place
     * of the fact it replaces.
     */
    boolean apply(FoldedFact folded) {
        if (!contains(folded.shape())) {
            return false;
        }
        int shape = table.shapeId(folded.shape());
        int slot = table.find(folded.key());
        if (slot < 0) { // the usual case: a fact not seen before
            slot = table.add(folded, shape);
            facts.join(slot, folded);
        } else if (table.content(slot) == folded.content()) { // a re-delivery: normally nothing to do
            return refilled();
        } else {
            // The usual re-extraction keeps the fact's event: it only moves on the lists.
            boolean sameEvent = Objects.equals(folded.event(), table.event(slot));
            if (sameEvent) {
                facts.reshape(slot, shape);
            } else {
                facts.leave(slot);
            }
            table.set(slot, folded, shape);
            if (sameEvent) {
                facts.relist(slot, folded);
            } else {
                facts.join(slot, folded);
            }
        }
        facts.refill(folded); // for a new fact, only fills what a failed read-back left short
        changed();
        return true;
    }

    /**
     * Removes a fact a newer extraction no longer finds; false when it was not in the view. When it is not there (a
     * retraction replayed after a failed read-back), fills what that left short.
     */
    boolean retract(String factId) {
        int slot = table.find(FactKey.of(factId));
        if (slot < 0) {
            return refilled();
        }
        facts.leave(slot);
        table.remove(slot);
        facts.refill(null);
        changed();
        return true;
    }

    /** The state with the facts applied in turn, each as if found nowhere it could be read back from. */
    static <S extends ViewState<?>> S folded(S state, Collection<Fact> facts) {
        facts.forEach(fact -> state.apply(FoldedFact.of(fact, FactSource.NO_LOCATOR)));
        return state;
    }

    /** Facts (reports) in the view. */
    int size() {
        return facts.size();
    }

    V view() {
        if (view == null) {
            view = derive();
        }
        return view;
    }

    /** Fills what a failed read-back left short; true when that changed the view. */
    private boolean refilled() {
        if (facts.refill(null)) {
            changed();
            return true;
        }
        return false;
    }

    /** The view is derived again when next asked for. */
    private void changed() {
        view = null;
    }
}
