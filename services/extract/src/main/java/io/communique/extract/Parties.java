package io.communique.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which mentions of a sentence name parties to an event: countries and persons who act, not the places they act in
 * ("在北京", "in India", a dateline), the countries talked about ("held talks on Syria", "台湾问题"), the inviter
 * ("应…邀请"), a party excluded ("除…外", "besides …", a concessive "While A …," clause) or a capital standing alone.
 * Computed once per sentence, when the analysis is built: every rule asks, often several times. Also the report-wide
 * questions about parties: which countries it names most, and who the other party of a country is in context.
 */
final class Parties {
    private final Analysis a;
    /** per sentence: its parties, in text order */
    private final List<List<Mention>> bySentence = new ArrayList<>();
    /** how often the report names each country, as a party or as a place (no city, no organisation) */
    private final Map<String, Integer> mentionCounts = new LinkedHashMap<>();
    /** the countries named as parties, most often named first */
    private final List<String> documentCodes;

    /** "除普京外,他还会见了…", "Besides Putin, he also met…": the excluded party. */
    private static final Pattern EXCLUSION = Pattern.compile("除(?:了)?[^,;除]{1,30}?(?:以外|之外|外)|(?i)\\b(?:besides|apart from|in addition to|aside from)\\b[^,;]{1,60}?,");
    /**
     * "While German Chancellor A sent congratulations, French President B …": a concessive clause opening the sentence
     * tells of someone else; its parties are neither subject nor counterpart of the main clause ("While in Beijing" and
     * "While visiting China" have no subject of their own and stay).
     */
    private static final Pattern CONCESSIVE = Pattern.compile("^\\s*(?:While|Whereas|Although|Though)\\s+(?!in\\b|at\\b|on\\b|during\\b|there\\b|[a-z]+ing\\b)[^,;]{1,120},");
    /** "in northern Kazakhstan", "in the south-east of Turkey": a direction between a place preposition and its place. */
    private static final Set<String> EN_DIRECTIONS = Set.of("northern", "southern", "eastern", "western", "central",
            "north-eastern", "north-western", "south-eastern", "south-western", "northeastern", "northwestern",
            "southeastern", "southwestern", "far-eastern", "neighbouring", "neighboring");
    /** "应俄罗斯总统普京邀请": the inviter is the host, never the subject. */
    private static final Pattern INVITATION = Pattern.compile("应[^,;应]{1,40}?邀请?");
    /** Characters after which a Chinese place name is a location or destination ("在北京", "赴汉堡", "对俄罗斯", "访日期间"). */
    private static final String ZH_PLACE_MARKERS = "在于赴到往抵达经自从对访";
    private static final Set<String> EN_PLACE_PREPOSITIONS = Set.of("in", "at", "to", "from", "into", "across");
    /**
     * What lists a place after a place ("在北京、上海", "in Beijing, Shanghai"): one character, maybe followed by a space.
     * Not {@link ListGlue}: asked for every mention, so a character test, not a regular expression.
     */
    private static final Set<Character> LIST_JOINERS = Set.of('、', ',', '和', '与', '及');
    /** A title after a country makes it an actor: "俄罗斯总统", "French President", "India's prime minister". */
    private static final Pattern TITLE_AFTER = Pattern.compile(
            "^(?:\\s|'s)*(?:联邦|政府|共和国)?(?:总统|总理|主席|首相|外长|外相|外交部长|国王|王储|埃米尔|领导人|国务卿|元首|代表|副总统|副总理"
                    + "|President|Prime Minister|PM|Foreign Minister|External Affairs Minister|King|Premier|Chancellor|leader|counterpart|president|prime minister)");

    Parties(Analysis a) {
        this.a = a;
        for (int i = 0; i < a.sentences.size(); i++) {
            bySentence.add(findParties(i));
        }
        a.sentences.forEach(s -> s.mentions().stream().filter(Mention::isParty).forEach(m -> mentionCounts.merge(m.code(), 1, Integer::sum)));
        this.documentCodes = countDocumentCodes();
    }

