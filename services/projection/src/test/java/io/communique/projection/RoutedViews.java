package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Country and topic views as the projection keeps them: a state per view, each fact applied to the views of its
 * participants and topics, as the router sends it there. Reads facts back from {@code source} by their locator.
 */
final class RoutedViews {
    private final Map<String, CountryFold.State> countries = new TreeMap<>();
    private final Map<String, TopicFold.State> topics = new TreeMap<>();
    private final int limit;
    private final FactSource source;

    RoutedViews(int limit, FactSource source) {
        this.limit = limit;
        this.source = source;
    }

    /** Applies a fact found at {@code locator}; returns the views it changed ("CN", "trade"). */
    Set<String> apply(Fact fact, long locator) {
        return apply(FoldedFact.of(fact, locator));
    }

    /** Applies a fact record's value found at {@code locator}, as the projection reads it; returns the views it changed. */
    Set<String> apply(byte[] value, long locator) {
        return apply(FoldedFact.read(value, locator));
    }

    /** Retracts a fact from the views it is routed to; returns the views it changed. */
    Set<String> retract(Fact fact) {
        Set<String> changed = new TreeSet<>();
        fact.participants().forEach(code -> {
            if (countryState(code).retract(fact.id())) {
                changed.add(code);
            }
        });
        fact.topics().forEach(id -> {
            if (topicState(id).retract(fact.id())) {
                changed.add(id);
            }
        });
        return changed;
    }

    CountryView country(String code) {
        return countryState(code).view();
    }

    TopicView topic(String id) {
        return topicState(id).view();
    }

    private Set<String> apply(FoldedFact folded) {
        Set<String> changed = new TreeSet<>();
        folded.shape().participants().forEach(code -> {
            if (countryState(code).apply(folded)) {
                changed.add(code);
            }
        });
        folded.shape().topics().forEach(id -> {
            if (topicState(id).apply(folded)) {
                changed.add(id);
            }
        });
        return changed;
    }

    private CountryFold.State countryState(String code) {
        return countries.computeIfAbsent(code, key -> new CountryFold.State(key, limit, source));
    }

    private TopicFold.State topicState(String id) {
        return topics.computeIfAbsent(id, key -> new TopicFold.State(key, limit, source));
    }
}
