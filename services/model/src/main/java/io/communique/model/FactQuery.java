package io.communique.model;

import java.util.function.Predicate;

/**
 * Filters of a fact listing or export; null fields match any fact. {@code since} and {@code until} are dates
 * ({@code YYYY-MM-DD}, both included): with either, facts without a date or without a year do not match.
 */
public record FactQuery(String country, FactType type, String topic, String since, String until, String documentId)
        implements Predicate<Fact> {
    public static final FactQuery ALL = new FactQuery(null, null, null, null, null, null);

    @Override
    public boolean test(Fact fact) {
        return (country == null || fact.involves(country))
                && (type == null || fact.type() == type)
                && (topic == null || fact.topics().contains(topic))
                && (since == null || hasYear(fact) && fact.date().compareTo(since) >= 0)
                && (until == null || hasYear(fact) && fact.date().compareTo(until) <= 0)
                && (documentId == null || fact.documentId().equals(documentId));
    }

    private static boolean hasYear(Fact fact) {
        return fact.date() != null && !fact.date().startsWith("--");
    }
}
