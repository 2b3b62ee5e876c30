package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Counterpart;
import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.FactRef;
import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds facts into the view of one country (or organisation): a pure function, {@code fold(view, fact) -> view}.
 * {@link State} is the same fold kept incrementally, for {@link ViewStore}.
 */
public final class CountryFold {
    private CountryFold() {
    }

    public static CountryView empty(String code) {
        return new State(code).view();
    }

    /** The view with the fact applied; the same view when the fact does not involve it or is already in it. */
    public static CountryView fold(CountryView view, Fact fact) {
        if (!fact.involves(view.code())) {
            return view;
        }
        State state = new State(view.code());
        view.facts().forEach(state::apply);
        return state.apply(fact) ? state.view() : view;
    }

    /**
     * One country's facts and running counts, changed in place; the immutable view is derived only when asked for
     * after a change. Not thread-safe.
     */
    static final class State {
        private final String code;
        private final Folds.FactSet facts = new Folds.FactSet();
        private final Map<String, Integer> counterparts = new HashMap<>();
        private final Map<String, Map<FactType, Integer>> byType = new HashMap<>();
        private final Map<String, Integer> topics = new HashMap<>();
        private CountryView view;

        State(String code) {
            this.code = code;
        }

        /** Applies a fact; false when it does not involve this country or is already in it as it is. */
        boolean apply(Fact fact) {
            if (!fact.involves(code)) {
                return false;
            }
            Fact previous = facts.get(fact.id());
            if (previous != null && previous.equals(fact)) {
                return false;
            }
            facts.put(fact);
            if (previous != null) {
                count(previous, -1);
            }
            count(fact, 1);
            view = null;
            return true;
        }

        /** Removes a fact a newer extraction no longer finds; false when it was not in the view. */
        boolean retract(String factId) {
            Fact removed = facts.remove(factId);
            if (removed == null) {
                return false;
            }
            count(removed, -1);
            view = null;
            return true;
        }

        private void count(Fact fact, int delta) {
            for (String other : fact.participants()) {
                if (!other.equals(code)) {
                    Folds.count(counterparts, other, delta);
                    Map<FactType, Integer> types = byType.computeIfAbsent(other, key -> new EnumMap<>(FactType.class));
                    types.merge(fact.type(), delta, (a, b) -> a + b == 0 ? null : a + b);
                    if (types.isEmpty()) {
                        byType.remove(other);
                    }
                }
            }
            fact.topics().forEach(topic -> Folds.count(topics, topic, delta));
        }

        CountryView view() {
            if (view == null) {
                view = derive();
            }
            return view;
        }

        private CountryView derive() {
            List<FactRef> visitsMade = new ArrayList<>();
            List<FactRef> visitsReceived = new ArrayList<>();
            List<FactRef> agreements = new ArrayList<>();
            List<FactRef> statements = new ArrayList<>();
            for (Fact fact : facts.inOrder()) {
                switch (fact.type()) {
                    case VISIT -> {
                        if (code.equals(fact.initiator())) {
                            visitsMade.add(FactRef.of(fact, code));
                        } else if (fact.initiator() != null) {
                            visitsReceived.add(FactRef.of(fact, code));
                        }
                    }
                    case AGREEMENT_SIGNED -> agreements.add(FactRef.of(fact, code));
                    case STATEMENT_SIGNED -> statements.add(FactRef.of(fact, code));
                    default -> {
                    }
                }
            }
            List<Counterpart> ranked = new ArrayList<>();
            for (Count count : Folds.rank(counterparts)) {
                ranked.add(new Counterpart(count.key(), count.count(), byType.get(count.key())));
            }
            return new CountryView(code, facts.size(), ranked, visitsMade, visitsReceived, agreements, statements,
                    Folds.rank(topics), List.copyOf(facts.inOrder()));
        }
    }
}
