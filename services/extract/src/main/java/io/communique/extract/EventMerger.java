package io.communique.extract;

import java.util.ArrayList;
import java.util.List;

/** One event per real-world event per document: later mentions of the same event complete the first one. */
final class EventMerger {
    private EventMerger() {
    }

    static List<Candidate> merge(List<Candidate> candidates) {
        List<Candidate> events = mergeMentions(candidates);
        EventDates.dateVisitsByTheirActivities(events);
        return events;
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
