package io.communique.extract;

import java.util.ArrayList;
import java.util.List;

/** One event per real-world event per document: later mentions of the same event complete the first one. */
final class EventMerger {
    private EventMerger() {
    }

    static List<Candidate> merge(List<Candidate> candidates) {
        List<Candidate> events = mergeMentions(candidates);
        dateVisitsByTheirActivities(events);
        return events;
    }

    /**
     * A visit the text does not date takes the day of its earliest dated activity between the same two countries
     * (talks, a meeting, a signing): "本南感谢中国政府对他访华给予的热情款待" after "朱镕基今天…与本南举行会谈".
     */
    private static void dateVisitsByTheirActivities(List<Candidate> events) {
        for (Candidate visit : events) {
            if (visit.type != io.communique.model.FactType.VISIT || visit.finalDate() != null || visit.backgroundYear != null) {
                continue;
            }
            events.stream()
                    .filter(e -> e != visit && e.type != io.communique.model.FactType.VISIT && e.backgroundYear == null
                            && e.participants.equals(visit.participants) && e.date != null && !e.date.startsWith("--"))
                    .map(e -> e.date).min(String::compareTo)
                    .ifPresent(day -> {
                        visit.date = day;
                        visit.dateRule = "earliest dated activity of the visit";
                    });
        }
    }

    private static List<Candidate> mergeMentions(List<Candidate> candidates) {
        List<Candidate> events = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Candidate same = events.stream().filter(e -> e.sameEventAs(candidate)).findFirst().orElse(null);
            if (same == null) {
                if (!candidate.weak) {
                    events.add(candidate);
                }
            } else {
                same.absorb(candidate);
            }
        }
        return events;
    }
}
