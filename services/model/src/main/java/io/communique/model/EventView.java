package io.communique.model;

import java.util.List;

/**
 * One real-world event and every report of it: the value of {@link Topics#VIEWS_EVENT}. Merged from its reports by
 * rules that do not depend on their order (see {@code EventFold}), so rebuilding it from the log gives the same bytes.
 *
 * @param id            the event id shared by its reports' facts (see {@link EventIds})
 * @param type          the type most reports give (TALKS and MEETING are one family); null once every report is retracted
 * @param participants  sorted codes
 * @param initiator     who travelled or initiated, when a report says so
 * @param persons       every person any report names, sorted
 * @param date          "YYYY-MM-DD" (or "--MM-DD"): a full date beats one without year
 * @param endDate       the end of a range: a report with a range refines one that gives a single day
 * @param documentCount how many distinct documents report it
 * @param reports       every report's fact (its source, document, evidence and offsets), ordered by fact id
 * @param conflicts     the fields on which reports disagree, with every value given
 */
public record EventView(
        String id,
        FactType type,
        List<String> participants,
        String initiator,
        List<String> persons,
        String date,
        String endDate,
        String location,
        String title,
        int documentCount,
        List<Fact> reports,
        List<Conflict> conflicts) {

    public EventView {
        participants = List.copyOf(participants);
        persons = List.copyOf(persons);
        reports = List.copyOf(reports);
        conflicts = List.copyOf(conflicts);
    }

    /** Reports disagree on a field: every value any report gives, sorted. */
    public record Conflict(String field, List<String> values) {
        public Conflict {
            values = List.copyOf(values);
        }
    }
}
