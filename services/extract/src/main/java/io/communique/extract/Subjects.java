package io.communique.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who acts in a sentence: its first party, or, when it names none (or only the object of "与"/"with"), the actor
 * carried over from the sentences before ("他还会见了…", "He met…"). Rules ask it for the subject of each trigger.
 */
final class Subjects {
    private final Analysis a;
    private final Parties parties;
    private final Clauses clauses;
    /** per sentence: the actor carried into it from the sentences before, or null */
    private final String[] carriedSubject;

    Subjects(Analysis a, Parties parties, Clauses clauses) {
        this.a = a;
        this.parties = parties;
        this.clauses = clauses;
        this.carriedSubject = carrySubjects();
    }

    /**
     * The subject carried into each sentence ("他还会见了…", "He met…"): the last actor named first in a
     * sentence, i.e. a person, a title or a country followed by a title ("俄罗斯之行" names a place, not an actor).
     */
    private String[] carrySubjects() {
        String[] carriedSubject = new String[a.sentences.size()];
        String last = null;
        for (int i = 0; i < a.sentences.size(); i++) {
            carriedSubject[i] = last;
            Matcher pronoun = PRONOUN_SUBJECT.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
            int pronounAt = pronoun.find() ? pronoun.start() : Integer.MAX_VALUE;
            for (Mention m : parties.in(i, a.sentence(i).start(), a.sentence(i).end())) {
                if (parties.isActor(m)) {
                    // "During a visit to the US, he met President Biden": he is still the one told of before
                    last = m.start() > pronounAt && last != null ? last : m.code();
                    break;
                }
            }
        }
        return carriedSubject;
    }

    /** A personal pronoun as a subject: the actor told of before goes on. */
    private static final Pattern PRONOUN_SUBJECT = Pattern.compile("\\b(?:he|she|He|She)\\b(?!['’]s)|(?<![其吉])他(?!们|国|方|人)|她(?!们)");

    /** The actor carried into sentence i from the sentences before it, or null. */
    String carried(int i) {
        return carriedSubject[i];
    }

    /**
     * The sentence's subject: its first party not used as a place, unless that party is the object of a preposition
     * ("与阿塞拜疆…举行会谈", "with Malaysia"): then the subject carried from before.
     */
    String of(int i, int before) {
        Mention named = mentionOf(i, before);
        return named != null ? named.code() : carriedSubject[i];
    }

    /** The mention naming the sentence's subject, or null when the subject is carried from before (or unknown). */
    Mention mentionOf(int i, int before) {
        Mention first = parties.first(i, clauses.contrastStart(i, before), before);
        if (first == null) {
            return null;
        }
        String lead = a.text.substring(Math.max(a.sentence(i).start(), first.start() - 3), first.start());
        return lead.matches("(?s).*(与|同|跟|和|with )$") && carriedSubject[i] != null ? null : first;
    }
}
