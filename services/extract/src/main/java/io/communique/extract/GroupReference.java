package io.communique.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A group named by its size ("三国领导人会后发表联合声明", "三人在金边会晤", "The three leaders issued…") refers to the
 * countries listed together just before: "美国总统A、日本首相B和韩国总统C举行三国峰会。三国领导人会后…" is A, B and C's
 * countries. Resolved to the nearest list, in the sentence before the reference or in the few sentences before it,
 * that names exactly that many countries.
 */
final class GroupReference {
    private static final Pattern GROUP = Pattern.compile(
            "(?i)(?<![第一二三四五六七八九十\\d])([三四五])(?:国|方|人|位)(?:领导人|领袖|元首|首脑|外长|总统)?(?![国家成员])"
                    + "|\\b(?:the|all|these|those) (three|four|five) (?:leaders|countries|nations|sides|men|presidents|heads of (?:state|government)"
                    + "|governments|foreign ministers|prime ministers)\\b|\\bthe (trio)\\b");
    /** How far back a group's list may stand. */
    private static final int SENTENCES_BACK = 4;

    private GroupReference() {
    }

    /**
     * The countries a size-named group in sentence i before position stands for, when the sentence names no other party
     * before the position; empty when there is no such group or no list of that size.
     */
    static Set<String> before(Analysis a, int i, int position) {
        int from = a.sentence(i).start(); // "三国领导人会后发表…,并通过…": the group stays the subject of later clauses
        Matcher m = GROUP.matcher(a.text).region(from, position);
        if (!m.find() || !a.parties.in(i, m.end(), position).isEmpty()) {
            return Set.of();
        }
        int size = size(m);
        Set<String> listed = countries(a.parties.in(i, a.sentence(i).start(), m.start()));
        if (listed.size() == size) { // "美日韩大卫营峰会 三国领袖发表联合声明": the list before it in the sentence
            return listed;
        }
        if (!a.parties.in(i, from, m.start()).isEmpty()) { // another actor of the sentence: "X同三国领导人会谈"
            return Set.of();
        }
        for (int s = i - 1; s >= 0 && s >= i - SENTENCES_BACK; s--) {
            listed = countries(a.parties.in(s, a.sentence(s).start(), a.sentence(s).end()));
            if (listed.size() == size) {
                return listed;
            }
        }
        return Set.of();
    }

    /**
     * The parties of a meeting named for its size ("三国峰会", "三方会晤", "held a trilateral summit", "a three-way
     * meeting") at [start, end): those listed before it in its sentence, three or more, else a group referred to; empty
     * when the meeting is not named so.
     */
    static Set<String> meetingOf(Analysis a, int i, int start, int end) {
        String named = a.text.substring(Math.max(a.sentence(i).start(), start - 16), end);
        if (!GROUP_NOUN.matcher(named).find()) {
            return Set.of();
        }
        Set<String> listed = countries(a.parties.in(i, a.sentence(i).start(), start));
        return listed.size() >= 3 ? listed : before(a, i, start);
    }

    private static final Pattern GROUP_NOUN = Pattern.compile(
            "(?i)(?<!第)(?:三国|三方|三边|四国|四方)[^,;。]{0,3}(?:峰会|会晤|会议|会谈|首脑会)|\\b(?:trilateral|three-way|quadrilateral|four-way)\\s+(?:[a-z-]+\\s+)?(?:summit|meeting|talks)\\b");

    private static Set<String> countries(List<Mention> parties) {
        Set<String> codes = new LinkedHashSet<>();
        parties.forEach(p -> codes.add(p.code()));
        return codes;
    }

    private static int size(Matcher m) {
        String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2).toLowerCase(java.util.Locale.ROOT) : "three";
        return switch (word) {
            case "四", "four" -> 4;
            case "五", "five" -> 5;
            default -> 3;
        };
    }
}
