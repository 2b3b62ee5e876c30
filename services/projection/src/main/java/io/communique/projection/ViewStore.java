package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The current country and topic views, kept by folding facts one at a time. Not thread-safe: one projection
 * verticle owns it. The views themselves are immutable and can be handed out.
 */
public final class ViewStore {
    private final Map<String, CountryView> countries = new TreeMap<>();
    private final Map<String, TopicView> topics = new TreeMap<>();

    /** The keys of the views that one fact changed. */
    public record Changes(Set<String> countries, Set<String> topics) {
        public boolean isEmpty() {
            return countries.isEmpty() && topics.isEmpty();
        }
    }

    public Changes apply(Fact fact) {
        Set<String> changedCountries = new TreeSet<>();
        for (String code : fact.participants()) {
            CountryView before = countries.computeIfAbsent(code, CountryFold::empty);
            CountryView after = CountryFold.fold(before, fact);
            if (after != before) {
                countries.put(code, after);
                changedCountries.add(code);
            }
        }
        Set<String> changedTopics = new TreeSet<>();
        for (String id : fact.topics()) {
            TopicView before = topics.computeIfAbsent(id, TopicFold::empty);
            TopicView after = TopicFold.fold(before, fact);
            if (after != before) {
                topics.put(id, after);
                changedTopics.add(id);
            }
        }
        return new Changes(changedCountries, changedTopics);
    }

    public CountryView country(String code) {
        return countries.get(code);
    }

    public TopicView topic(String id) {
        return topics.get(id);
    }
}
