package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Counterpart;
import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.FactRef;
import io.communique.model.FactType;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** Folds facts into the view of one country (or organisation): a pure function, {@code fold(view, fact) -> view}. */
public final class CountryFold {
    private CountryFold() {
    }

    public static CountryView empty(String code) {
        return derive(code, List.of());
    }

    /** The view with the fact applied; the same view when the fact does not involve it or is already in it. */
    public static CountryView fold(CountryView view, Fact fact) {
        if (!fact.involves(view.code())) {
            return view;
        }
        List<Fact> facts = Folds.upsert(view.facts(), fact);
        return facts == view.facts() ? view : derive(view.code(), facts);
    }

    private static CountryView derive(String code, List<Fact> facts) {
        return new CountryView(code, facts.size(),
                counterparts(code, facts),
                refs(code, facts, fact -> fact.type() == FactType.VISIT && code.equals(fact.initiator())),
                refs(code, facts, fact -> fact.type() == FactType.VISIT && fact.initiator() != null
                        && !code.equals(fact.initiator())),
                refs(code, facts, fact -> fact.type() == FactType.AGREEMENT_SIGNED),
                refs(code, facts, fact -> fact.type() == FactType.STATEMENT_SIGNED),
                Folds.rank(facts, fact -> fact.topics().stream()),
                facts);
    }

    private static List<FactRef> refs(String code, List<Fact> facts, Predicate<Fact> which) {
        return facts.stream().filter(which).map(fact -> FactRef.of(fact, code)).toList();
    }

    private static List<Counterpart> counterparts(String code, List<Fact> facts) {
        Map<String, Map<FactType, Integer>> byCounterpart = new TreeMap<>();
        for (Fact fact : facts) {
            for (String other : fact.participants()) {
                if (!other.equals(code)) {
                    byCounterpart.computeIfAbsent(other, key -> new EnumMap<>(FactType.class))
                            .merge(fact.type(), 1, Integer::sum);
                }
            }
        }
        List<Count> ranked = Folds.rank(facts, fact -> fact.participants().stream().filter(p -> !p.equals(code)));
        return ranked.stream()
                .map(count -> new Counterpart(count.key(), count.count(), byCounterpart.get(count.key())))
                .toList();
    }
}
