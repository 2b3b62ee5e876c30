package io.communique.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names a report introduces with their country and title ("新西兰总理Christopher Luxon", "新加坡总统尚达曼", "Sri Lankan
 * President Anura Kumara Dissanayake") stand for that country wherever the report names them again ("Luxon与李强",
 * "Modi and President Dissanayake"): leaders the lexicons do not know yet are resolved by the report itself.
 */
final class IntroducedNames {
    /** The last word of a Chinese title: "外交和外贸部长", "越共中央总书记", "联邦委员会主席". */
    private static final String ZH_TITLE_HEADS = "总统|总理|首相|国王|女王|外长|部长|大臣|外相|国务卿|主席|总书记|书记|埃米尔|王储|苏丹|议长|亲王|总督|委员长|秘书长";
    /**
     * A title after a country, with the words that qualify it ("外交和对外贸易部长"), several joined by 、 or 兼
     * ("越共中央总书记、国家主席苏林"); no qualifying word crosses punctuation, a preposition, 说 or 府 ("总统府发言人").
     */
    private static final String ZH_TITLES = "(?:(?:对外|[^、,。;:(的府同及在并对向说表\\P{IsHan}]){0,8}?(?:" + ZH_TITLE_HEADS + ")[、兼]?)+";
    private static final String EN_TITLES = "President|Prime Minister|PM|Premier|Chancellor|King|Queen|Emir|Crown Prince|Sultan"
            + "|Foreign Minister|Minister of Foreign Affairs|External Affairs Minister|Vice President|Vice-President|Deputy Prime Minister"
            // "Defence Minister Win Bakri Daki", "Foreign Secretary David Lammy", "Minister for Trade Ali Ahmed"
            + "|(?:[A-Z][a-z]+ ){1,2}(?:Minister|Secretary)|(?:Minister|Secretary) (?:of|for) (?:State|Foreign Affairs|Defen[cs]e|Trade|Finance)";
    private static final String LATIN_NAME = "[A-Z][a-zA-Z'-]+(?: (?:bin |al-|de |da |van |von )?[A-Z][a-zA-Z'-]+){0,3}";
    private static final Pattern EN_INTRODUCTION = Pattern.compile("^\\s+(?:" + EN_TITLES + ")\\s+(" + LATIN_NAME + ")");
    private static final String ZH_NAME_END = "[、,。;:(和与同及在举会表说出访进通签共一时的等并对向已今昨当日于率]";
    /** A Chinese name ends where punctuation, a conjunction or a common verb begins ("本南会谈", "尚达曼、总理…"). */
    private static final Pattern ZH_INTRODUCTION = Pattern.compile("^(?:" + ZH_TITLES + ")(" + LATIN_NAME
            + "|(?!" + ZH_NAME_END + ")[\\p{IsHan}·]{2,10}?(?=" + ZH_NAME_END + "|$))");

    private IntroducedNames() {
    }

    /**
     * The sentences of the converted text with a person mention added for every later (and the introducing) occurrence
     * of a name introduced with its country.
     */
    static List<SentenceFacts> resolve(String text, boolean english, List<SentenceFacts> sentences) {
        Map<String, Introduced> codes = introduced(text, english, sentences);
        if (codes.isEmpty()) {
            return sentences;
        }
        List<String> names = new ArrayList<>(codes.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed()); // longest first: "Anura Kumara Dissanayake"
        List<SentenceFacts> out = new ArrayList<>(sentences.size());
        for (SentenceFacts s : sentences) {
            List<Mention> found = new ArrayList<>(s.mentions());
            int offset = s.span().start();
            String sentence = s.text(); // searched alone: indexOf on the whole text would scan to its end
            for (String name : names) {
                int from = 0;
                int at;
                while ((at = sentence.indexOf(name, from)) >= 0) {
                    int start = offset + at, end = start + name.length();
                    boolean wholeWord = !latinLetter(name.charAt(0))
                            || (start == 0 || !latinLetter(text.charAt(start - 1))) && (end == text.length() || !latinLetter(text.charAt(end)));
                    if (wholeWord && found.stream().noneMatch(m -> m.start() < end && start < m.end())) {
                        Introduced person = codes.get(name);
                        found.add(new Mention(person.code(), start, end, Mention.Kind.PERSON, name, person.fullName()));
                    }
                    from = at + name.length();
                }
            }
            found.sort(Comparator.comparingInt(Mention::start));
            out.add(s.withMentions(found));
        }
        return out;
    }

