package io.communique.extract;

import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** An event found by one rule in one sentence, before mentions of the same event are merged. */
final class Candidate {
    final FactType type;
    final TreeSet<String> participants;
    final int sentence;
    String initiator;
    final List<String> subjectPersons = new ArrayList<>();
    final List<String> otherPersons = new ArrayList<>();
    /** canonical names of the persons by country: two mentions naming different people of one country differ */
    final Map<String, Set<String>> personsByCode = new TreeMap<>();
    String date;
    String endDate;
    /**
     * the last date written before the sentence anywhere in the report (else the reference date): the date of an event
     * whose mentions state none (a headline, "during the visit…" in a later paragraph); kept apart from {@link #date}
     * so that it never keeps two mentions of one event from merging
     */
    String carriedDate;
    /** an explicit year other than the report's: a background event, never merged with the main news */
    Integer backgroundYear;
    String location;
    String title;
    /** for an untitled document: the words describing it ("发表关于…的联合声明"), to recognise its titled mention */
    String description;
    double confidence;
    /** a back-reference ("the visit", "访问期间") that only completes an event stated elsewhere */
    boolean weak;

    Candidate(FactType type, TreeSet<String> participants, int sentence, double confidence) {
        this.type = type;
        this.participants = participants;
        this.sentence = sentence;
        this.confidence = confidence;
    }

    /** The date the fact reports: the stated one, else the carried one (unless the event is background). */
    String finalDate() {
        return date != null || backgroundYear != null ? date : carriedDate;
    }

    List<String> persons() {
        List<String> all = new ArrayList<>(subjectPersons);
        otherPersons.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return all;
    }

    /** Whether this and that may be two mentions of one real-world event. */
    boolean sameEventAs(Candidate that) {
        return type == that.type && participants.equals(that.participants)
                && (type != FactType.VISIT || java.util.Objects.equals(initiator, that.initiator))
                && java.util.Objects.equals(backgroundYear, that.backgroundYear)
                && (type == FactType.VISIT || compatible(date, that.date)) && sameDocument(that)
                && personsByCode.keySet().stream().allMatch(code -> overlapOrEmpty(personsByCode.get(code), that.personsByCode.get(code)));
    }

    /** Completes this event with what a later mention adds. */
    void absorb(Candidate that) {
        if (type == FactType.VISIT && date != null && that.date != null && that.date.compareTo(date) < 0) {
            date = that.date; // a visit is dated by its earliest stated day
        }
        date = date != null ? date : that.date;
        endDate = endDate != null ? endDate : that.endDate;
        carriedDate = carriedDate != null ? carriedDate : that.carriedDate;
        location = location != null ? location : that.location;
        title = title != null ? title : that.title;
        description = description != null ? description : that.description;
        initiator = initiator != null ? initiator : that.initiator;
        that.subjectPersons.stream().filter(p -> !subjectPersons.contains(p)).forEach(subjectPersons::add);
        that.otherPersons.stream().filter(p -> !otherPersons.contains(p)).forEach(otherPersons::add);
        that.personsByCode.forEach((code, names) -> personsByCode.computeIfAbsent(code, k -> new TreeSet<>()).addAll(names));
        confidence = Math.min(1.0, Math.max(confidence, that.confidence) + 0.05);
    }

    /** Signed documents: the same title, or an untitled mention whose description is part of the other's title. */
    private boolean sameDocument(Candidate that) {
        if (java.util.Objects.equals(title, that.title)) {
            return true;
        }
        Candidate titled = title != null ? this : that;
        Candidate untitled = title != null ? that : this;
        return untitled.title == null && untitled.description != null && untitled.description.length() >= 4
                && titled.title.contains(untitled.description);
    }

    private static boolean compatible(String a, String b) {
        return a == null || b == null || a.equals(b);
    }

    private static boolean overlapOrEmpty(Set<String> a, Set<String> b) {
        return a == null || b == null || a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }
}
