package io.communique.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a trigger tells of something that has not happened: a plan, wish, invitation or negation in its clause
 * ("将访问", "拟", "邀请…访问", "will visit", "is scheduled to", "did not sign", a headline's "Modi to visit"). Plans are
 * no events, so every rule asks before adding one.
 */
final class Plans {
    private final Analysis a;
    private final Clauses clauses;

    /** What makes a Chinese trigger a plan, a wish, an invitation or a negation when it stands shortly before it in its clause. */
    private static final Pattern ZH_PLAN = Pattern.compile(
            "(?<!即)将(?!军|近|领)|即将(?!卸任|离任)|拟|计划|准备|打算|有望|预计|期待|希望|愿意|愿同|争取|明年|下周|下月|下个月|年内|近期|择期|适时|(?<!应[^,;]{0,30})邀请|(?<!应)邀(?!请)|筹备|筹办|建议|商定|约定|下次|下一次|没有|并未|并无|尚未|未能|(?<![从并])未|不会|无意|为出席|预定|预订|推迟|延期|取消");
    /** A plan stated earlier in the sentence ("李强将会见普京,同梅德韦杰夫举行会晤") still governs later clauses. */
    private static final Pattern ZH_SENTENCE_PLAN = Pattern.compile("(?<!即)将(?!军|近|领)|即将(?!卸任|离任)|拟于|计划于|期待|期望");
    /** …unless something after that plan says it is done ("将…签署了"). */
    private static final Pattern ZH_DONE = Pattern.compile("了|已|过");
    /** "将…", and "为美朝首脑会晤铺路": an occasion something prepares the way for is yet to come. */
    private static final Pattern ZH_PLAN_AFTER = Pattern.compile("^[^,;]{0,4}(将|拟|即将)|^[^,;。]{0,4}(?:铺路|铺平道路|创造条件|做准备|作准备)");
    /** The same for an English trigger: "will", "is scheduled", "agreed to", "did not", "ahead of"… */
    private static final Pattern EN_PLAN = Pattern.compile(
            "(?i)\\b(will|would|shall|to be held|is to|are to|(?:is|are|was|were) due to|scheduled|expected to|plans? to|planned|planning|invited to"
                    + "|invitation to|ready for|agreed to|look(?:s|ing)? forward|eyes|eyeing|mulls|mulling|weighs|seeks|seeking|hopes? to|wish(?:es)? to|did not|didn't|not(?! only)|never|upcoming"
                    + "|ahead of|arrange|arranging|prepar(?:e|es|ing|ations) for|stakes|no|postpon(?:e|es|ed|ing)|cancell?(?:ed|ing|s)?|called off|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing) to|could|might|being negotiated)\\b");
    /** A character of the same clause: "met A on Saturday, and is scheduled to meet B" plans only B. */
    private static final String SAME_CLAUSE = "(?:(?!,\\s*(?:and|but|while|whereas)\\s)[^.;])";
    /** "Lula's trip to Buenos Aires on the next 23rd": a date ahead. */
    private static final Pattern EN_PLAN_AFTER = Pattern.compile("(?i)^.{0,40}?\\b(?:on the next|next (?:week|month|year)|later this (?:week|month|year))\\b"
            + "|^" + SAME_CLAUSE + "{0,100}?\\b(?:is|are) (?:scheduled|expected|due|set|slated|planned|likely)\\b|^" + SAME_CLAUSE + "{0,100}?\\bwill (?:be held|take place)\\b"
            + "|^" + SAME_CLAUSE + "{0,100}?\\b(?:set|slated|due) to (?:take place|be held|begin|start|open)\\b");
    /** "Modi to visit Cyprus, attend G7 summit": a headline's bare infinitive after its named subject announces a plan. */
    private static final Pattern HEADLINE_INFINITIVE = Pattern.compile("^\\s*(?:[A-Z][\\w.'’-]*\\s+){1,4}to\\s+$");

    Plans(Analysis a, Clauses clauses) {
        this.a = a;
        this.clauses = clauses;
    }

    /** Whether the trigger at position is stated as a plan, wish, invitation or negation within its clause. */
    boolean planned(int i, int triggerStart) {
        int from = clauses.start(i, triggerStart);
        String window = a.text.substring(Math.max(from, triggerStart - (a.english ? 80 : 30)), triggerStart);
        if ((a.english ? EN_PLAN : ZH_PLAN).matcher(window).find() || a.english && HEADLINE_INFINITIVE.matcher(window).find()) {
            return true;
        }
        if (a.english) {
            return EN_PLAN_AFTER.matcher(a.text.substring(triggerStart, a.sentence(i).end())).find();
        }
        String after = a.text.substring(triggerStart, Math.min(a.sentence(i).end(), triggerStart + 8));
        if (ZH_PLAN_AFTER.matcher(after.substring(Math.min(after.length(), 2))).find()) {
            return true;
        }
        String sentenceBefore = a.text.substring(a.sentence(i).start(), triggerStart);
        Matcher plan = ZH_SENTENCE_PLAN.matcher(sentenceBefore);
        int lastPlan = -1;
        while (plan.find()) {
            lastPlan = plan.end();
        }
        return lastPlan >= 0 && !ZH_DONE.matcher(sentenceBefore.substring(lastPlan) + after).find();
    }
}
