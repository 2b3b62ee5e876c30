package io.communique.model;

import java.util.List;

/** A fact as listed inside a view, seen from one party: who the other parties were, when, where, what was signed. */
public record FactRef(
        String id,
        FactType type,
        List<String> counterparts,
        String date,
        String endDate,
        String location,
        String title) {

    public FactRef {
        counterparts = List.copyOf(counterparts);
    }

    /** The fact seen from {@code code}: every other participant is a counterpart. */
    public static FactRef of(Fact fact, String code) {
        List<String> others = fact.participants().stream().filter(p -> !p.equals(code)).toList();
        return new FactRef(fact.id(), fact.type(), others, fact.date(), fact.endDate(), fact.location(), fact.title());
    }
}
