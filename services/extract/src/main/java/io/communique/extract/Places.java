package io.communique.extract;

import io.communique.model.FactType;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where and during what an event took place: the place named for it ("在北京会见", "held talks in New Delhi"), the
 * country a sentence is set in ("在乍得，…", "In Chad, …"), and the visit or summit it happened during ("访问期间", "on
 * the sidelines of the G20 summit"). Which mentions are places at all is decided with the parties ({@link Parties#locative}).
 */
final class Places {
    private final Analysis a;
    private final Parties parties;
    private final Organisations organisations;
    private final Clauses clauses;

    private static final Pattern FRONTED_PLACE_BEFORE = Pattern.compile("(?i)^\\s*(?:在|于|In|While in|During (?:his|her|the) (?:stay|visit) in)\\s*(?:the\\s+)?$");
    private static final Pattern FRONTED_PLACE_AFTER = Pattern.compile("^\\s*(?:期间)?\\s*[,，]");
    /** Place prepositions of an event's location (not of a destination: "to", "赴"). */
    private static final Pattern AT = Pattern.compile("(?:在|于|\\bin|\\bat)\\s*(?:the\\s+)?(?:\\S{1,12})?$");

    Places(Analysis a, Parties parties, Organisations organisations, Clauses clauses) {
        this.a = a;
        this.parties = parties;
        this.organisations = organisations;
        this.clauses = clauses;
    }

    /** "在纳米比亚，王毅会见总统姆本巴", "In Chad, Wang met President Deby": the country a tour's paragraph is set in. */
    Mention frontedCountry(int i) {
        return a.mentions(i).stream().findFirst()
                .filter(m -> m.kind() == Mention.Kind.COUNTRY && m.end() - m.start() > 1 || m.kind() == Mention.Kind.CAPITAL)
                .filter(m -> FRONTED_PLACE_BEFORE.matcher(a.text.substring(a.sentence(i).start(), m.start())).matches()
                        && FRONTED_PLACE_AFTER.matcher(a.text.substring(m.end(), Math.min(a.sentence(i).end(), m.end() + 4))).lookingAt())
                .orElse(null);
    }

    /**
     * The place named for an event ("在北京会见", "held talks in New Delhi"), or null: the
     * last place after 在/于/in/at before the trigger, else the first one after it in the same clause.
     */
    Mention locationBefore(int i, int position) {
        List<Mention> all = a.mentions(i);
        Mention location = null;
        for (int k = 0; k < all.size(); k++) {
            Mention m = all.get(k);
            boolean at = m.isPlace() && parties.locative(i, k) && AT.matcher(a.text.substring(Math.max(a.sentence(i).start(), m.start() - 8), m.start())).find();
            if (at && m.end() <= position && position - m.end() < 40) {
                location = m;
            } else if (at && location == null && m.start() >= position && m.start() < clauses.end(i, position) && m.start() - position < 80) {
                return m;
            }
        }
        return location;
    }

    private static final Pattern ZH_DURING_VISIT = Pattern.compile(
            "(?:访问|访华|出访|到访|之行|访[俄美日韩朝印德法英越泰菲澳])[^,;]{0,6}?(?:期间|之际)");
    private static final Pattern ZH_DURING_SUMMIT = Pattern.compile(
            "(?:峰会|会晤|会议|论坛|与会)[^,;]{0,4}?(?:期间|间隙|之际)|出席[^,;]{1,40}?(?:期间|间隙|之际)");
    private static final Pattern EN_DURING_VISIT = Pattern.compile(
            "(?i)\\b(?:during|in the course of|as part of|on the occasion of)\\s+(?:his|her|their|the|a|an|this|its)\\b[^.;]{0,40}?\\b(?:visit|trip|tour)\\b");
    private static final Pattern EN_DURING_SUMMIT = Pattern.compile(
            "(?i)\\bon the (?:sidelines?|margins?)\\b|\\b(?:during|at)\\s+(?:the|a|this)\\b[^.;]{0,50}?\\bsummit\\b|\\bwhile attending\\b");
    /** A bilateral "会晤期间" is no summit: without an organisation it places nothing. */
    private static final Pattern BILATERAL_ENCOUNTER = Pattern.compile("^会晤");

    /**
     * The visit or summit sentence i places the trigger in ("访问期间", "出席…峰会期间", "on the sidelines of the G20
     * summit", "during his visit"): the cue nearest to the trigger, or null.
     */
    Candidate.During during(int i, int trigger) {
        Candidate.During nearest = null;
        int distance = Integer.MAX_VALUE;
        for (Pattern cue : a.english ? List.of(EN_DURING_VISIT, EN_DURING_SUMMIT) : List.of(ZH_DURING_VISIT, ZH_DURING_SUMMIT)) {
            Matcher m = cue.matcher(a.text).region(a.sentence(i).start(), a.sentence(i).end());
            while (m.find()) {
                int d = Math.abs(m.start() - trigger);
                if (d >= distance) {
                    continue;
                }
                if (cue == ZH_DURING_VISIT || cue == EN_DURING_VISIT) {
                    nearest = new Candidate.During(FactType.VISIT, null);
                    distance = d;
                    continue;
                }
                String organisation = organisations.of(i, m.start());
                if (organisation != null || !BILATERAL_ENCOUNTER.matcher(m.group()).find()) {
                    nearest = new Candidate.During(FactType.SUMMIT, organisation);
                    distance = d;
                }
            }
        }
        return nearest;
    }
}
