package io.communique.model;

import java.util.List;

/**
 * One diplomatic fact event stated by one document: the value of {@link Topics#FACTS}.
 *
 * @param id           deterministic: see {@link Ids#factId}
 * @param participants sorted ISO 3166-1 alpha-2 country codes and organisation codes
 * @param date         "YYYY-MM-DD", "--MM-DD" when the year is unknown, or null
 * @param endDate      same format, for ranges; null for single days
 * @param confidence   0..1
 */
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
        ExtractorInfo extractor) {

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
        return date == null ? "" : date.startsWith("--") ? "0000" + date.substring(1) : date;
    }
}