    /** Whether a mention names someone who acts: a person, a title, or a country followed by a title ("俄罗斯总统"). */
    boolean isActor(Mention m) {
        return m.kind() == Mention.Kind.PERSON || m.kind() == Mention.Kind.TITLE
                || TITLE_AFTER.matcher(a.text.substring(m.end(), Math.min(a.text.length(), m.end() + 25))).find();
    }

    /** The first party in [from, to) of sentence i, or null. */
    Mention first(int i, int from, int to) {
        List<Mention> found = in(i, from, to);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Mentions of parties in [from, to) of sentence i, leaving out places ("在北京", "in India") and organisations. */
    List<Mention> in(int i, int from, int to) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : bySentence.get(i)) {
            if (m.start() >= from && m.end() <= to) {
                out.add(m);
            }
        }
        return out;
    }

    /** The mentions of sentence i that pass every test above, computed once when the analysis is built. */
    private List<Mention> findParties(int i) {
        List<Mention> out = new ArrayList<>();
        List<Mention> all = a.mentions(i);
        for (int k = 0; k < all.size(); k++) {
            Mention m = all.get(k);
            if (m.isParty() && !locative(i, k) && !topical(i, k) && !inInvitation(i, m) && !inExclusion(i, m)
                    && (m.kind() != Mention.Kind.CAPITAL || joinedToParty(i, k))) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** Whether the k-th mention of sentence i names a place: after 在/赴/in/at…, or listed after such a mention. */
    boolean locative(int i, int k) {
        List<Mention> all = a.mentions(i);
        Mention m = all.get(k);
        int sentenceStart = a.sentence(i).start();
        if (a.english && m.end() <= datelineEnd(i)) {
            return true; // "SOCHI, Russia, Nov. 22 -- …": where the report was filed
        }
        if (precededByPlacePreposition(Math.max(sentenceStart, m.start() - 12), m.start())) {
            return true;
        }
        if (k > 0 && m.start() > sentenceStart) {
            Mention previous = all.get(k - 1);
            int gap = m.start() - previous.end();
            boolean adjacent = gap == 0 && previous.isPlace() && m.isPlace();
            boolean listed = (gap == 1 || gap == 2 && a.text.charAt(previous.end() + 1) == ' ') && LIST_JOINERS.contains(a.text.charAt(previous.end()));
            // "在首尔与日本首相…": a country with a title after it is an actor, even after a place and 与
            boolean actor = m.kind() == Mention.Kind.ADJECTIVE || isActor(m);
            if ((adjacent || listed) && previous.kind() != Mention.Kind.PERSON && !actor && !startsListOfActors(i, k)) {
                return locative(i, k - 1);
            }
        }
        return false;
    }

    /** "In Islamabad, Pakistan and Saudi Arabia signed…": after a fronted place, a country that begins a list is a subject. */
    private boolean startsListOfActors(int i, int k) {
        List<Mention> all = a.mentions(i);
        if (!a.english || k + 1 >= all.size() || all.get(k - 1).kind() == Mention.Kind.COUNTRY) {
            return false;
        }
        Mention m = all.get(k), next = all.get(k + 1);
        return a.text.substring(m.end(), next.start()).matches("\\s+and\\s+(?:the\\s+)?") && next.isParty()
                && a.text.charAt(all.get(k - 1).end()) == ',' && a.text.substring(Math.max(0, all.get(k - 1).start() - 3), all.get(k - 1).start()).equals("In ");
    }

    private static final Pattern EN_TOPIC_BEFORE = Pattern.compile("(?i)(?<!\\bcall(?:ed|s)? )\\b(?:on|about|regarding|concerning|over|against|discuss(?:ed|es|ing)?)\\s+(?:the\\s+)?$");
    private static final Pattern ZH_TOPIC_AFTER = Pattern.compile("^(?:半岛)?(?:核)?(?:问题|局势|危机|冲突|战争)");

    /** An adjective before a lower-case noun that names no people who act: "Syrian national dialogue", "Ukrainian grain". */
    private static final Pattern ADJECTIVE_OF_A_THING = Pattern.compile("\\s+(?!(?:president|presidents|prime|premier|leader|leaders|leadership"
            + "|counterpart|counterparts|side|sides|delegation|delegations|government|governments|officials?|authorities|foreign|minister|ministers"
            + "|king|queen|emir|chancellor|crown|head|heads|envoy|envoys|ambassador|host|hosts|state|guest|guests|visitor|dignitary|statesman"
            + "|monarch|sultan|vice|deputy|defence|defense|trade|team|army|navy|military|troops|people|nationals|parliament|lawmakers|and|or)\\b)[a-z]");

    /**
     * Whether the k-th mention of sentence i is what is talked about, not who talks: "held talks on Syria and Ukraine",
     * "pressure on North Korea", "就乌克兰问题", "台湾问题".
     */
    private boolean topical(int i, int k) {
        List<Mention> all = a.mentions(i);
        Mention m = all.get(k);
        if (m.kind() == Mention.Kind.PERSON || m.kind() == Mention.Kind.TITLE) {
            return false;
        }
        if (a.english && m.kind() == Mention.Kind.ADJECTIVE && ADJECTIVE_OF_A_THING.matcher(a.text).region(m.end(), a.sentence(i).end()).lookingAt()) {
            return true; // "a Syrian national dialogue congress", "Ukrainian grain": a country's thing, not its people
        }
        if (a.english) {
            String before = a.text.substring(Math.max(a.sentence(i).start(), m.start() - 25), m.start());
            if (EN_TOPIC_BEFORE.matcher(before).find()) {
                return !actsAfterList(i, k); // "concern about North Korea and Russia signing a treaty": they act
            }
            return k > 0 && ListGlue.joinsAlternatives(a.text.substring(all.get(k - 1).end(), m.start())) && topical(i, k - 1);
        }
        return ZH_TOPIC_AFTER.matcher(a.text.substring(m.end(), Math.min(a.sentence(i).end(), m.end() + 6))).find();
    }

    /** "SOCHI, Russia, Nov. 22 --", and without a date: "RAROTONGA, Cook Islands (AP) —", "ISTANBUL —". */
    private static final Pattern EN_DATELINE = Pattern.compile(
            "\\s*[A-Z][A-Za-z .'-]{1,30}(?:, [A-Z][A-Za-z .'-]{1,30})?, [A-Z][a-z]{2,8}\\.? \\d{1,2}(?:, \\d{4})?\\s*(?:\\([^)]{1,30}\\)\\s*)?(?:--|—|-)"
                    + "|\\s*[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:, [A-Z][A-Za-z .'-]{1,30})?\\s*(?:\\([^)]{1,30}\\)\\s*)?(?:--|—|-)");

    /** Where the dateline that opens sentence i ends ("SOCHI, Russia, Nov. 22 --"), or -1. */
    private int datelineEnd(int i) {
        Matcher dateline = EN_DATELINE.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
        return dateline.lookingAt() ? dateline.end() : -1;
    }

    private static final Pattern EN_GERUND_EVENT = Pattern.compile("(?i)^\\s+(?:signing|meeting|holding|visiting|agreeing)\\b");

    /** Whether the list the k-th mention of sentence i starts is followed by an event verb in -ing: its parties act. */
    private boolean actsAfterList(int i, int k) {
        List<Mention> all = a.mentions(i);
        int last = k;
        while (last + 1 < all.size() && ListGlue.joinsAlternatives(a.text.substring(all.get(last).end(), all.get(last + 1).start()))) {
            last++;
        }
        return EN_GERUND_EVENT.matcher(a.text.substring(all.get(last).end(), Math.min(a.sentence(i).end(), all.get(last).end() + 20))).find();
    }

    /** Whether text[from, to) ends with a place preposition: "在", "赴", "in ", "to the ". Called per mention, so no regex. */
    private boolean precededByPlacePreposition(int from, int to) {
        if (!a.english) {
            return to > from && ZH_PLACE_MARKERS.indexOf(a.text.charAt(to - 1)) >= 0;
        }
        int end = to;
        while (end > from && a.text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > from && Character.isLetter(a.text.charAt(start - 1))) {
            start--;
        }
        String word = a.text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        if ((word.equals("the") || EN_DIRECTIONS.contains(word)) && start > from) {
            return precededByPlacePreposition(from, start);
        }
        return EN_PLACE_PREPOSITIONS.contains(word) && (start == from || !Character.isLetter(a.text.charAt(start - 1)));
    }

    /**
     * A capital stands for its country only beside another party: "Beijing and Moscow", "北京和莫斯科", "北京同莫斯科".
     * Not {@link ListGlue}: any pairing counts here, "with" (同) and "&" too, not only a list.
     */
    private boolean joinedToParty(int i, int k) {
        List<Mention> all = a.mentions(i);
        for (int j : new int[]{k - 1, k + 1}) {
            if (j >= 0 && j < all.size()) {
                Mention left = all.get(Math.min(j, k)), right = all.get(Math.max(j, k));
                String between = a.text.substring(left.end(), right.start()).strip();
                if (between.matches("和|与|同|、|,|and|&") && all.get(j).kind() != Mention.Kind.CITY) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a mention sits inside "除…外", "besides …,": a party already told of, neither subject nor counterpart here. */
    private boolean inExclusion(int i, Mention m) {
        if (a.english) {
            Matcher concessive = CONCESSIVE.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
            if (concessive.find() && m.end() <= concessive.end()) {
                return true;
            }
        }
        Matcher exclusion = EXCLUSION.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
        while (exclusion.find()) {
            if (exclusion.start() < m.start() && m.end() <= exclusion.end()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mention sits inside "应…邀请" (the inviter). */
    private boolean inInvitation(int i, Mention m) {
        if (a.text.indexOf('应', a.sentence(i).start()) < 0 || a.text.indexOf('应', a.sentence(i).start()) >= m.start()) {
            return false; // the common case, without a regular expression
        }
        Matcher invitation = INVITATION.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
        while (invitation.find()) {
            if (invitation.start() < m.start() && m.end() <= invitation.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The other party of code in the context: of the countries named in this and the few sentences before, the one the
     * report names most (a third country named once in between, "a trilateral deal with the UAE", is not the partner),
     * the nearest on a tie.
     */
    String partnerOf(String code, int i) {
        String best = null;
        int bestCount = 0;
        for (int s = i; s >= 0 && s >= i - 8; s--) {
            List<Mention> found = in(s, a.sentence(s).start(), a.sentence(s).end());
            for (int k = found.size() - 1; k >= 0; k--) {
                String candidate = found.get(k).code();
                int count = documentCount(candidate);
                if (!candidate.equals(code) && count > bestCount) {
                    best = candidate;
                    bestCount = count;
                }
            }
        }
        if (best == null) { // "普京对中国进行国事访问,双方签署了…": the country visited, named only as a place
            best = documentCodes().stream().filter(c -> !c.equals(code)).findFirst().orElse(null);
        }
        for (int s = i; best == null && s >= 0 && s >= i - 8; s--) {
            for (Mention m : a.mentions(s)) {
                if (m.kind() == Mention.Kind.COUNTRY && !m.code().equals(code)) {
                    best = m.code();
                }
            }
        }
        return best;
    }

    /** How often the report names a country, as a party or as a place ("a state visit to Uganda" counts Uganda). */
    private int documentCount(String code) {
        return mentionCounts.getOrDefault(code, 0);
    }

    /** Countries by how often the document names them as parties, most frequent first. */
    List<String> documentCodes() {
        return documentCodes;
    }

    private List<String> countDocumentCodes() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int s = 0; s < a.sentences.size(); s++) {
            for (Mention m : in(s, a.sentence(s).start(), a.sentence(s).end())) {
                counts.merge(m.code(), 1, Integer::sum);
            }
        }
        List<String> codes = new ArrayList<>(counts.keySet());
        codes.sort((x, y) -> counts.get(y) - counts.get(x));
        return List.copyOf(codes);
    }
}
