package io.communique.extract;

import io.communique.extract.DateResolver.Found;
import io.communique.extract.SentenceSplitter.Sentence;
import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One report as the rules see it: converted text, sentences, and per sentence its mentions and dates; plus the
 * questions every rule asks (who is the subject, is this a plan, which place, who is the other party).
 */
final class Analysis {
    final String original;
    final String text;
    final boolean english;
    final List<SentenceFacts> sentences;
    final DateResolver.Ref ref;
    /** where each trigger's date is decided */
    final EventDates eventDates;
    private final String[] carriedSubject;
    private final List<List<Mention>> partiesBySentence;

    private static final Pattern ZH_PLAN = Pattern.compile(
            "(?<!即)将(?!军|近|领)|即将(?!卸任|离任)|拟|计划|准备|打算|有望|预计|期待|希望|愿意|愿同|争取|明年|下周|下月|下个月|年内|近期|择期|适时|(?<!应[^,;]{0,30})邀请|(?<!应)邀(?!请)|筹备|筹办|建议|商定|约定|下次|下一次|没有|并未|并无|尚未|未能|(?<![从并])未|不会|无意|为出席|预定|预订|推迟|延期|取消");
    /** A plan stated earlier in the sentence ("李强将会见普京,同梅德韦杰夫举行会晤") still governs later clauses. */
    private static final Pattern ZH_SENTENCE_PLAN = Pattern.compile("(?<!即)将(?!军|近|领)|即将(?!卸任|离任)|拟于|计划于|期待|期望");
    private static final Pattern ZH_DONE = Pattern.compile("了|已|过");
    /** "将…", and "为美朝首脑会晤铺路": an occasion something prepares the way for is yet to come. */
    private static final Pattern ZH_PLAN_AFTER = Pattern.compile("^[^,;]{0,4}(将|拟|即将)|^[^,;。]{0,4}(?:铺路|铺平道路|创造条件|做准备|作准备)");
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
    private static final Pattern EN_PLAN = Pattern.compile(
            "(?i)\\b(will|would|shall|to be held|is to|are to|scheduled|expected to|plans? to|planned|planning|invited to"
                    + "|invitation to|ready for|agreed to|look(?:s|ing)? forward|eyes|eyeing|mulls|mulling|weighs|seeks|seeking|hopes? to|wish(?:es)? to|did not|didn't|not(?! only)|never|upcoming"
                    + "|ahead of|arrange|arranging|prepar(?:e|es|ing|ations) for|stakes|no|postpon(?:e|es|ed|ing)|cancell?(?:ed|ing|s)?|called off)\\b");
    /** A character of the same clause: "met A on Saturday, and is scheduled to meet B" plans only B. */
    private static final String SAME_CLAUSE = "(?:(?!,\\s*(?:and|but|while|whereas)\\s)[^.;])";
    /** "Lula's trip to Buenos Aires on the next 23rd": a date ahead. */
    private static final Pattern EN_PLAN_AFTER = Pattern.compile("(?i)^.{0,40}?\\b(?:on the next|next (?:week|month|year)|later this (?:week|month|year))\\b"
            + "|^" + SAME_CLAUSE + "{0,100}?\\b(?:is|are) (?:scheduled|expected|due|set|slated|planned|likely)\\b|^" + SAME_CLAUSE + "{0,100}?\\bwill (?:be held|take place)\\b"
            + "|^" + SAME_CLAUSE + "{0,100}?\\b(?:set|slated|due) to (?:take place|be held|begin|start|open)\\b");
    /** Characters after which a Chinese place name is a location or destination ("在北京", "赴汉堡", "对俄罗斯", "访日期间"). */
    private static final String ZH_PLACE_MARKERS = "在于赴到往抵达经自从对访";
    private static final Set<String> EN_PLACE_PREPOSITIONS = Set.of("in", "at", "to", "from", "into", "across");
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
    private static final Set<Character> LIST_JOINERS = Set.of('、', ',', '和', '与', '及');

