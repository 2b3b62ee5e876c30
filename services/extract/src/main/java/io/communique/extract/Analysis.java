package io.communique.extract;

import io.communique.extract.DateResolver.Found;
import io.communique.extract.SentenceSplitter.Sentence;

import java.util.List;

/**
 * One report as the rules see it: the original and converted text, and its sentences with their mentions and dates
 * ({@link SentenceFacts}); plus, each in a class of its own, the questions every rule asks: where a clause ends
 * ({@link Clauses}), who the parties are ({@link Parties}), who the subject is ({@link Subjects}), whether it is a plan
 * ({@link Plans}), which organisation's summit ({@link Organisations}), where and during what ({@link Places}), and
 * which date ({@link EventDates}). Built once, in the constructor, and never changed after.
 */
final class Analysis {
    final String original;
    final String text;
    final boolean english;
    final List<SentenceFacts> sentences;
    final DateResolver.Ref ref;
    /** where each trigger's date is decided */
    final EventDates eventDates;
    /** where clauses begin and end */
    final Clauses clauses;
    /** which mentions are parties, which countries the report names most */
    final Parties parties;
    /** who acts in each sentence, named or carried over */
    final Subjects subjects;
    /** whether a trigger is a plan, wish or negation */
    final Plans plans;
    /** which organisation's summit a trigger refers to */
    final Organisations organisations;
    /** where and during what an event took place */
    final Places places;

    /** The analysis of a report from its sentences, each with its final mentions and dates. */
    Analysis(String original, String text, boolean english, DateResolver.Ref ref, List<SentenceFacts> sentences) {
        this.original = original;
        this.text = text;
        this.english = english;
        this.ref = ref;
        this.sentences = List.copyOf(sentences);
        // each of these asks the fields above (and those built before it) only
        this.clauses = new Clauses(this);
        this.eventDates = new EventDates(this);
        this.parties = new Parties(this);
        this.subjects = new Subjects(this, parties, clauses);
        this.plans = new Plans(this, clauses);
        this.organisations = new Organisations(this, clauses);
        this.places = new Places(this, parties, organisations, clauses);
    }

    /** Whether a report is English: more than three Latin letters to each Han character. */
    static boolean isMostlyLatin(String text) {
        int han = 0, latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (c < 0x80 && Character.isLetter(c)) {
                latin++;
            }
        }
        return latin > han * 3;
    }

    /** Where sentence i stands in the text (the same offsets in the original and the converted text). */
    Sentence sentence(int i) {
        return sentences.get(i).span();
    }

    /** The converted text of sentence i. */
    String sentenceText(int i) {
        return sentences.get(i).text();
    }

    /** The mentions of sentence i, in text order. */
    List<Mention> mentions(int i) {
        return sentences.get(i).mentions();
    }

    /** The date expressions of sentence i, in text order. */
    List<Found> dates(int i) {
        return sentences.get(i).dates();
    }
}
