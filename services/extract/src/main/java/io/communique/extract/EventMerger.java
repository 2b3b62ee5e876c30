package io.communique.extract;

import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** One event per real-world event per document: later mentions of the same event complete the first one. */
final class EventMerger {
    private EventMerger() {
    }

    static List<Candidate> merge(List<Candidate> candidates) {
        List<Candidate> events = mergeMentions(candidates);
        EventDates.dateByTheEncounterBefore(events);
        EventDates.dateSameDayByTheEventBefore(events);
        EventDates.dateVisitsByTheirActivities(events);
        return events;
    }

    private static List<Candidate> mergeMentions(List<Candidate> candidates) {
        List<Candidate> events = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (!candidate.frame) {
                mergeInto(events, candidate, null);
            }
        }
        for (Candidate frame : candidates) { // once every encounter is known: "After the talks" may follow or precede it
            if (!frame.frame) {
                continue;
            }
            List<Candidate> encounters = events.stream().filter(e -> ENCOUNTERS.contains(e.type) && e.backgroundYear == null
                    && frame.backgroundYear == null && e.participants.stream().anyMatch(frame.participants::contains)).toList();
            Candidate same = encounters.stream().filter(e -> e.participants.equals(frame.participants)).findFirst().orElse(null);
            if (same != null || encounters.isEmpty()) {
                mergeInto(events, frame, same);
            } // else its parties were guessed from the sentence before ("会见欧尔班时，习近平强调"): it tells nothing new
        }
        return events;
    }

    private static final Set<FactType> ENCOUNTERS = Set.of(FactType.TALKS, FactType.MEETING, FactType.PHONE_CALL);

    private static void mergeInto(List<Candidate> events, Candidate candidate, Candidate encounter) {
        Candidate same = events.stream().filter(e -> e.sameEventAs(candidate)).findFirst().orElse(encounter);
        if (same != null) {
            same.absorb(candidate);
        } else if (!candidate.weak) {
            events.add(candidate);
        }
    }
}