    /** The analysis of a report from its sentences, each with its final mentions and dates. */
    Analysis(String original, String text, boolean english, DateResolver.Ref ref, List<SentenceFacts> sentences) {
        this.original = original;
        this.text = text;
        this.english = english;
        this.ref = ref;
        this.sentences = List.copyOf(sentences);
        this.eventDates = new EventDates(this);
        List<List<Mention>> parties = new ArrayList<>();
        for (int i = 0; i < this.sentences.size(); i++) {
            parties.add(findParties(i));
        }
        this.partiesBySentence = parties;
        this.carriedSubject = carrySubjects();
    }

    /** Whether a report is English: more than three Latin letters to each Han character. */
    static boolean isMostlyLatin(String text) {
        int han = 0, latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                han++;
            } else if (c < 0x80 && Character.isLetter(c)) {
                latin++;
            }
        }
        return latin > han * 3;
    }

    Sentence sentence(int i) {
        return sentences.get(i).span();
    }

    String sentenceText(int i) {
        return sentences.get(i).text();
    }

    /** The mentions of sentence i, in text order. */
    List<Mention> mentions(int i) {
        return sentences.get(i).mentions();
    }

    /** The date expressions of sentence i, in text order. */
    List<Found> dates(int i) {
        return sentences.get(i).dates();
    }

    /**
     * Fills the subject carried into each sentence ("他还会见了…", "He met…"): the last actor named first in a
     * sentence, i.e. a person, a title or a country followed by a title ("俄罗斯之行" names a place, not an actor).
     */
    private String[] carrySubjects() {
        String[] carriedSubject = new String[sentences.size()];
        String last = null;
        for (int i = 0; i < sentences.size(); i++) {
            carriedSubject[i] = last;
            Matcher pronoun = PRONOUN_SUBJECT.matcher(text).region(sentence(i).start(), sentence(i).end());
            int pronounAt = pronoun.find() ? pronoun.start() : Integer.MAX_VALUE;
            for (Mention m : parties(i, sentence(i).start(), sentence(i).end())) {
                if (isActor(m)) {
                    // "During a visit to the US, he met President Biden": he is still the one told of before
                    last = m.start() > pronounAt && last != null ? last : m.code();
                    break;
                }
            }
        }
        return carriedSubject;
    }

    /** A personal pronoun as a subject: the actor told of before goes on. */
    private static final Pattern PRONOUN_SUBJECT = Pattern.compile("\\b(?:he|she|He|She)\\b(?!['’]s)|(?<![其吉])他(?!们|国|方|人)|她(?!们)");

    private static final Pattern TITLE_AFTER = Pattern.compile(
            "^(?:\\s|'s)*(?:联邦|政府|共和国)?(?:总统|总理|主席|首相|外长|外相|外交部长|国王|王储|埃米尔|领导人|国务卿|元首|代表|副总统|副总理"
                    + "|President|Prime Minister|PM|Foreign Minister|External Affairs Minister|King|Premier|Chancellor|leader|counterpart|president|prime minister)");

    boolean isActor(Mention m) {
        return m.kind() == Mention.Kind.PERSON || m.kind() == Mention.Kind.TITLE
                || TITLE_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 25))).find();
    }

    /** The actor carried into sentence i from the sentences before it, or null. */
    String carriedSubject(int i) {
        return carriedSubject[i];
    }

    /**
     * The sentence's subject: its first party not used as a place, unless that party is the object of a preposition
     * ("与阿塞拜疆…举行会谈", "with Malaysia"): then the subject carried from before.
     */
    String subject(int i, int before) {
        Mention named = subjectMention(i, before);
        return named != null ? named.code() : carriedSubject[i];
    }

    /** The mention naming the sentence's subject, or null when the subject is carried from before (or unknown). */
    Mention subjectMention(int i, int before) {
        Mention first = firstParty(i, contrastStart(i, before), before);
        if (first == null) {
            return null;
        }
        String lead = text.substring(Math.max(sentence(i).start(), first.start() - 3), first.start());
        return lead.matches("(?s).*(与|同|跟|和|with )$") && carriedSubject[i] != null ? null : first;
    }

    private static final Pattern FRONTED_PLACE_BEFORE = Pattern.compile("(?i)^\\s*(?:在|于|In|While in|During (?:his|her|the) (?:stay|visit) in)\\s*(?:the\\s+)?$");
    private static final Pattern FRONTED_PLACE_AFTER = Pattern.compile("^\\s*(?:期间)?\\s*[,，]");

    /** "在纳米比亚，王毅会见总统姆本巴", "In Chad, Wang met President Deby": the country a tour's paragraph is set in. */
    Mention frontedCountry(int i) {
        return mentions(i).stream().findFirst()
                .filter(m -> m.kind() == Mention.Kind.COUNTRY && m.end() - m.start() > 1 || m.kind() == Mention.Kind.CAPITAL)
                .filter(m -> FRONTED_PLACE_BEFORE.matcher(text.substring(sentence(i).start(), m.start())).matches()
                        && FRONTED_PLACE_AFTER.matcher(text.substring(m.end(), Math.min(sentence(i).end(), m.end() + 4))).lookingAt())
                .orElse(null);
    }

    /** ", while in New Delhi the crown prince held talks…": a contrasted clause of an English sentence has its own subject. */
    private static final Pattern CONTRAST = Pattern.compile(",\\s*(?:while|whereas)\\s");

    /** Where the English clause holding position begins after a contrast (", while …"), else the sentence's start. */
    int contrastStart(int i, int position) {
        int start = sentence(i).start();
        if (!english) {
            return start;
        }
        Matcher m = CONTRAST.matcher(text).region(start, position);
        while (m.find()) {
            start = m.end();
        }
        return start;
    }

    /** Where the English clause holding position ends before a contrast (", while …"), else the sentence's end. */
    int contrastEnd(int i, int position) {
        Matcher m = CONTRAST.matcher(text).region(position, sentence(i).end());
        return english && m.find() ? m.start() : sentence(i).end();
    }

    Mention firstParty(int i, int from, int to) {
        List<Mention> found = parties(i, from, to);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Mentions of parties in [from, to) of sentence i, leaving out places ("在北京", "in India") and organisations. */
    List<Mention> parties(int i, int from, int to) {
        List<Mention> out = new ArrayList<>();
        for (Mention m : parties(i)) {
            if (m.start() >= from && m.end() <= to) {
                out.add(m);
            }
        }
        return out;
    }

    /** All parties of sentence i, computed once: every rule asks for them, often several times. */
    private List<Mention> parties(int i) {
        return partiesBySentence.get(i);
    }

    private List<Mention> findParties(int i) {
        List<Mention> out = new ArrayList<>();
        List<Mention> all = mentions(i);
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
        List<Mention> all = mentions(i);
        Mention m = all.get(k);
        int sentenceStart = sentence(i).start();
        if (english && m.end() <= datelineEnd(i)) {
            return true; // "SOCHI, Russia, Nov. 22 -- …": where the report was filed
        }
        if (precededByPlacePreposition(Math.max(sentenceStart, m.start() - 12), m.start())) {
            return true;
        }
        if (k > 0 && m.start() > sentenceStart) {
            Mention previous = all.get(k - 1);
            int gap = m.start() - previous.end();
            boolean adjacent = gap == 0 && previous.isPlace() && m.isPlace();
            boolean listed = (gap == 1 || gap == 2 && text.charAt(previous.end() + 1) == ' ') && LIST_JOINERS.contains(text.charAt(previous.end()));
            // "在首尔与日本首相…": a country with a title after it is an actor, even after a place and 与
            boolean actor = m.kind() == Mention.Kind.PERSON || m.kind() == Mention.Kind.TITLE || m.kind() == Mention.Kind.ADJECTIVE
                    || TITLE_AFTER.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 25))).find();
            if ((adjacent || listed) && previous.kind() != Mention.Kind.PERSON && !actor && !startsListOfActors(i, k)) {
                return locative(i, k - 1);
            }
        }
        return false;
    }

    /** "In Islamabad, Pakistan and Saudi Arabia signed…": after a fronted place, a country that begins a list is a subject. */
    private boolean startsListOfActors(int i, int k) {
        List<Mention> all = mentions(i);
        if (!english || k + 1 >= all.size() || all.get(k - 1).kind() == Mention.Kind.COUNTRY) {
            return false;
        }
        Mention m = all.get(k), next = all.get(k + 1);
        return text.substring(m.end(), next.start()).matches("\\s+and\\s+(?:the\\s+)?") && next.isParty()
                && text.charAt(all.get(k - 1).end()) == ',' && text.substring(Math.max(0, all.get(k - 1).start() - 3), all.get(k - 1).start()).equals("In ");
    }

    private static final Pattern EN_TOPIC_BEFORE = Pattern.compile("(?i)(?<!\\bcall(?:ed|s)? )\\b(?:on|about|regarding|concerning|over|against|discuss(?:ed|es|ing)?)\\s+(?:the\\s+)?$");
    private static final Pattern ZH_TOPIC_AFTER = Pattern.compile("^(?:半岛)?(?:核)?(?:问题|局势|危机|冲突|战争)");
    private static final Pattern EN_LIST_GLUE = Pattern.compile("^\\s*(?:,|,? and|,? or)\\s*(?:the\\s+)?$");

    /** An adjective before a lower-case noun that names no people who act: "Syrian national dialogue", "Ukrainian grain". */
    private static final Pattern ADJECTIVE_OF_A_THING = Pattern.compile("\\s+(?!(?:president|presidents|prime|premier|leader|leaders|leadership"
            + "|counterpart|counterparts|side|sides|delegation|delegations|government|governments|officials?|authorities|foreign|minister|ministers"
            + "|king|queen|emir|chancellor|crown|head|heads|envoy|envoys|ambassador|host|hosts|state|guest|guests|visitor|dignitary|statesman"
            + "|monarch|sultan|vice|deputy|defence|defense|trade|team|army|navy|military|troops|people|nationals|parliament|lawmakers|and|or)\\b)[a-z]");

    /**
     * Whether the k-th mention of sentence i is what is talked about, not who talks: "held talks on Syria and Ukraine",
     * "pressure on North Korea", "就乌克兰问题", "台湾问题".
     */
    boolean topical(int i, int k) {
        List<Mention> all = mentions(i);
        Mention m = all.get(k);
        if (m.kind() == Mention.Kind.PERSON || m.kind() == Mention.Kind.TITLE) {
            return false;
        }
        if (english && m.kind() == Mention.Kind.ADJECTIVE && ADJECTIVE_OF_A_THING.matcher(text).region(m.end(), sentence(i).end()).lookingAt()) {
            return true; // "a Syrian national dialogue congress", "Ukrainian grain": a country's thing, not its people
        }
        if (english) {
            String before = text.substring(Math.max(sentence(i).start(), m.start() - 25), m.start());
            if (EN_TOPIC_BEFORE.matcher(before).find()) {
                return !actsAfterList(i, k); // "concern about North Korea and Russia signing a treaty": they act
            }
            return k > 0 && EN_LIST_GLUE.matcher(text.substring(all.get(k - 1).end(), m.start())).find() && topical(i, k - 1);
        }
        return ZH_TOPIC_AFTER.matcher(text.substring(m.end(), Math.min(sentence(i).end(), m.end() + 6))).find();
    }

    /** "SOCHI, Russia, Nov. 22 --", and without a date: "RAROTONGA, Cook Islands (AP) —", "ISTANBUL —". */
    private static final Pattern EN_DATELINE = Pattern.compile(
            "\\s*[A-Z][A-Za-z .'-]{1,30}(?:, [A-Z][A-Za-z .'-]{1,30})?, [A-Z][a-z]{2,8}\\.? \\d{1,2}(?:, \\d{4})?\\s*(?:\\([^)]{1,30}\\)\\s*)?(?:--|—|-)"
                    + "|\\s*[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:, [A-Z][A-Za-z .'-]{1,30})?\\s*(?:\\([^)]{1,30}\\)\\s*)?(?:--|—|-)");

    /** Where the dateline that opens sentence i ends ("SOCHI, Russia, Nov. 22 --"), or -1. */
    private int datelineEnd(int i) {
        Matcher dateline = EN_DATELINE.matcher(text).region(sentence(i).start(), sentence(i).end());
        return dateline.lookingAt() ? dateline.end() : -1;
    }

    private static final Pattern EN_GERUND_EVENT = Pattern.compile("(?i)^\\s+(?:signing|meeting|holding|visiting|agreeing)\\b");

    /** Whether the list the k-th mention of sentence i starts is followed by an event verb in -ing: its parties act. */
    private boolean actsAfterList(int i, int k) {
        List<Mention> all = mentions(i);
        int last = k;
        while (last + 1 < all.size() && EN_LIST_GLUE.matcher(text.substring(all.get(last).end(), all.get(last + 1).start())).find()) {
            last++;
        }
        return EN_GERUND_EVENT.matcher(text.substring(all.get(last).end(), Math.min(sentence(i).end(), all.get(last).end() + 20))).find();
    }

    /** Whether text[from, to) ends with a place preposition: "在", "赴", "in ", "to the ". Called per mention, so no regex. */
    private boolean precededByPlacePreposition(int from, int to) {
        if (!english) {
            return to > from && ZH_PLACE_MARKERS.indexOf(text.charAt(to - 1)) >= 0;
        }
        int end = to;
        while (end > from && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > from && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        String word = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        if ((word.equals("the") || EN_DIRECTIONS.contains(word)) && start > from) {
            return precededByPlacePreposition(from, start);
        }
        return EN_PLACE_PREPOSITIONS.contains(word) && (start == from || !Character.isLetter(text.charAt(start - 1)));
    }

    /** A capital stands for its country only beside another party: "Beijing and Moscow", "北京和莫斯科". */
    private boolean joinedToParty(int i, int k) {
        List<Mention> all = mentions(i);
        for (int j : new int[]{k - 1, k + 1}) {
            if (j >= 0 && j < all.size()) {
                Mention a = all.get(Math.min(j, k)), b = all.get(Math.max(j, k));
                String between = text.substring(a.end(), b.start()).strip();
                if (between.matches("和|与|同|、|,|and|&") && all.get(j).kind() != Mention.Kind.CITY) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "Modi to visit Cyprus, attend G7 summit": a headline's bare infinitive after its named subject announces a plan. */
    private static final Pattern HEADLINE_INFINITIVE = Pattern.compile("^\\s*(?:[A-Z][\\w.'’-]*\\s+){1,4}to\\s+$");

    /** Whether the trigger at position is stated as a plan, wish, invitation or negation within its clause. */
    boolean planned(int i, int triggerStart) {
        int from = clauseStart(i, triggerStart);
        String window = text.substring(Math.max(from, triggerStart - (english ? 80 : 30)), triggerStart);
        if ((english ? EN_PLAN : ZH_PLAN).matcher(window).find() || english && HEADLINE_INFINITIVE.matcher(window).find()) {
            return true;
        }
        if (english) {
            return EN_PLAN_AFTER.matcher(text.substring(triggerStart, sentence(i).end())).find();
        }
        String after = text.substring(triggerStart, Math.min(sentence(i).end(), triggerStart + 8));
        if (ZH_PLAN_AFTER.matcher(after.substring(Math.min(after.length(), 2))).find()) {
            return true;
        }
        String sentenceBefore = text.substring(sentence(i).start(), triggerStart);
        Matcher plan = ZH_SENTENCE_PLAN.matcher(sentenceBefore);
        int lastPlan = -1;
        while (plan.find()) {
            lastPlan = plan.end();
        }
        return lastPlan >= 0 && !ZH_DONE.matcher(sentenceBefore.substring(lastPlan) + after).find();
    }

    /** Whether a mention sits inside "除…外", "besides …,": a party already told of, neither subject nor counterpart here. */
    private boolean inExclusion(int i, Mention m) {
        if (english) {
            Matcher concessive = CONCESSIVE.matcher(text).region(sentence(i).start(), sentence(i).end());
            if (concessive.find() && m.end() <= concessive.end()) {
                return true;
            }
        }
        Matcher exclusion = EXCLUSION.matcher(text).region(sentence(i).start(), sentence(i).end());
        while (exclusion.find()) {
            if (exclusion.start() < m.start() && m.end() <= exclusion.end()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mention sits inside "应…邀请" (the inviter). */
    boolean inInvitation(int i, Mention m) {
        if (text.indexOf('应', sentence(i).start()) < 0 || text.indexOf('应', sentence(i).start()) >= m.start()) {
            return false; // the common case, without a regular expression
        }
        Matcher invitation = INVITATION.matcher(text).region(sentence(i).start(), sentence(i).end());
        while (invitation.find()) {
            if (invitation.start() < m.start() && m.end() <= invitation.end()) {
                return true;
            }
        }
        return false;
    }

    int clauseStart(int i, int position) {
        int start = sentence(i).start();
        for (int p = position - 1; p > start; p--) {
            char c = text.charAt(p);
            if (c == ';' || c == ':' || (!english && c == ',')) {
                return p + 1;
            }
        }
        return start;
    }

    int clauseEnd(int i, int position) {
        int end = sentence(i).end();
        if (english) {
            return end;
        }
        for (int p = position; p < end; p++) {
            if (text.charAt(p) == ',' || text.charAt(p) == ';') {
                return p;
            }
        }
        return end;
    }

    /**
     * The place named for an event ("在北京会见", "held talks in New Delhi"), or null: the
     * last place after 在/于/in/at before the trigger, else the first one after it in the same clause.
     */
    Mention locationBefore(int i, int position) {
        List<Mention> all = mentions(i);
        Mention location = null;
        for (int k = 0; k < all.size(); k++) {
            Mention m = all.get(k);
            boolean at = m.isPlace() && locative(i, k) && AT.matcher(text.substring(Math.max(sentence(i).start(), m.start() - 8), m.start())).find();
            if (at && m.end() <= position && position - m.end() < 40) {
                location = m;
            } else if (at && location == null && m.start() >= position && m.start() < clauseEnd(i, position) && m.start() - position < 80) {
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
        for (Pattern cue : english ? List.of(EN_DURING_VISIT, EN_DURING_SUMMIT) : List.of(ZH_DURING_VISIT, ZH_DURING_SUMMIT)) {
            Matcher m = cue.matcher(text).region(sentence(i).start(), sentence(i).end());
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
                String organisation = organisation(i, m.start());
                if (organisation != null || !BILATERAL_ENCOUNTER.matcher(m.group()).find()) {
                    nearest = new Candidate.During(FactType.SUMMIT, organisation);
                    distance = d;
                }
            }
        }
        return nearest;
    }

    /** Place prepositions of an event's location (not of a destination: "to", "赴"). */
    private static final Pattern AT = Pattern.compile("(?:在|于|\\bin|\\bat)\\s*(?:the\\s+)?(?:\\S{1,12})?$");

    /**
     * The other party of code in the context: of the countries named in this and the few sentences before, the one the
     * report names most (a third country named once in between, "a trilateral deal with the UAE", is not the partner),
     * the nearest on a tie.
     */
    String partnerOf(String code, int i) {
        String best = null;
        int bestCount = 0;
        for (int s = i; s >= 0 && s >= i - 8; s--) {
            List<Mention> found = parties(s, sentence(s).start(), sentence(s).end());
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
            for (Mention m : mentions(s)) {
                if (m.kind() == Mention.Kind.COUNTRY && !m.code().equals(code)) {
                    best = m.code();
                }
            }
        }
        return best;
    }

    /** How often the report names a country, as a party or as a place ("a state visit to Uganda" counts Uganda). */
    private int documentCount(String code) {
        if (mentionCounts == null) {
            mentionCounts = new LinkedHashMap<>();
            sentences.forEach(s -> s.mentions().stream().filter(Mention::isParty).forEach(m -> mentionCounts.merge(m.code(), 1, Integer::sum)));
        }
        return mentionCounts.getOrDefault(code, 0);
    }

    private Map<String, Integer> mentionCounts;

    /** Countries by how often the document names them as parties, most frequent first. */
    List<String> documentCodes() {
        if (documentCodes == null) {
            documentCodes = countDocumentCodes();
        }
        return documentCodes;
    }

    private List<String> documentCodes;

    private List<String> countDocumentCodes() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int s = 0; s < sentences.size(); s++) {
            for (Mention m : parties(s, sentence(s).start(), sentence(s).end())) {
                counts.merge(m.code(), 1, Integer::sum);
            }
        }
        List<String> codes = new ArrayList<>(counts.keySet());
        codes.sort((a, b) -> counts.get(b) - counts.get(a));
        return codes;
    }

    /**
     * The organisation of the summit a trigger refers to: the first named shortly after it, else the last named
     * before it in the sentence, else, for a summit named only by a short phrase ("出席峰会", "汉堡峰会闭幕"), the last
     * organisation named in an earlier sentence.
     */
    String organisation(int i, int position) {
        String before = null;
        String later = null; // "brought together the leaders of A, B, C … for the 15th BRICS summit": far after, the last resort
        for (Mention m : mentions(i)) {
            if (m.isOrganisation() && summitOrganisation(i, m)) {
                if (m.start() >= position) {
                    if (m.start() - position < (english ? 60 : 40) && m.start() < clauseEnd(i, position)) {
                        return m.code();
                    }
                    if (!english) {
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
        if (before == null && !BARE_SUMMIT.matcher(text.substring(position, Math.min(sentence(i).end(), position + (english ? 200 : 24)))).find()
                && !BARE_SUMMIT_BEFORE.matcher(text.substring(sentence(i).start(), position)).find()
                && !ATTENDED_AT_END.matcher(text.substring(position, sentence(i).end())).find()) {
            return null;
        }
        if (english && namesAnotherSummit(i)) {
            return later; // "attended the G7 summit": a summit of no organisation known here, not the one named before
        }
        for (int s = i - 1; s >= 0 && before == null; s--) {
            for (Mention m : mentions(s)) {
                if (m.isOrganisation() && summitOrganisation(s, m)) {
                    before = m.code();
                }
            }
        }
        return before != null ? before : later;
    }

    /** The last summit organisation named in sentence i or the three before it, or null. */
    String lastOrganisation(int i) {
        for (int s = i; s >= 0 && s >= i - 3; s--) {
            String last = null;
            for (Mention m : mentions(s)) {
                if (m.isOrganisation() && summitOrganisation(s, m)) {
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
        Matcher named = NAMED_SUMMIT.matcher(text).region(sentence(i).start(), sentence(i).end());
        while (named.find()) {
            int start = named.start(1), end = named.end(1);
            boolean known = mentions(i).stream().anyMatch(m -> m.start() < end && start < m.end());
            if (!known && !named.group(1).matches("The|A|An|This|That|Its|Their|His|Her|Annual|First|Second|Third|Last|Next")) {
                return true;
            }
        }
        return false;
    }

    /** The UN and the EU hold summits too, but are mostly named for other reasons ("联合国秘书长"). */
    boolean summitOrganisation(int i, Mention m) {
        String after = text.substring(m.end(), Math.min(sentence(i).end(), m.end() + 12));
        if (MEMBERS_LISTED.matcher(after).lookingAt()) {
            return false; // "东盟十国领导人、日本首相…出席": the members as attendees of another meeting (10+3)
        }
        if (!m.code().equals("UN") && !m.code().equals("EU")) {
            return true;
        }
        return after.matches("(?s)(?:[^,。]{0,6})(?:峰会|大会|首脑会议|领导人会议|Summit|General Assembly|summit).*");
    }
}
