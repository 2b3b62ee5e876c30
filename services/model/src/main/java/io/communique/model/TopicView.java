package io.communique.model;

import java.util.List;

/**
 * Everything known about one diplomatic topic: the value of {@link Topics#VIEWS_TOPIC}.
 *
 * @param countries the countries and organisations whose facts mention it, ranked by count
 * @param facts     the facts that mention it, most recent first
 */
public record TopicView(String id, int factCount, List<Count> countries, List<Fact> facts) {

    public TopicView {
        countries = List.copyOf(countries);
        facts = List.copyOf(facts);
    }
}
