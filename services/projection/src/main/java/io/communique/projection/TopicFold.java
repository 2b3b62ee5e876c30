package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.HashMap;
import java.util.Map;

/**
 * Folds facts into the view of one diplomatic topic: a pure function, {@code fold(view, fact) -> view}.
 * {@link State} is the same fold kept incrementally, for {@link ViewStore} and the projection.
 */
public final class TopicFold {
    private TopicFold() {
    }

    public static TopicView empty(String id) {
        return new State(id, CountryView.RECENT, FactSource.NONE).view();
    }

    /**
     * The view with the fact applied; the same view when the fact does not mention the topic or is already in it.
     * Only for a view that still lists all its facts (see {@link CountryFold#fold}).
     */
    public static TopicView fold(TopicView view, Fact fact) {
        if (!fact.topics().contains(view.id())) {
            return view;
        }
        if (view.facts().size() < view.reportCount()) {
            throw new IllegalArgumentException("the view of " + view.id() + " lists only its most recent facts");
        }
        State state = new State(view.id(), CountryView.RECENT, FactSource.NONE);
        view.facts().forEach(listed -> state.apply(Folds.Folded.of(listed, FactSource.NO_LOCATOR)));
        return state.apply(Folds.Folded.of(fact, FactSource.NO_LOCATOR)) ? state.view() : view;
    }

    /**
     * One topic's facts, events and country counts, changed in place; the view is derived only when asked for.
     * Memory as for {@link CountryFold.State}.
     */
    static final class State {
        private final String id;
        private final Folds.FactSet facts;
        private TopicView view;

        /** @param source where facts that left the view's first ones are read back from */
        State(String id, int limit, FactSource source) {
            this.id = id;
            this.facts = new Folds.FactSet(limit, 1, shape -> -1, source);
        }

        /** Applies a fact; false when it does not mention this topic or is already in it. */
        boolean apply(Folds.Folded folded) {
            if (!folded.outline().topics().contains(id) || !facts.put(folded)) {
                return false;
            }
            view = null;
            return true;
        }

        /**
         * Takes in the facts of another part of this view, folded from other partitions of the log (see
         * {@link Folds.FactSet#merge}); returns this state. The other part is not to be used afterwards.
         */
        State merge(State other) {
            if (!id.equals(other.id)) {
                throw new IllegalArgumentException("parts of two views: " + id + " and " + other.id);
            }
            facts.merge(other.facts);
            view = null;
            return this;
        }

        /** Facts (reports) held. */
        int size() {
            return facts.size();
        }

        /** Removes a fact a newer extraction no longer finds; false when it was not in the view. */
        boolean retract(String factId) {
            if (!facts.remove(factId)) {
                return false;
            }
            view = null;
            return true;
        }

        TopicView view() {
            if (view == null) {
                Map<String, Integer> countries = new HashMap<>();
                facts.forEachShape((shape, events) ->
                        shape.participants().forEach(code -> Folds.count(countries, code, events)));
                view = new TopicView(id, facts.events(), Folds.rank(countries), facts.first(0), facts.size());
            }
            return view;
        }
    }
}
