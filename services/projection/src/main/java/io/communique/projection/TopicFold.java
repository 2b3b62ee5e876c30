package io.communique.projection;

import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.List;

/** Folds facts into the view of one diplomatic topic: a pure function, {@code fold(view, fact) -> view}. */
public final class TopicFold {
    private TopicFold() {
    }

    public static TopicView empty(String id) {
        return new TopicView(id, 0, List.of(), List.of());
    }

    /** The view with the fact applied; the same view when the fact does not mention the topic or is already in it. */
    public static TopicView fold(TopicView view, Fact fact) {
        if (!fact.topics().contains(view.id())) {
            return view;
        }
        List<Fact> facts = Folds.upsert(view.facts(), fact);
        if (facts == view.facts()) {
            return view;
        }
        return new TopicView(view.id(), facts.size(), Folds.rank(facts, f -> f.participants().stream()), facts);
    }
}
