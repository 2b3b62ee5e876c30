package io.communique.extract;

import io.communique.model.FactType;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/** Builds candidates with the attributes every rule fills the same way: date, background year, persons, reasons. */
final class Events {
    /** Weight of the trigger word: every event starts from it. */
    static final double TRIGGER = 0.5;

    private Events() {
    }

    /**
     * The other party of the latest two-party event told in sentence i or the one before it, with code as a party:
     * "14日，他在惠灵顿同拉克森举行会谈。双方同意…" — 双方 are the two of those talks, whoever else the report names most;
     * attending a summit ("Biden attended the NATO summit. The two men last met…") makes no pair.
     */
    static String recentCounterpart(List<Candidate> out, String code, int i) {
        for (int k = out.size() - 1; k >= 0; k--) {
            Candidate c = out.get(k);
            if (c.sentence < i - 1) {
                break;
            }
            if (c.participants.size() == 2 && c.participants.contains(code) && c.type != FactType.SUMMIT) { // a summit's parties are no pair
                return c.participants.stream().filter(p -> !p.equals(code)).findFirst().orElse(null);
            }
        }
        return null;
    }

    /** A candidate of sentence i whose trigger word is text[trigger, triggerEnd), with the trigger as first reason. */
    static Candidate create(Analysis a, int i, FactType type, Collection<String> participants, int trigger, int triggerEnd) {
        return create(a, i, type, participants, trigger, "explicit verb " + a.original.substring(trigger, triggerEnd).strip());
    }

    /** A candidate dated from its trigger position, with cue ("explicit verb 签署") as first reason. */
    static Candidate create(Analysis a, int i, FactType type, Collection<String> participants, int trigger, String cue) {
        Candidate c = new Candidate(type, new TreeSet<>(participants), i);
        c.reason(TRIGGER, cue);
        a.eventDates.date(c, i, trigger);
        c.during = a.places.during(i, trigger);
        return c;
    }

    /** How a party was recognised, for the confidence reasons: "DE resolved from person 默克尔 by term of office". */
    static String recognised(Analysis a, Mention m) {
        String written = a.original.substring(m.start(), m.end());
        return switch (m.kind()) {
            case PERSON -> m.code() + " resolved from person " + written + " by term of office";
            case TITLE -> m.code() + " from the title " + written;
            case CAPITAL -> m.code() + " from the capital " + written + " as metonym";
            case ADJECTIVE -> m.code() + " from the adjective " + written;
            case COUNTRY -> m.end() - m.start() == 1 ? m.code() + " from the short form " + written : m.code() + " named as " + written;
            default -> m.code() + " named as " + written;
        };
    }

    /** The event's place: the location named for it in sentence i, with the country it lies in. */
    static void locate(Analysis a, int i, Candidate c, int position) {
        Mention place = a.places.locationBefore(i, position);
        if (place != null) {
            c.location = a.original.substring(place.start(), place.end());
            c.locationCode = place.code();
        }
    }

    /**
     * Persons of the event's countries named in sentence i: the subject's anywhere before {@code to}, the others' only
     * in [from, to), the span that names the counterparts of this trigger.
     */
    static void addPersons(Analysis a, int i, Candidate c, String subject, int from, int to) {
        addPersons(a, i, c, subject, from, to, to);
    }

    /**
     * As above, the subject's persons only before subjectTo (the trigger): one of the subject's country named after the
     * verb is someone else ("Jaishankar met the President, thanking her for PM Modi's initiative").
     */
    static void addPersons(Analysis a, int i, Candidate c, String subject, int from, int to, int subjectTo) {
        for (Mention m : a.mentions(i)) {
            boolean subjects = m.code().equals(subject);
            boolean inSpan = subjects ? m.end() <= subjectTo : m.end() <= to && m.start() >= from;
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
