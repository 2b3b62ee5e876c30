package io.communique.model;

import java.util.List;

/**
 * Everything known about one country or organisation: the value of {@link Topics#VIEWS_COUNTRY}. A pure function
 * of the fact log (no wall-clock fields), so rebuilding it from the log gives the same bytes.
 *
 * <p>Bounded: the lists hold the most recent {@link #RECENT} entries at most (older facts are served by
 * {@code GET /api/facts?country=…}); the counts count everything. Counts count events, not reports: the reports of
 * one real-world event (same {@link Fact#eventId()}; a fact without one is its own event) count once.
 *
 * @param factCount           events involving it
 * @param reportCount         facts (reports) involving it; {@code facts} lists the most recent of them
 * @param counterparts        ranked by total events, then code
 * @param visitsMade          most recent visits where this party is the initiator (the visitor)
 * @param visitsReceived      most recent visits to this party by others
 * @param topics              topics of its events, ranked by count
 * @param facts               the most recent facts involving it, most recent first
 * @param visitsMadeCount     events counted in full for each of the bounded lists
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
        List<Fact> facts,
        int reportCount,
        int visitsMadeCount,
        int visitsReceivedCount,
        int agreementsCount,
        int statementsCount) {

    /** How many entries each list of a view holds at most, unless configured otherwise. */
    public static final int RECENT = 100;

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
