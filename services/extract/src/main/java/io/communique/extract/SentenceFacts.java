package io.communique.extract;

import io.communique.extract.DateResolver.Found;
import io.communique.extract.SentenceSplitter.Sentence;

import java.util.List;

/**
 * What was found in one sentence before any rule runs: where it stands, its (converted) text, the countries, persons,
 * places and organisations it names, and its date expressions. The {@link Extractor} builds one per sentence;
 * {@link ShortForms} and {@link IntroducedNames} return copies with their mentions resolved; {@link Analysis} is made
 * of the final ones, in report order (sentence i of every rule is the i-th).
 *
 * @param span     its offsets and paragraph in the converted text (the same as in the original)
 * @param text     its converted text, {@code span}'s substring
 * @param mentions its mentions, in text order
 * @param dates    its date expressions, in text order
 */
record SentenceFacts(Sentence span, String text, List<Mention> mentions, List<Found> dates) {

    SentenceFacts {
        mentions = List.copyOf(mentions);
        dates = List.copyOf(dates);
    }

    /** The same sentence with other mentions (short forms resolved, introduced names added). */
    SentenceFacts withMentions(List<Mention> resolved) {
        return new SentenceFacts(span, text, resolved, dates);
    }
}
