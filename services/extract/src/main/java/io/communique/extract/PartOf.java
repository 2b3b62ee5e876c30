package io.communique.extract;

import io.communique.model.FactType;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which visit or summit of the same report a talks, meeting or signing happened during, in two rules:
 * <ol>
 *   <li>the text says so: a cue ("访问期间", "出席…峰会期间", "on the sidelines of the G20 summit", "during his
 *   visit") in the event's sentence names the visit (one whose parties all take part in the event, else one whose
 *   visitor does) or the summit (of the named organisation, else the report's only one, attended by a party of the
 *   event — the subject's first); the nearest such fact in the text wins;</li>
 *   <li>otherwise, conservatively, dates: the event's own stated day lies within the stated range (start and end)
 *   of exactly one visit whose visitor and host both take part in it, or of exactly one summit attended by one of
 *   its parties and held in the country where the event took place.</li>
 * </ol>
 * Visits, summits and calls are never part of anything here.
 */
final class PartOf {
    static final Set<FactType> PARTS = Set.of(FactType.TALKS, FactType.MEETING, FactType.STATEMENT_SIGNED, FactType.AGREEMENT_SIGNED);

    private PartOf() {
    }

    /** The event among events that c happened during, or null. */
    static Candidate of(Candidate c, List<Candidate> events) {
        if (!PARTS.contains(c.type)) {
            return null;
        }
        if (c.during != null) {
            return c.during.kind() == FactType.VISIT ? visitNamed(c, events) : summitNamed(c, events);
        }
        return containing(c, events);
    }

    private static Candidate visitNamed(Candidate c, List<Candidate> events) {
        Candidate both = nearest(c, visits(events).filter(v -> c.participants.containsAll(v.participants)));
        return both != null ? both : nearest(c, visits(events).filter(v -> c.participants.contains(v.initiator)));
    }

    private static Candidate summitNamed(Candidate c, List<Candidate> events) {
        String organisation = c.during.organisation();
        if (organisation == null) {
            List<String> organisations = summits(events).map(s -> s.organisation).distinct().toList();
            if (organisations.size() != 1) {
                return null;
            }
            organisation = organisations.get(0);
        }
        String named = organisation;
        List<Candidate> attended = summits(events)
                .filter(s -> named.equals(s.organisation) && c.participants.contains(s.summitCountry())).toList();
        Candidate actors = nearest(c, attended.stream().filter(s -> Objects.equals(s.summitCountry(), c.actor)));
        return actors != null ? actors : nearest(c, attended.stream());
    }

    private static Candidate containing(Candidate c, List<Candidate> events) {
        if (c.date == null) {
            return null; // a date carried from elsewhere in the report says nothing about the event itself
        }
        List<Candidate> visits = visits(events)
                .filter(v -> within(c.date, v) && c.participants.containsAll(v.participants)
                        && (c.locationCode == null || c.locationCode.equals(hostOf(v)))).toList();
        List<Candidate> summits = summits(events)
                .filter(s -> within(c.date, s) && c.participants.contains(s.summitCountry())
                        && c.locationCode != null && c.locationCode.equals(s.locationCode)).toList();
        if (visits.size() + summits.size() != 1) {
            return null;
        }
        return visits.isEmpty() ? summits.get(0) : visits.get(0);
    }

    private static String hostOf(Candidate visit) {
        return visit.participants.stream().filter(p -> !p.equals(visit.initiator)).findFirst().orElse(null);
    }

    /** Whether the day lies in the event's stated range; both in one format ("YYYY-MM-DD" or "--MM-DD"). */
    private static boolean within(String day, Candidate range) {
        return range.date != null && range.endDate != null && day.length() == range.date.length()
                && day.length() == range.endDate.length() && range.date.compareTo(day) <= 0 && day.compareTo(range.endDate) <= 0;
    }

    private static Stream<Candidate> visits(List<Candidate> events) {
        return events.stream().filter(e -> e.type == FactType.VISIT && e.initiator != null);
    }

    private static Stream<Candidate> summits(List<Candidate> events) {
        return events.stream().filter(e -> e.type == FactType.SUMMIT && e.organisation != null);
    }

    /** The fact told nearest to c: the closest sentence, an earlier one on a tie. */
    private static Candidate nearest(Candidate c, Stream<Candidate> found) {
        return found.min(Comparator.comparingInt((Candidate e) -> Math.abs(e.sentence - c.sentence))
                .thenComparingInt(e -> e.sentence)).orElse(null);
    }
}
