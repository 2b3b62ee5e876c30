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
    /** the rule that gave {@link #date} (the provenance's dateRule) */
    String dateRule;
    String endDate;
    /**
     * the last date written before the sentence anywhere in the report (else the reference date): the date of an event
     * whose mentions state none (a headline, "during the visit…" in a later paragraph); kept apart from {@link #date}
     * so that it never keeps two mentions of one event from merging
     */
    String carriedDate;
    String carriedDateRule;
    /** an explicit year other than the report's: a background event, never merged with the main news */
    Integer backgroundYear;
    String location;
    /** the country the location lies in, when the location is a known place */
    String locationCode;
    /** the party whose action the sentence tells (subject, visitor, attendee), for choosing the visit or summit it was part of */
    String actor;
    /** for a SUMMIT: the organisation of the summit (its other participant is the attending country) */
    String organisation;
    /** "访问期间", "on the sidelines of the summit": the visit or summit the text places this event in, or null */
    During during;
    String title;
    /** for a document: who issued or signed it, by level ("heads", "foreign ministries", "agencies"), when the text says */
    String issuer;
    /** for an untitled document: the words describing it ("发表关于…的联合声明"), to recognise its titled mention */
    String description;
    /**
     * for an untitled English document: what its noun phrase says it is about ("defence cooperation", "to develop the
     * port"); "*" for a batch that says nothing ("a pact", "several MoUs"); "" for a count that sums up the documents
     * named next ("two MoUs"); null for a back-reference ("the pact")
     */
    String subjectMatter;
    /** what makes the confidence, each with its weight: the confidence is their sum, within [0, 1] */
    final List<Reason> reasons = new ArrayList<>();
    /** a back-reference ("the visit", "访问期间") that only completes an event stated elsewhere */
    boolean weak;
    /**
     * an encounter named as the frame of what follows ("After the talks, …", "会见欧尔班时"): it completes the encounter
     * of the same parties told elsewhere, whatever its type, and is an event of its own only when there is none
     */
    boolean frame;
    /** told as done after an encounter ("会谈后", "After the talks") without a date of its own */
    boolean afterAnEncounter;
    /** dated by a sentence-opening "同日，"/"当天，": the day of the event told before */
    boolean sameDayAsTheEventBefore;

    /** One reason for the confidence: its weight (negative when it lowers it; to two decimals, as shown) and what it says. */
    record Reason(double weight, String text) {
        Reason {
            weight = Math.round(weight * 100) / 100.0;
        }

        @Override
        public String toString() {
            // "+0.50 explicit verb 访问", without String.format: every fact's reasons are written on every extraction
            long hundredths = Math.round(Math.abs(weight) * 100);
            return (weight < 0 ? "-" : "+") + hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100 + " " + text;
        }
    }

    /** A cue ("访问期间", "on the sidelines of") placing the event in a visit or a summit (of organisation, when named). */
    record During(FactType kind, String organisation) {
    }

    /** Weight of each further mention merged into an event. */
    static final double CORROBORATION = 0.05;

    Candidate(FactType type, TreeSet<String> participants, int sentence) {
        this.type = type;
        this.participants = participants;
        this.sentence = sentence;
    }

    Candidate reason(double weight, String text) {
        reasons.add(new Reason(weight, text));
        return this;
    }

    /** The sum of the reasons' weights, within [0, 1], to two decimals. */
    double confidence() {
        double sum = reasons.stream().mapToDouble(Reason::weight).sum();
        return Math.round(Math.max(0, Math.min(1, sum)) * 100) / 100.0;
    }

    /** For a SUMMIT: the attending country, else null. */
    String summitCountry() {
        return organisation == null ? null : participants.stream().filter(p -> !p.equals(organisation)).findFirst().orElse(null);
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
                && EventDates.compatible(this, that) && sameDocument(that)
                && personsByCode.keySet().stream().allMatch(code -> overlapOrEmpty(personsByCode.get(code), that.personsByCode.get(code)));
    }

    /** Completes this event with what a later mention adds. */
    void absorb(Candidate that) {
        EventDates.absorb(this, that);
        if (location == null) {
            location = that.location;
            locationCode = that.locationCode;
        }
        actor = actor != null ? actor : that.actor;
        during = during != null ? during : that.during;
        title = title != null ? title : that.title;
        description = description != null ? description : that.description;
        if (subjectMatter == null || subjectMatter.isEmpty() && that.subjectMatter != null) {
            subjectMatter = that.subjectMatter; // a summary ("two MoUs") becomes the first document it sums up
        }
        issuer = issuer != null ? issuer : that.issuer;
        initiator = initiator != null ? initiator : that.initiator;
        that.subjectPersons.stream().filter(p -> !subjectPersons.contains(p)).forEach(subjectPersons::add);
        that.otherPersons.stream().filter(p -> !otherPersons.contains(p)).forEach(otherPersons::add);
        that.personsByCode.forEach((code, names) -> personsByCode.computeIfAbsent(code, k -> new TreeSet<>()).addAll(names));
        if (that.reasons.stream().mapToDouble(Reason::weight).sum() > reasons.stream().mapToDouble(Reason::weight).sum()) {
            reasons.clear(); // the best-supported mention explains the event
            reasons.addAll(that.reasons);
        }
        reason(CORROBORATION, "also stated in sentence " + (that.sentence + 1));
    }

    /** Signed documents: the same title, or an untitled mention whose description is part of the other's title. */
    private boolean sameDocument(Candidate that) {
        if (title == null && that.title == null && aboutDifferentThings(subjectMatter, that.subjectMatter)) {
            return false; // "inked a defence pact", "signed a pact to develop the port": two documents
        }
        if (title == null && that.title == null && issuer != null && that.issuer != null && !issuer.equals(that.issuer)) {
            return false; // the leaders' joint statement and the foreign ministries' are two documents
        }
        if (java.util.Objects.equals(title, that.title)) {
            return true;
        }
        Candidate titled = title != null ? this : that;
        Candidate untitled = title != null ? that : this;
        return untitled.title == null && untitled.description != null && untitled.description.length() >= 4
                && titled.title.contains(untitled.description);
    }

    /** Two documents described by words that share nothing ("defence cooperation", "to develop the port"). */
    private static boolean aboutDifferentThings(String a, String b) {
        if (a == null || b == null || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        if (a.equals(b)) {
            return false;
        }
        Set<String> words = new java.util.HashSet<>(contentWords(a));
        return contentWords(b).stream().noneMatch(words::contains);
    }

    private static List<String> contentWords(String phrase) {
        return java.util.Arrays.stream(phrase.split("[\\s-]+")).filter(w -> w.length() > 3).toList();
    }

    private static boolean overlapOrEmpty(Set<String> a, Set<String> b) {
        return a == null || b == null || a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }
}
