package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Counterpart;
import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.FactRef;
import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds facts into the view of one country (or organisation): a pure function, {@code fold(view, fact) -> view}.
 * {@link State} is the same fold kept incrementally, as the projection keeps each country's view.
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
     * {@link State}, as the projection does).
     */
    public static CountryView fold(CountryView view, Fact fact) {
        if (!fact.involves(view.code())) {
            return view;
        }
        if (view.facts().size() < view.reportCount()) {
            throw new IllegalArgumentException("the view of " + view.code() + " lists only its most recent facts");
        }
        State state = ViewState.folded(new State(view.code(), CountryView.RECENT, FactSource.NONE), view.facts());
        return state.apply(FoldedFact.of(fact, FactSource.NO_LOCATOR)) ? state.view() : view;
    }

    /**
     * The view of a country's facts (the latest version of each, in any order), its lists holding the {@code limit}
     * most recent: what the projection publishes once it has folded them.
     */
    public static CountryView view(String code, Collection<Fact> facts, int limit) {
        return ViewState.folded(new State(code, limit, FactSource.NONE), facts).view();
    }

    /** The lists of a country view beside its facts (list 0 of its {@link FactSet}): which one a fact is on. */
    private enum Listed {
        VISITS_MADE, VISITS_RECEIVED, AGREEMENTS, STATEMENTS;

        int list() {
            return ordinal() + 1;
        }
    }

    /**
     * One country's facts and events, changed in place; the immutable view, with its counts summed over the events'
     * shapes, is derived only when asked for after a change. Memory: per fact a row of its {@link FactTable}; as
     * records only the {@code limit} most recent facts of each list. Not thread-safe.
     */
    static final class State extends ViewState<CountryView> {
        /** {@code source} is where facts that left the view's first ones are read back from. */
        State(String code, int limit, FactSource source) {
            super(code, limit, Listed.values().length + 1, source);
        }

        @Override
        boolean contains(Shape shape) {
            return shape.participants().contains(key());
        }

        @Override
        int extraList(Shape shape) {
            Listed listed = listed(shape);
            return listed == null ? NO_EXTRA_LIST : listed.list();
        }

        private Listed listed(Shape fact) {
            return switch (fact.type()) {
                case VISIT -> key().equals(fact.initiator()) ? Listed.VISITS_MADE
                        : fact.initiator() != null ? Listed.VISITS_RECEIVED : null;
                case AGREEMENT_SIGNED -> Listed.AGREEMENTS;
                case STATEMENT_SIGNED -> Listed.STATEMENTS;
                default -> null;
            };
        }

        /** The view's counts, summed over the events of each shape when the view is derived. */
        private final class Tally {
            final Map<Listed, Integer> listedEvents = new EnumMap<>(Listed.class);
            final Map<String, Integer> counterparts = new HashMap<>();
            final Map<String, Map<FactType, Integer>> byType = new HashMap<>();
            final Map<String, Integer> topics = new HashMap<>();

            Tally() {
                for (Listed list : Listed.values()) {
                    listedEvents.put(list, 0);
                }
                facts().forEachShape(this::add);
            }

            private void add(Shape shape, int events) {
                for (String other : shape.participants()) {
                    if (!other.equals(key())) {
                        Counts.add(counterparts, other, events);
                        byType.computeIfAbsent(other, key -> new EnumMap<>(FactType.class))
                                .merge(shape.type(), events, Integer::sum);
                    }
                }
                shape.topics().forEach(topic -> Counts.add(topics, topic, events));
                Listed list = listed(shape);
                if (list != null) {
                    listedEvents.merge(list, events, Integer::sum);
                }
            }
        }

        private List<FactRef> refs(Listed list) {
            return facts().first(list.list()).stream().map(fact -> FactRef.of(fact, key())).toList();
        }

        @Override
        CountryView derive() {
            Tally tally = new Tally();
            List<Counterpart> ranked = new ArrayList<>();
            for (Count count : Counts.ranked(tally.counterparts)) {
                ranked.add(new Counterpart(count.key(), count.count(), tally.byType.get(count.key())));
            }
            return new CountryView(key(), facts().events(), ranked, refs(Listed.VISITS_MADE), refs(Listed.VISITS_RECEIVED),
                    refs(Listed.AGREEMENTS), refs(Listed.STATEMENTS), Counts.ranked(tally.topics), facts().first(0),
                    size(), tally.listedEvents.get(Listed.VISITS_MADE), tally.listedEvents.get(Listed.VISITS_RECEIVED),
                    tally.listedEvents.get(Listed.AGREEMENTS), tally.listedEvents.get(Listed.STATEMENTS));
        }
    }
}
