package io.communique.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One family of event patterns, applied sentence by sentence. */
interface Rule {
    void apply(Analysis analysis, int sentence, List<Candidate> out);

    /** The matches of a pattern inside sentence i of the converted text. */
    static Matcher matcher(Pattern pattern, Analysis analysis, int i) {
        return pattern.matcher(analysis.text).region(analysis.sentence(i).start(), analysis.sentence(i).end());
    }
}
