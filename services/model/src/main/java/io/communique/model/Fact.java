package io.communique.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One diplomatic fact event stated by one document: the value of {@link Topics#FACTS}.
 *
 * @param id           deterministic: see {@link Ids#factId}
 * @param participants sorted ISO 3166-1 alpha-2 country codes and organisation codes
 * @param date         "YYYY-MM-DD", "--MM-DD" when the year is unknown, or null
 * @param endDate      same format, for ranges; null for single days
 * @param confidence   0..1
 * @param eventId      the extractor's content key of the event this fact reports, shared by reports that agree on
 *                     its every field (see {@link EventIds}); event views group reports by the projection's resolver
 * @param partOf       the id of the visit or summit fact of the same document during which this happened, or null
 * @param codes        CAMEO and PLOVER codes
 * @param provenance   the rules behind the date, the confidence and the topics
 *
 * <p>Written as JSON with the id and document id first, then the fields that folding a fact into views reads (its
 * outline), then the rest: a reader of outlines ({@link FactReader#outline}) stops before the evidence and the
 * provenance. Member order means nothing to a JSON reader; this one is for speed only.
 */
@JsonPropertyOrder({"id", "documentId", "type", "participants", "initiator", "date", "topics", "eventId"})
public record Fact(
        String id,
        String documentId,
        String source,
        FactType type,
        List<String> participants,
        String initiator,
        List<String> persons,
        String date,
        String endDate,
        String location,
        String title,
        List<String> topics,
        double confidence,
        Evidence evidence,
        ExtractorInfo extractor,
        String eventId,
        String partOf,
        EventCodes codes,
        Provenance provenance) {

    /** A fact without event link, codes or provenance, as older extractors and synthetic workloads make them. */
    public Fact(String id, String documentId, String source, FactType type, List<String> participants,
                String initiator, List<String> persons, String date, String endDate, String location, String title,
                List<String> topics, double confidence, Evidence evidence, ExtractorInfo extractor) {
        this(id, documentId, source, type, participants, initiator, persons, date, endDate, location, title, topics,
                confidence, evidence, extractor, null, null, null, null);
    }

    public Fact {
        participants = List.copyOf(participants);
        persons = persons == null ? List.of() : List.copyOf(persons);
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Whether the country or organisation code takes part in this fact. */
    public boolean involves(String code) {
        return participants.contains(code);
    }

    /** A sort key putting the most recent facts first; facts without a date go last, ties broken by id. */
    public String recencyKey() {
        return recencyKeyOf(date);
    }

    /** The sort key of a date: "YYYY-MM-DD", "0000-MM-DD" without year, "" without date. */
    public static String recencyKeyOf(String date) {
        return date == null ? "" : date.startsWith("--") ? "0000" + date.substring(1) : date;
    }
}
