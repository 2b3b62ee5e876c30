package io.communique.projection;

import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds facts into the view of one diplomatic topic: a pure function, {@code fold(view, fact) -> view}.
 * {@link State} is the same fold kept incrementally, for {@link ViewStore}.
 */
public final class TopicFold {
    private TopicFold() {
    }

    public static TopicView empty(String id) {
        return new State(id).view();
    }

    /** The view with the fact applied; the same view when the fact does not mention the topic or is already in it. */
    public static TopicView fold(TopicView view, Fact fact) {
        if (!fact.topics().contains(view.id())) {
            return view;
        }
        State state = new State(view.id());
        view.facts().forEach(state::apply);
        return state.apply(fact) ? state.view() : view;
    }

    /** One topic's facts and country counts, changed in place; the view is derived only when asked for. */
    static final class State {
        private final String id;
        private final Folds.FactSet facts = new Folds.FactSet();
        private final Map<String, Integer> countries = new HashMap<>();
        private TopicView view;

        State(String id) {
            this.id = id;
        }

        /** Applies a fact; false when it does not mention this topic or is already in it as it is. */
        boolean apply(Fact fact) {
            if (!fact.topics().contains(id)) {
                return false;
            }
            Fact previous = facts.get(fact.id());
            if (previous != null && previous.equals(fact)) {
                return false;
            }
            facts.put(fact);
            if (previous != null) {
                previous.participants().forEach(code -> Folds.count(countries, code, -1));
            }
            fact.participants().forEach(code -> Folds.count(countries, code, 1));
            view = null;
            return true;
        }

        /** Removes a fact a newer extraction no longer finds; false when it was not in the view. */
        boolean retract(String factId) {
            Fact removed = facts.remove(factId);
            if (removed == null) {
                return false;
            }
            removed.participants().forEach(code -> Folds.count(countries, code, -1));
            view = null;
            return true;
        }

        TopicView view() {
            if (view == null) {
                view = new TopicView(id, facts.size(), Folds.rank(countries), List.copyOf(facts.inOrder()));
            }
            return view;
        }
    }
}
