package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The current country and topic views, kept by folding facts one at a time. Each view is kept as a mutable
 * {@link CountryFold.State} / {@link TopicFold.State}, so a fold costs O(log n) in the view's size; the immutable
 * view is materialised only when asked for, once per change (the projection asks once per batch). Not thread-safe:
 * one projection verticle owns it. The views handed out are immutable.
 */
public final class ViewStore {
    private final Map<String, CountryFold.State> countries = new HashMap<>();
    private final Map<String, TopicFold.State> topics = new HashMap<>();
    private final int limit;

    /** Views listing the {@link CountryView#RECENT} most recent entries. */
    public ViewStore() {
        this(CountryView.RECENT);
    }

    /** Views whose lists hold the {@code limit} most recent entries. */
    public ViewStore(int limit) {
        this.limit = limit;
    }

    /** The keys of the views that one fact changed. */
    public record Changes(Set<String> countries, Set<String> topics) {
        public boolean isEmpty() {
            return countries.isEmpty() && topics.isEmpty();
        }
    }

    public Changes apply(Fact fact) {
        Set<String> changedCountries = new TreeSet<>();
        for (String code : fact.participants()) {
            if (countries.computeIfAbsent(code, key -> new CountryFold.State(key, limit)).apply(fact)) {
                changedCountries.add(code);
            }
        }
        Set<String> changedTopics = new TreeSet<>();
        for (String id : fact.topics()) {
            if (topics.computeIfAbsent(id, key -> new TopicFold.State(key, limit)).apply(fact)) {
                changedTopics.add(id);
            }
        }
        return new Changes(changedCountries, changedTopics);
    }

    /** Takes a retracted fact out of the views it was in. */
    public Changes retract(Fact fact) {
        Set<String> changedCountries = new TreeSet<>();
        for (String code : fact.participants()) {
            CountryFold.State state = countries.get(code);
            if (state != null && state.retract(fact.id())) {
                changedCountries.add(code);
            }
        }
        Set<String> changedTopics = new TreeSet<>();
        for (String id : fact.topics()) {
            TopicFold.State state = topics.get(id);
            if (state != null && state.retract(fact.id())) {
                changedTopics.add(id);
            }
        }
        return new Changes(changedCountries, changedTopics);
    }

    public CountryView country(String code) {
        CountryFold.State state = countries.get(code);
        return state == null ? null : state.view();
    }

    public TopicView topic(String id) {
        TopicFold.State state = topics.get(id);
        return state == null ? null : state.view();
    }
}
