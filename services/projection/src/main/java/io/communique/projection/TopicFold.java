package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Folds facts into the view of one diplomatic topic: a pure function, {@code fold(view, fact) -> view}.
 * {@link State} is the same fold kept incrementally, as the projection keeps each topic's view.
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
        State state = ViewState.folded(new State(view.id(), CountryView.RECENT, FactSource.NONE), view.facts());
        return state.apply(FoldedFact.of(fact, FactSource.NO_LOCATOR)) ? state.view() : view;
    }

    /** The view of a topic's facts, its list holding the {@code limit} most recent (see {@link CountryFold#view}). */
    public static TopicView view(String id, Collection<Fact> facts, int limit) {
        return ViewState.folded(new State(id, limit, FactSource.NONE), facts).view();
    }

    /**
     * One topic's facts, events and country counts, changed in place; the view is derived only when asked for.
     * Memory as for {@link CountryFold.State}.
     */
    static final class State extends ViewState<TopicView> {
        /** {@code source} is where facts that left the view's first ones are read back from. */
        State(String id, int limit, FactSource source) {
            super(id, limit, 1, source);
        }

        @Override
        boolean contains(Shape shape) {
            return shape.topics().contains(key());
        }

        @Override
        int extraList(Shape shape) {
            return NO_EXTRA_LIST;
        }

        @Override
        TopicView derive() {
            Map<String, Integer> countries = new HashMap<>();
            facts().forEachShape((shape, events) ->
                    shape.participants().forEach(code -> Counts.add(countries, code, events)));
            return new TopicView(key(), facts().events(), Counts.ranked(countries), facts().first(0), size());
        }
    }
}
