package io.communique.model;

import java.util.List;

/**
 * Everything known about one country or organisation: the value of {@link Topics#VIEWS_COUNTRY}. A pure function
 * of the fact log (no wall-clock fields), so rebuilding it from the log gives the same bytes.
 *
 * @param counterparts   ranked by total facts, then code
 * @param visitsMade     visits where this party is the initiator (the visitor)
 * @param visitsReceived visits to this party by others
 * @param topics         topics of its facts, ranked by count
 * @param facts          every fact involving it, most recent first
 */
public record CountryView(
        String code,
        int factCount,
        List<Counterpart> counterparts,
        List<FactRef> visitsMade,
        List<FactRef> visitsReceived,
        List<FactRef> agreements,
        List<FactRef> statements,
        List<Count> topics,
        List<Fact> facts) {

    public CountryView {
        counterparts = List.copyOf(counterparts);
        visitsMade = List.copyOf(visitsMade);
        visitsReceived = List.copyOf(visitsReceived);
        agreements = List.copyOf(agreements);
        statements = List.copyOf(statements);
        topics = List.copyOf(topics);
        facts = List.copyOf(facts);
    }
}
