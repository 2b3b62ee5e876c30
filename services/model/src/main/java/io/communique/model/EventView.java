package io.communique.model;

import java.util.List;

/**
 * One real-world event and every report of it: the value of {@link Topics#VIEWS_EVENT}. Which reports are one event
 * is decided among all the reports of the same parties ({@code EventResolver}), and their fields merged by rules that
 * do not depend on their order ({@code EventFold}), so rebuilding it from the log gives the same bytes.
 *
 * @param id            the event's id: derived from its first report (see {@code EventResolver}); a fact's own
 *                      {@link Fact#eventId()} is the extractor's content key, which only reports that agree on every
 *                      field share
 * @param type          the type most reports give (TALKS and MEETING are one family); null once every report is retracted
 * @param participants  sorted codes
 * @param initiator     who travelled or initiated, when a report says so
 * @param persons       every person any report names, sorted
 * @param date          "YYYY-MM-DD" (or "--MM-DD"): a full date beats one without year
 * @param endDate       the end of a range: a report with a range refines one that gives a single day
 * @param documentCount how many distinct documents report it
 * @param reports       every report's fact (its source, document, evidence and offsets), ordered by fact id
 * @param conflicts     the fields on which reports disagree, with every value given
 * @param joins         why each report after the first is in the event: one per report, in the order of reports
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
        List<Conflict> conflicts,
        List<Join> joins) {

    public EventView {
        participants = List.copyOf(participants);
        persons = List.copyOf(persons);
        reports = List.copyOf(reports);
        conflicts = List.copyOf(conflicts);
        joins = joins == null ? List.of() : List.copyOf(joins); // views published before the resolver have none
    }

    /**
     * Why a report is in the event: the report already in it that it agrees with best, and on what ("type family",
     * "date ±1 day", "title kind: joint statement"…), so a reader can check every merge.
     */
    public record Join(String report, String with, List<String> agreed) {
        public Join {
            agreed = List.copyOf(agreed);
        }
    }

    /** Reports disagree on a field: every value any report gives, sorted. */
    public record Conflict(String field, List<String> values) {
        public Conflict {
            values = List.copyOf(values);
        }
    }
}
