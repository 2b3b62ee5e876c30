package io.communique.extract;

import io.communique.extract.DateResolver.Found;
import io.communique.model.FactType;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Builds candidates with the attributes every rule fills the same way: date, background year, persons. */
final class Events {
    private Events() {
    }

    static Candidate create(Analysis a, int i, FactType type, Collection<String> participants, int trigger, double confidence) {
        Candidate c = new Candidate(type, new TreeSet<>(participants), i, confidence);
        Found date = a.dateFor(i, trigger);
        c.date = a.eventDate(i, trigger);
        if (date != null && c.date != null && c.date.equals(date.date())) {
            c.endDate = date.endDate();
        }
        c.carriedDate = a.documentDates.get(i);
        c.backgroundYear = a.backgroundYear(i, trigger);
        return c;
    }

    /**
     * Persons of the event's countries named in sentence i: the subject's anywhere before {@code to}, the others' only
     * in [from, to), the span that names the counterparts of this trigger.
     */
    static void addPersons(Analysis a, int i, Candidate c, String subject, int from, int to) {
        for (Mention m : a.mentions.get(i)) {
            boolean inSpan = m.end() <= to && (m.start() >= from || m.code().equals(subject));
            if (m.kind() == Mention.Kind.PERSON && inSpan && c.participants.contains(m.code())) {
                String name = a.original.substring(m.start(), m.end());
                List<String> side = m.code().equals(subject) ? c.subjectPersons : c.otherPersons;
                if (!side.contains(name)) {
                    side.add(name);
                }
                c.personsByCode.computeIfAbsent(m.code(), k -> new TreeSet<>()).add(m.person());
            }
        }
    }
}
