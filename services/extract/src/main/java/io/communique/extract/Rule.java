package io.communique.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One family of event patterns, applied sentence by sentence. */
interface Rule {
    void apply(Analysis analysis, int sentence, List<Candidate> out);

    /** "举行了10多场会见会谈", "四度访华", "多次会晤": a count of occasions is an aggregate, no event ("第三次会晤" is one). */
    Pattern AGGREGATE = Pattern.compile("(?:\\d+|[一二三四五六七八九十几数]+)多?场|(?<!第)(?:\\d+|[两二三四五六七八九十几数]+|多)(?:次|度)$");

    /** Whether a Chinese trigger at position is preceded by a count of occasions ("多场会谈会见" with one counterpart is not). */
    static boolean countedOccasions(Analysis a, int i, int position) {
        return !a.english && AGGREGATE.matcher(a.text.substring(Math.max(a.sentence(i).start(), position - 8), position)).find();
    }

    /** The matches of a pattern inside sentence i of the converted text. */
    static Matcher matcher(Pattern pattern, Analysis analysis, int i) {
        return pattern.matcher(analysis.text).region(analysis.sentence(i).start(), analysis.sentence(i).end());
    }
}