    /** A name as introduced ("Christopher Luxon", "本南·沃拉芝") and the country it stands for. */
    private record Introduced(String code, String fullName) {
    }

    /**
     * The names introduced right after a country and a title, each with its short form: a Latin name's surname
     * ("Luxon"), a Chinese transliteration's part before "·" ("本南").
     */
    private static Map<String, Introduced> introduced(String text, boolean english, List<SentenceFacts> sentences) {
        Map<String, Introduced> codes = new LinkedHashMap<>();
        for (SentenceFacts s : sentences) {
            for (Mention m : s.mentions()) {
                boolean country = m.kind() == Mention.Kind.ADJECTIVE || m.kind() == Mention.Kind.COUNTRY && m.end() - m.start() > 1;
                if (!country) {
                    continue;
                }
                Matcher name = (english ? EN_INTRODUCTION : ZH_INTRODUCTION).matcher(text).region(m.end(), s.span().end());
                if (!name.lookingAt() || known(s, name.start(1)) || namedBetween(s, m.end(), name.start(1))) {
                    continue;
                }
                String full = name.group(1).replaceAll("'s$", "");
                Introduced person = new Introduced(m.code(), full);
                codes.putIfAbsent(full, person);
                String surname = surname(full, m.code());
                if (surname != null) {
                    codes.putIfAbsent(surname, person);
                }
                int dot = full.indexOf('·');
                if (dot >= 2) {
                    codes.putIfAbsent(full.substring(0, dot), person);
                }
            }
        }
        // a leader the lexicons know by full name ("President of Indonesia … Prabowo Subianto") is named by surname later
        for (SentenceFacts s : sentences) {
            for (Mention m : s.mentions()) {
                String surname = m.kind() == Mention.Kind.PERSON ? surname(m.surface(), m.code()) : null;
                if (surname != null) {
                    codes.putIfAbsent(surname, new Introduced(m.code(), m.surface()));
                }
            }
        }
        // "老挝总理本南" in the headline and "老挝总理本南·沃拉芝" in the body are one person
        codes.replaceAll((name, person) -> codes.values().stream()
                .filter(longer -> longer.fullName().startsWith(person.fullName() + "·") || longer.fullName().endsWith(" " + person.fullName()))
                .findFirst().orElse(person));
        return codes;
    }

    /**
     * Chinese and Korean names, in Latin letters too, put the family name first ("Li Qiang" is Li, "Yoon Suk Yeol" is
     * Yoon); others put it last ("Narendra Modi" is Modi).
     */
    private static final Set<String> FAMILY_NAME_FIRST = Set.of("CN", "TW", "HK", "MO", "KR", "KP");

    /** The short form a report uses for a Latin full name after introducing it, or null (one word, or a surname too common). */
    private static String surname(String full, String code) {
        int first = full.indexOf(' '), last = full.lastIndexOf(' ');
        if (first < 0) {
            return null;
        }
        if (FAMILY_NAME_FIRST.contains(code)) { // "Li" alone names no one, but after "Li Qiang" it names him
            return full.substring(0, first);
        }
        String surname = full.substring(last + 1);
        return surname.length() >= 4 && !PersonLexicon.AMBIGUOUS_SHORT_FORMS.contains(surname) ? surname : null;
    }

    /** A Latin name is a whole word between non-Latin letters: "Luxon表示" names Luxon. */
    private static boolean latinLetter(char c) {
        return c < 0x250 && Character.isLetter(c);
    }

    /** Whether another country or party is named inside the title ("所罗门群岛和中国外交部长" is no Solomon Islands title). */
    private static boolean namedBetween(SentenceFacts s, int from, int to) {
        return s.mentions().stream().anyMatch(m -> m.start() >= from && m.start() < to && m.kind() != Mention.Kind.TITLE);
    }

    /** Whether the gazetteer already named someone there (a leader of the lexicons). */
    private static boolean known(SentenceFacts s, int position) {
        return s.mentions().stream().anyMatch(m -> m.start() <= position && position < m.end());
    }
}
