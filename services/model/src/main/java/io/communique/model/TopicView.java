package io.communique.model;

import java.util.List;

/**
 * Everything known about one diplomatic topic: the value of {@link Topics#VIEWS_TOPIC}. Bounded like
 * {@link CountryView}: counts count events, {@code facts} lists the most recent reports.
 *
 * @param factCount   events that mention it
 * @param countries   the countries and organisations whose events mention it, ranked by count
 * @param facts       the most recent facts that mention it, most recent first
 * @param reportCount facts (reports) that mention it
 */
public record TopicView(String id, int factCount, List<Count> countries, List<Fact> facts, int reportCount) {

    public TopicView {
        countries = List.copyOf(countries);
        facts = List.copyOf(facts);
    }
}
