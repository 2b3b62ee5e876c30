package io.communique.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which organisation's summit a trigger refers to ("出席二十国集团领导人峰会", "出席峰会" after the G20 was named, "on the
 * sidelines of the BRICS summit"): summits, their attendees and their documents are the organisation's, so the summit
 * and signing rules, and the places of events during a summit, ask here.
 */
final class Organisations {
    private final Analysis a;
    private final Clauses clauses;

    /** A summit named by at most a place or an ordinal: "出席峰会", "出席汉堡峰会", "主持会议", "the summit". */
    private static final Pattern BARE_SUMMIT = Pattern.compile(
            "(?i)^(?:出席|参加|与会|主持|共同主持|(?:co-)?chaired|hosted|attended)?(?:\\s*the\\s+)?[^,;]{0,4}(?:峰会|会晤|会议|summit|meeting)|^(?:出席|参加|与会)了?(?:本届|此次)?论坛"
                    + "|^[^,;.]{0,50}?\\bthe (?:[\\w-]+ ){0,3}summit\\b|^represented (?:their|his|her|its) countr|^among (?:those|the leaders) (?:attending|present)"
                    + "|^welcomed\\b[^.;]{0,160}\\bto the (?:[\\w-]+ ){0,2}(?:summit|plenary|session|gathering|conference)\\b"
                    + "|^attending\\s*,|^attended as an? (?:observer|invitee|guest)");
    private static final Pattern BARE_SUMMIT_BEFORE = Pattern.compile("(?i)(?:峰会|会晤|会议|论坛|summit|meeting|forum)(?:,\\s*)?[^,;]{0,8}$"); // "The summit, hosted by…"
    /** "…、C国总理D出席。": attendance with nothing after the verb, of the meeting named in an earlier sentence. */
    private static final Pattern ATTENDED_AT_END = Pattern.compile(
            "(?i)^(?:出席|参加|与会|共同出席|attended|took part|led (?:his|her|their|its) (?:country's |nation's |government's )?delegation)"
                    + "(?:并(?:发表)?(?:重要)?(?:讲话|致辞|发言))?[^,;。.]{0,3}(?:[。.]?\\s*$|(?<=[\\p{IsHan}]|delegation),)");
    /** An organisation's members as one item of an attendee list: "东盟十国领导人、", "ASEAN leaders and". */
    private static final Pattern MEMBERS_LISTED = Pattern.compile("(?i)(?:十国|各国|国家|成员国|\\d+国)?(?:领导人|领袖|元首)(?:、|,|和|及)|\\s+leaders,");

    Organisations(Analysis a, Clauses clauses) {
        this.a = a;
        this.clauses = clauses;
    }

    /**
     * The organisation of the summit a trigger refers to: the first named shortly after it, else the last named
     * before it in the sentence, else, for a summit named only by a short phrase ("出席峰会", "汉堡峰会闭幕"), the last
     * organisation named in an earlier sentence.
     */
    String of(int i, int position) {
        String before = null;
        String later = null; // "brought together the leaders of A, B, C … for the 15th BRICS summit": far after, the last resort
        for (Mention m : a.mentions(i)) {
            if (m.isOrganisation() && holdsSummits(i, m)) {
                if (m.start() >= position) {
                    if (m.start() - position < (a.english ? 60 : 40) && m.start() < clauses.end(i, position)) {
                        return m.code();
                    }
                    if (!a.english) {
                        return before; // "会晤期间,中方举行了…对话会": the organisation named after the clause is another one's
                    }
                    later = later != null ? later : m.code();
                } else {
                    before = m.code();
                }
            }
        }
        if (before != null) {
            return before;
        }
        if (!BARE_SUMMIT.matcher(a.text.substring(position, Math.min(a.sentence(i).end(), position + (a.english ? 200 : 24)))).find()
                && !BARE_SUMMIT_BEFORE.matcher(a.text.substring(a.sentence(i).start(), position)).find()
                && !ATTENDED_AT_END.matcher(a.text.substring(position, a.sentence(i).end())).find()) {
            return null;
        }
        if (a.english && namesAnotherSummit(i)) {
            return later; // "attended the G7 summit": a summit of no organisation known here, not the one named before
        }
        for (int s = i - 1; s >= 0 && before == null; s--) {
            for (Mention m : a.mentions(s)) {
                if (m.isOrganisation() && holdsSummits(s, m)) {
                    before = m.code();
                }
            }
        }
        return before != null ? before : later;
    }

    /** The last summit organisation named in sentence i or the three before it, or null. */
    String last(int i) {
        for (int s = i; s >= 0 && s >= i - 3; s--) {
            String last = null;
            for (Mention m : a.mentions(s)) {
                if (m.isOrganisation() && holdsSummits(s, m)) {
                    last = m.code();
                }
            }
            if (last != null) {
                return last;
            }
        }
        return null;
    }

    private static final Pattern NAMED_SUMMIT = Pattern.compile("\\b([A-Z][\\w-]*)\\s+(?:[Ss]ummit|Leaders' Meeting)\\b");

    /** Whether sentence i names a summit by a word that is no mention ("the G7 summit", "the Quad summit"). */
    private boolean namesAnotherSummit(int i) {
        Matcher named = NAMED_SUMMIT.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
        while (named.find()) {
            int start = named.start(1), end = named.end(1);
            boolean known = a.mentions(i).stream().anyMatch(m -> m.start() < end && start < m.end());
            if (!known && !named.group(1).matches("The|A|An|This|That|Its|Their|His|Her|Annual|First|Second|Third|Last|Next")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether mention m of sentence i names an organisation as the holder of a summit: not its members listed as the
     * attendees of another meeting; the UN and the EU hold summits too, but are mostly named for other reasons
     * ("联合国秘书长"), so only right before a summit noun.
     */
    boolean holdsSummits(int i, Mention m) {
        String after = a.text.substring(m.end(), Math.min(a.sentence(i).end(), m.end() + 12));
        if (MEMBERS_LISTED.matcher(after).lookingAt()) {
            return false; // "东盟十国领导人、日本首相…出席": the members as attendees of another meeting (10+3)
        }
        if (!m.code().equals("UN") && !m.code().equals("EU")) {
            return true;
        }
        return after.matches("(?s)(?:[^,。]{0,6})(?:峰会|大会|首脑会议|领导人会议|Summit|General Assembly|summit).*");
    }
}
