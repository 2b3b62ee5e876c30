package io.communique.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-character short forms ("中巴", "巴方", "中乌") stand for the country of that initial the report names in full:
 * 巴 is Pakistan by default, Brazil in a report about 巴西; 乌 is Uzbekistan by default, Ukraine in a report about
 * 乌克兰. The default holds whenever the report names its own country in full, or names none with that initial.
 */
final class ShortForms {

    private ShortForms() {
    }

    /** The sentences with each short form standing for the country the report names in full. */
    static List<SentenceFacts> resolve(List<SentenceFacts> sentences) {
        Map<Character, Map<String, Integer>> fullNames = new LinkedHashMap<>();
        for (SentenceFacts sentence : sentences) {
            for (Mention m : sentence.mentions()) {
                if (m.kind() == Mention.Kind.COUNTRY && m.surface().length() > 1 && Character.UnicodeScript.of(m.surface().charAt(0)) == Character.UnicodeScript.HAN) {
                    fullNames.computeIfAbsent(m.surface().charAt(0), c -> new LinkedHashMap<>()).merge(m.code(), 1, Integer::sum);
                }
            }
        }
        List<SentenceFacts> out = new ArrayList<>(sentences.size());
        for (SentenceFacts sentence : sentences) {
            List<Mention> resolved = new ArrayList<>(sentence.mentions().size());
            for (Mention m : sentence.mentions()) {
                resolved.add(isShortForm(m) ? resolve(m, fullNames.get(m.surface().charAt(0))) : m);
            }
            out.add(sentence.withMentions(resolved));
        }
        return out;
    }

    private static boolean isShortForm(Mention m) {
        // 中 and 华 are China whatever else the report names (中非合作论坛 is no Central African Republic)
        return m.kind() == Mention.Kind.COUNTRY && m.surface().length() == 1 && !m.code().equals("CN");
    }

    /** The most-named country of that initial, the first named on a tie; the default when the report names it. */
    private static Mention resolve(Mention shortForm, Map<String, Integer> namedInFull) {
        if (namedInFull == null || namedInFull.containsKey(shortForm.code())) {
            return shortForm;
        }
        String best = null;
        for (Map.Entry<String, Integer> e : namedInFull.entrySet()) {
            if (best == null || e.getValue() > namedInFull.get(best)) {
                best = e.getKey();
            }
        }
        return new Mention(best, shortForm.start(), shortForm.end(), shortForm.kind(), shortForm.surface(), null);
    }
}
