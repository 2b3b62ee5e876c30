package io.communique.projection;

/**
 * One view's state, changed in place: its part of the facts ({@link Folds.FactSet}), the facts themselves being rows
 * of a {@link FactTable}, and the immutable view, derived only when asked for after a change. A view kept alone (as
 * the projection keeps each view of its routed topic) has a table of its own and takes facts with {@link #apply}; the
 * views of a {@link ViewStore} share the store's table, and the store puts facts into them. Not thread-safe.
 *
 * @param <V> the immutable view
 */
abstract class ViewState<V> {
    /** What {@link #extraList} answers for facts that are only on list 0. */
    static final int NO_EXTRA_LIST = -1;

    private final String key;
    private final FactTable table;
    private final boolean alone;
    private final Folds.FactSet facts;
    /** This view alone, and the views a fact of one shape is in when it is kept alone: this one, or none. */
    private final ViewState<?>[] self = {this};
    private final Folds.ViewsOf itself;
    private V view;

    /**
     * @param lists  how many lists the view has, list 0 (every fact) included
     * @param shared the table of the store the view is part of, or null for a view kept alone
     */
    ViewState(String key, int limit, int lists, FactSource source, FactTable shared) {
        this.key = key;
        this.alone = shared == null;
        this.table = alone ? new FactTable(0) : shared;
        this.facts = new Folds.FactSet(table, this, limit, lists, source);
        this.itself = shape -> facts.holds(shape) ? self : Folds.NO_VIEWS;
    }

    /** The country code or topic id. */
    String key() {
        return key;
    }

    /** Whether facts of this shape are in the view. */
    abstract boolean contains(Folds.Shape shape);

    /** The list other than 0 that facts of this shape are on, or {@link #NO_EXTRA_LIST}. */
    abstract int extraList(Folds.Shape shape);

    /** The immutable view of the state as it is now. */
    abstract V derive();

    Folds.FactSet facts() {
        return facts;
    }

    /** Applies a fact to a view kept alone; false when it is not in the view or is already in it. */
    boolean apply(Folds.Folded folded) {
        requireAlone();
        return contains(folded.shape()) && Folds.put(table, folded, itself, Folds.NOT_REPORTED);
    }

    /** Removes a fact a newer extraction no longer finds from a view kept alone; false when it was not in it. */
    boolean retract(String factId) {
        requireAlone();
        return Folds.remove(table, FactKey.of(factId), self, itself, Folds.NOT_REPORTED);
    }

    /**
     * Takes in another store's part of this view, folded from other partitions of the log: its facts are rows of
     * this view's table already, their shape ids mapped by {@code shapeIds} (see {@link Folds.FactSet#merge}). The
     * other part is not to be used afterwards.
     */
    void merge(ViewState<?> other, int[] shapeIds) {
        if (!key.equals(other.key)) {
            throw new IllegalArgumentException("parts of two views: " + key + " and " + other.key);
        }
        facts.merge(other.facts, shapeIds);
        changed();
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

    /** Called when a fact changed the view: the view is derived again when next asked for. */
    void changed() {
        view = null;
    }

    private void requireAlone() {
        if (!alone) {
            throw new IllegalStateException("the view of " + key + " is part of a store: apply facts to the store");
        }
    }
}
