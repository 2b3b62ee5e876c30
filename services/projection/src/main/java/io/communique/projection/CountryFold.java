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
 * {@link State} is the same fold kept incrementally, for {@link ViewStore} and the projection.
 */
public final class CountryFold {
    private CountryFold() {
    }

    public static CountryView empty(String code) {
        return new State(code, CountryView.RECENT, FactSource.NONE).view();
    }

    /**
     * The view with the fact applied; the same view when the fact does not involve it or is already in it. Only for
     * a view that still lists all its facts: a bounded view no longer holds what folding needs (keep a
     * {@link State}, as {@link ViewStore} does).
     */
    public static CountryView fold(CountryView view, Fact fact) {
        if (!fact.involves(view.code())) {
            return view;
        }
        if (view.facts().size() < view.reportCount()) {
            throw new IllegalArgumentException("the view of " + view.code() + " lists only its most recent facts");
        }
        State state = new State(view.code(), CountryView.RECENT, FactSource.NONE);
        view.facts().forEach(listed -> state.apply(Folds.Folded.of(listed, FactSource.NO_LOCATOR)));
        return state.apply(Folds.Folded.of(fact, FactSource.NO_LOCATOR)) ? state.view() : view;
    }

    /** The lists of a country view beside its facts (list 0 of its {@link Folds.FactSet}): which one a fact is on. */
    private enum Listed {
        VISITS_MADE, VISITS_RECEIVED, AGREEMENTS, STATEMENTS;

        int list() {
            return ordinal() + 1;
        }
    }

    /**
     * One country's facts, events and running counts, changed in place; the immutable view is derived only when
     * asked for after a change. Memory: per fact about a hundred bytes of primitive arrays ({@link Folds.FactSet});
     * in full only the {@code limit} most recent facts of each list. Not thread-safe.
     */
    static final class State {
        private final String code;
        private final Folds.FactSet facts;
        private final Map<Listed, Integer> listedEvents = new EnumMap<>(Listed.class);
        private final Map<String, Integer> counterparts = new HashMap<>();
        private final Map<String, Map<FactType, Integer>> byType = new HashMap<>();
        private final Map<String, Integer> topics = new HashMap<>();
        private CountryView view;

        /** @param source where facts that left the view's first ones are read back from */
        State(String code, int limit, FactSource source) {
            this.code = code;
            this.facts = new Folds.FactSet(limit, Listed.values().length + 1, this::list, this::count, source);
            for (Listed list : Listed.values()) {
                listedEvents.put(list, 0);
            }
        }

        /** Applies a fact; false when it does not involve this country or is already in it. */
        boolean apply(Folds.Folded folded) {
            if (!folded.outline().participants().contains(code) || !facts.put(folded)) {
                return false;
            }
            view = null;
            return true;
        }

        /** Removes a fact a newer extraction no longer finds; false when it was not in the view. */
        boolean retract(String factId) {
            if (!facts.remove(factId)) {
                return false;
            }
            view = null;
            return true;
        }

        private int list(Folds.Shape fact) {
            Listed listed = listed(fact);
            return listed == null ? -1 : listed.list();
        }

        private Listed listed(Folds.Shape fact) {
            return switch (fact.type()) {
                case VISIT -> code.equals(fact.initiator()) ? Listed.VISITS_MADE
                        : fact.initiator() != null ? Listed.VISITS_RECEIVED : null;
                case AGREEMENT_SIGNED -> Listed.AGREEMENTS;
                case STATEMENT_SIGNED -> Listed.STATEMENTS;
                default -> null;
            };
        }

        /** Counts an event through its representative report. */
        private void count(Folds.Shape fact, int delta) {
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
            Listed list = listed(fact);
            if (list != null) {
                listedEvents.merge(list, delta, Integer::sum);
            }
        }

        CountryView view() {
            if (view == null) {
                view = derive();
            }
            return view;
        }

        private List<FactRef> refs(Listed list) {
            return facts.first(list.list()).stream().map(fact -> FactRef.of(fact, code)).toList();
        }

        private CountryView derive() {
            List<Counterpart> ranked = new ArrayList<>();
            for (Count count : Folds.rank(counterparts)) {
                ranked.add(new Counterpart(count.key(), count.count(), byType.get(count.key())));
            }
            return new CountryView(code, facts.events(), ranked, refs(Listed.VISITS_MADE), refs(Listed.VISITS_RECEIVED),
                    refs(Listed.AGREEMENTS), refs(Listed.STATEMENTS), Folds.rank(topics), facts.first(0),
                    facts.size(), listedEvents.get(Listed.VISITS_MADE), listedEvents.get(Listed.VISITS_RECEIVED),
                    listedEvents.get(Listed.AGREEMENTS), listedEvents.get(Listed.STATEMENTS));
        }
    }
}
