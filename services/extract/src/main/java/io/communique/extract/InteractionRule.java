package io.communique.extract;

import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TALKS, MEETING and PHONE_CALL: "A同B举行会谈", "A会见B", "A应约同B通电话", "A and B held talks", "A met B",
 * "spoke by phone", "A同B共同主持双边合作机制会议". One event per counterpart when one side meets several ("分别会见了法国、英国领导人",
 * "会见新加坡总统A、总理B"), one event
 * with all parties for a trilateral meeting; "应约" makes the other side the initiator of a call.
 */
final class InteractionRule implements Rule {
    private static final Pattern ZH = Pattern.compile(
            "(通电话|通了电话|电话会谈|通话|视频通话|视频会晤|视频会谈|视频峰会|视频方式|视频连线|视像会晤|视像会议|视像峰会|视像通话|视像会谈|视像方式)"
                    + "|(会谈)|(会见|会晤|会面|见面|接见|觐见|共同主持(?=[^,;。]{0,20}(?:双边|联委会|委员会|机制|对话)))|(峰会|会议)");
    private static final Pattern EN = Pattern.compile(
            "(?i)(\\b(?:tele)?phon(?:e|ic) (?:call|conversation|talks?)\\b|\\b(?:by|over the|on the) (?:tele)?phone\\b|\\bspo(?:ke|ken) (?:first |also |separately )?(?:to|with)\\b|\\bcall with\\b"
                    + "|\\bspeaks (?:to|with)\\b|\\bvideo ?(?:conference|call|link)\\b|\\bvia video\\b|\\bvideoconference\\b"
                    + "|\\b(?:tele)?phoned\\b|\\bdiall?ed\\b|\\bvirtual (?:meeting|talks|summit)\\b"
                    + "|\\bspeaking (?:to|with)\\b(?=[^.;]*\\b(?:call|phone)\\b)|(?<=\\b(?:call|phone)\\b[^.;]{0,120})\\bspeaking (?:to|with)\\b)"
                    + "|(\\btalks\\b|\\bsummit meeting\\b)"
                    + "|(\\bmet\\b|\\bmeets\\b|\\bmeeting (?:with|between)\\b|\\bmeetings? with\\b|\\b(?:held|had) (?:a |an )?(?:[a-z-]+ ){0,2}meetings?\\b"
                    + "|\\bmeetings? (?:was|were) with\\b|\\bmeeting(?= (?-i:[A-Z]))|\\binteract(?:ed|s) with\\b|\\bsat down with\\b|\\bconferred with\\b|\\b(?:had|held|was granted|granted) (?:an |a royal )?audiences? (?:with|to)\\b"
                    + "|\\b(?:held|had) (?:a |an )?(?:[a-z-]+ ){0,2}(?:interaction|encounter|bilateral)s? with\\b|\\b(?:was|were) (?:later |also |then )?received (?:[^,.;]{0,40} )?by\\b"
                    + "|\\bcalled on\\b(?![^,.;]{0,60}\\bto\\s+[a-z])|\\bcourtesy call on\\b|\\breceived(?: separately)?(?= (?:the |his |her |their )?(?:visiting )?(?:(?:[a-z]+ )?(?-i:[A-Z])|(?:[a-z]+ ){1,2}of (?-i:[A-Z])))"
                    + "|\\bco-chaired\\b(?=[^.;]{0,40}\\b(?:bilateral|joint|intergovernmental|committee|commission|mechanism|dialogue)\\b))|(\\bsummit\\b(?! meeting))");
    private static final Pattern SUMMIT_CONTEXT = Pattern.compile("(出席|参加|与会|主持)[^,;]{0,15}$");
    private static final Pattern TRILATERAL = Pattern.compile("(?i)三方|三国|三边|trilateral|three-way");
    /** Encounters with media, business people or communities are not diplomatic events. */
    private static final Pattern NON_STATE = Pattern.compile(
            "(?i)^[^,;。]{0,10}(记者|媒体|友好人士|各界|企业|华侨|侨胞|社群|社区|学生|代表团成员|reporters|journalists|the media|the press|business)");
    /** A coordinated clause with a verb of its own: ", and is scheduled to…", ", but will…". */
    private static final Pattern COORDINATED_CLAUSE = Pattern.compile("(?i),\\s*(?:and|but)\\s+(?:is|are|was|were|will|would|has|have|had|plans?|hopes?)\\b");
    /** Named multilateral processes, not talks between the countries of the sentence. */
    private static final Pattern NAMED_PROCESS = Pattern.compile("[六四五]方会谈");
    private static final Pattern SEPARATELY = Pattern.compile("(?i)分别|separately|respectively|\\bseparate\\b");
    private static final Pattern REQUESTED_BY_OTHER = Pattern.compile("(?i)应约|at the request of");
    /** "Sisi received a phone call from Qatar's Emir": the caller is the other side. */
    private static final Pattern CALL_RECEIVED = Pattern.compile("(?i)\\breceived (?:a |an )?(?:[a-z]+ )?(?:(?:tele)?phone )?call from\\b|接到[^,;。]{0,20}(?:电话|来电)");
    private static final Pattern REQUESTED_BY_SUBJECT = Pattern.compile("(?i)\\basked to meet\\b|\\brequested (?:a |the )?meeting\\b|提议|主动");
    private static final Pattern WITH = Pattern.compile("(?i)同|与|和|跟|\\bwith\\b|\\band\\b");
    /** Being received at an airport is a protocol welcome, not a meeting. */
    private static final Pattern RECEPTION = Pattern.compile("(?i)received|接机|迎接");
    private static final Pattern AIRPORT = Pattern.compile("(?i)airport|机场");
    private static final Pattern BOTH_SIDES = Pattern.compile("(?i)两国|双方|两人|二人|两位|the two|both");

    /** A trigger word at [start, end); TRILATERAL is "中日韩外长会议", a MEETING of the compound's countries. */
    private record Trigger(int start, int end, FactType type, boolean trilateral) {
    }

    /** "同四国领导人深入坦诚交换看法", "同往访国领导人举行会谈": the leaders of every country of the tour. */
    private static final Pattern TOUR_LEADERS = Pattern.compile(
            "同(?:([两二三四五六七八九十])|往访|出访|各)国(?:领导人|元首)[^。;]{0,24}?(会谈|会见|会晤|交换(?:了)?(?:意见|看法)|深入交流|坦诚交流)");

    @Override
    public void apply(Analysis a, int i, List<Candidate> out) {
        if (!a.english) {
            leadersOfTheTour(a, i, out);
        } else {
            meetingsListedAfterward(a, i, out);
        }
        List<Trigger> triggers = triggers(a, i);
        boolean call = triggers.stream().anyMatch(t -> t.type() == FactType.PHONE_CALL);
        int windowStart = a.sentence(i).start();
        for (int k = 0; k < triggers.size(); k++) {
            Trigger t = triggers.get(k);
            if (k > 0 && triggers.get(k - 1).end() < t.start()) {
                windowStart = triggers.get(k - 1).end(); // "会谈会见": adjacent triggers share their counterparts
            }
            windowStart = Math.max(windowStart, a.clauses.contrastStart(i, t.start()));
            int windowEnd = k + 1 < triggers.size() ? Math.min(triggers.get(k + 1).start(), a.clauses.end(i, t.end())) : a.clauses.end(i, t.end());
            Matcher next = COORDINATED_CLAUSE.matcher(a.text).region(t.end(), windowEnd);
            windowEnd = a.english && next.find() ? next.start() : windowEnd; // "met A, and is to meet B": B is the next clause's
            if ((call && t.type() != FactType.PHONE_CALL) || a.plans.planned(i, t.start()) || nonState(a, i, t) || counted(a, i, t)) {
                continue;
            }
            if (t.trilateral()) {
                emitTrilateral(a, i, t, out);
            } else {
                emit(a, i, t, windowStart, windowEnd, out);
            }
        }
    }

    private static boolean counted(Analysis a, int i, Trigger t) {
        return Rule.countedOccasions(a, i, t.start());
    }

    private static void leadersOfTheTour(Analysis a, int i, List<Candidate> out) {
        Matcher m = Rule.matcher(TOUR_LEADERS, a, i);
        if (!m.find() || a.plans.planned(i, m.start()) || Rule.AGGREGATE.matcher(m.group()).find()) {
            return;
        }
        Trip.Tour tour = Trip.of(out);
        if (tour == null || m.group(1) != null && countOf(m.group(1)) != tour.hosts().size()) {
            return;
        }
        FactType type = m.group(2).equals("会谈") ? FactType.TALKS : FactType.MEETING;
        for (Set<String> pair : tour.pairs()) {
            Candidate c = Events.create(a, i, type, pair, m.start(2), m.end(2));
            c.reason(0.0, "counterparts: the leaders of every country of the tour (" + m.group() + ")");
            c.actor = tour.visitor();
            out.add(c);
        }
    }

    /** "met with ASEAN Secretary-General Lim Jock Hoi", "会见联合国秘书长古特雷斯": the organisation its head speaks for. */
    private static final Pattern HEAD_OF_ORGANISATION = Pattern.compile("(?i)^\\s*(?:Secretary[- ]General|秘书长|Director[- ]General|总干事)");

    private static List<Mention> organisationHeads(Analysis a, int i, int from, int to) {
        return a.mentions(i).stream()
                .filter(m -> m.isOrganisation() && m.start() >= from && m.end() <= to
                        && HEAD_OF_ORGANISATION.matcher(a.text.substring(m.end(), a.sentence(i).end())).lookingAt())
                .toList();
    }

    /** "He also held four bilateral meetings. These were with the leaders of A, B and C.": one meeting with each. */
    private static final Pattern THESE_WERE_WITH = Pattern.compile("(?i)^\\s*(?:These|Those|They|The (?:meetings|talks))\\s+(?:were|included)\\s+(?:held\\s+)?(?:with\\b|meetings with\\b)");
    private static final Pattern MEETINGS_BEFORE = Pattern.compile("(?i)\\b(meetings|talks)\\b");

    private static void meetingsListedAfterward(Analysis a, int i, List<Candidate> out) {
        Matcher m = Rule.matcher(THESE_WERE_WITH, a, i);
        Matcher before = i == 0 ? null : MEETINGS_BEFORE.matcher(a.sentenceText(i - 1));
        String subject = m.lookingAt() && before != null && before.find() ? a.subjects.of(i, m.end()) : null;
        if (subject == null) {
            return;
        }
        FactType type = before.group(1).equalsIgnoreCase("talks") ? FactType.TALKS : FactType.MEETING;
        for (Mention counterpart : a.parties.in(i, m.end(), a.sentence(i).end())) {
            if (!counterpart.code().equals(subject) && out.stream().noneMatch(c -> c.sentence == i && c.participants.contains(counterpart.code()))) {
                Candidate c = Events.create(a, i, type, List.of(subject, counterpart.code()), m.start(), m.end());
                c.reason(0.05, "subject " + subject + " carried over; the " + before.group(1) + " of the sentence before, listed");
                c.reason(0.20, "counterpart " + Events.recognised(a, counterpart));
                c.actor = subject;
                out.add(c);
            }
        }
    }

    private static int countOf(String numeral) {
        return numeral.equals("两") ? 2 : "一二三四五六七八九十".indexOf(numeral) + 1;
    }

    /** "通过通电话和互致信函保持着良好沟通", "maintained regular contact by phone": a habit, not an event. */
    private static final Pattern HABITUAL = Pattern.compile(
            "(?i)^[^,;。.]{0,20}?(?:保持(?:着)?(?:良好|密切|经常性)?的?(?:沟通|联系|交往|接触)|\\bmaintain(?:ed|s)? (?:close |regular )?(?:contacts?|communication))"
                    + "|^\\s*(?:frequently|often|regularly|repeatedly|several times|many times|on several occasions)\\b");

    private static boolean nonState(Analysis a, int i, Trigger trigger) {
        String after = a.text.substring(trigger.end(), a.sentence(i).end());
        if (HABITUAL.matcher(after).find()) {
            return true;
        }
        String around = a.text.substring(Math.max(a.sentence(i).start(), trigger.start() - 2), trigger.end());
        boolean welcome = RECEPTION.matcher(around).find() && AIRPORT.matcher(a.sentenceText(i)).find();
        return NON_STATE.matcher(after).find() || NAMED_PROCESS.matcher(around).find() || welcome;
    }

    /** The triggers of sentence i in order; summit names ("金砖国家领导人会晤") are left out. */
    private List<Trigger> triggers(Analysis a, int i) {
        List<Trigger> found = new ArrayList<>();
        Matcher m = Rule.matcher(a.english ? EN : ZH, a, i);
        while (m.find()) {
            if (m.groupCount() >= 4 && m.group(4) != null) {
                if (a.english ? bilateralSummitInEnglish(a, i, m.start())
                        : m.group().equals("峰会") && bilateralSummit(a, i, m.start()) || heldBetweenTwo(a, i, m.start())) {
                    found.add(new Trigger(m.start(), m.end(), FactType.TALKS, false));
                } else if (trilateral(a, i, m.start()) || groupMeeting(a, i, m.start(), m.end())) {
                    found.add(new Trigger(m.start(), m.end(), FactType.MEETING, true));
                }
            } else if (m.group().equals("会晤") && trilateral(a, i, m.start()) || groupMeeting(a, i, m.start(), m.end())) {
                found.add(new Trigger(m.start(), m.end(), FactType.MEETING, true)); // "中俄印领导人非正式会晤"
            } else if (!(m.group().equals("会晤") && namesSummit(a, i, m.start(), m.end()))) {
                FactType type = m.group(1) != null ? FactType.PHONE_CALL : m.group(2) != null ? FactType.TALKS : FactType.MEETING;
                found.add(new Trigger(m.start(), m.end(), type, false));
            }
        }
        if (!a.english) {
            bareMeetVerbs(a, i, found);
        }
        if (found.isEmpty() && !a.english) {
            exchangeOfViews(a, i, found);
        }
        found.removeIf(t -> attendedByVideo(a, i, t) || videoWithoutEncounter(a, i, t));
        found.replaceAll(t -> t.type() == FactType.MEETING && VIRTUAL.matcher(a.text.substring(t.start(), t.end())).find()
                ? new Trigger(t.start(), t.end(), FactType.PHONE_CALL, t.trilateral()) : t); // "held a virtual meeting": video is a call
        return mannerOfCalls(a, found);
    }

    /**
     * "where he met President Luis Lacalle Pou", "before holding talks with the crown prince", "with his counterpart": a
     * titled person as the object names the counterpart, if not the country.
     */
    private static final Pattern TITLED_OBJECT = Pattern.compile(
            "(?i)\\s+(?:with\\s+)?(?:the\\s+|his\\s+|her\\s+|their\\s+)?(?:(?-i:[A-Z])[a-z]+\\s+)?(?:president|prime minister|PM|premier|chancellor|king|queen|emir"
                    + "|crown prince|sultan|foreign minister|counterparts?)\\b");
    private static final Pattern VIRTUAL = Pattern.compile("(?i)\\b(?:virtual|video|online)\\b");
    private static final Pattern VIDEO_SUMMIT = Pattern.compile("(?i)视频峰会|视像峰会|virtual (?:summit|meeting)|video summit");

    /** "普京以视频方式出席", "以视频方式、莫迪…出席", "joined the summit via video": how a leader attended, not a call. */
    private static final Pattern ATTENDANCE_AFTER = Pattern.compile(
            "(?i)^[^。;]{0,40}?(?:出席|参加|与会|参会|主持(?=[^。;]{0,30}(?:会议|峰会|论坛)))|^[^.;]{0,60}?\\b(?:attend(?:ed|s)?|took part|joined|participat(?:ed|es)|(?:co-)?chaired)\\b");
    private static final Pattern ATTENDANCE_BEFORE = Pattern.compile("(?i)(?:出席|参加|attend(?:ed|s)?|took part(?: in)?|joined|participated(?: in)?)[^,.;。]{0,60}$");

    private static boolean attendedByVideo(Analysis a, int i, Trigger t) {
        if (t.type() != FactType.PHONE_CALL || !CALL_MANNER.matcher(a.text.substring(t.start(), t.end())).matches()) {
            return false;
        }
        String after = a.text.substring(t.end(), a.sentence(i).end());
        String before = a.text.substring(a.sentence(i).start(), t.start());
        return ATTENDANCE_AFTER.matcher(after).find() || ATTENDANCE_BEFORE.matcher(before).find();
    }

    /**
     * "王毅见斐济总理…后": a bare 见 between a person and a party named right after it is a meeting (headline and
     * Hong Kong style); never inside 会见, 看见, 意见, 见证 and the like, which either are triggers already or mean no meeting.
     */
    private static void bareMeetVerbs(Analysis a, int i, List<Trigger> found) {
        List<Mention> mentions = a.mentions(i);
        for (int p = a.sentence(i).start(); p < a.sentence(i).end(); p++) {
            int at = p;
            if (a.text.charAt(at) != '见' || found.stream().anyMatch(t -> t.start() <= at && at < t.end())) {
                continue;
            }
            boolean personBefore = mentions.stream().anyMatch(m -> m.end() == at && m.kind() == Mention.Kind.PERSON);
            boolean partyAfter = mentions.stream().anyMatch(m -> m.start() == at + 1 && m.isParty());
            if (personBefore && partyAfter) {
                found.add(new Trigger(at, at + 1, FactType.MEETING, false));
                found.sort(java.util.Comparator.comparingInt(Trigger::start));
            }
        }
    }

    /** "习近平同默克尔就双边关系交换意见": views exchanged with a named counterpart are a meeting, when nothing else is. */
    private static final Pattern EXCHANGE_OF_VIEWS = Pattern.compile("(?:同|与)[^,;。]{1,30}?就[^。;]{1,40}?(交换(?:了)?意见|作出规划指引|深入交流|坦诚交流)");
    private static final Pattern ANY_CALL = Pattern.compile("通电话|通话|视频");

    private static void exchangeOfViews(Analysis a, int i, List<Trigger> found) {
        Matcher m = Rule.matcher(EXCHANGE_OF_VIEWS, a, i);
        if (m.find() && !ANY_CALL.matcher(a.text).find()
                && !a.parties.in(i, m.start(), m.start(1)).isEmpty()) { // the counterpart named after 同/与, not "两国元首就…"
            found.add(new Trigger(m.start(1), m.end(1), FactType.MEETING, false));
        }
    }

    /** "以视频方式会见", "視像方式举行会谈": a call's manner before a meeting verb makes that meeting the call. */
    private static final Pattern CALL_MANNER = Pattern.compile("(?i)视频方式|视像方式|视频连线|via video(?: link)?");

    private static List<Trigger> mannerOfCalls(Analysis a, List<Trigger> triggers) {
        List<Trigger> out = new ArrayList<>(triggers);
        for (int k = 0; k + 1 < out.size(); k++) {
            Trigger manner = out.get(k), verb = out.get(k + 1);
            boolean close = verb.start() - manner.end() <= 6;
            if (manner.type() == FactType.PHONE_CALL && verb.type() != FactType.PHONE_CALL && !verb.trilateral() && close
                    && CALL_MANNER.matcher(a.text.substring(manner.start(), manner.end())).matches()) {
                out.set(k + 1, new Trigger(verb.start(), verb.end(), FactType.PHONE_CALL, false));
                out.remove(k);
            }
        }
        return out;
    }

    /** "俄印峰会": a summit of exactly two countries (two one-character short forms) is their talks. */
    private static boolean bilateralSummit(Analysis a, int i, int position) {
        List<Mention> all = a.mentions(i);
        for (int k = 1; k < all.size(); k++) {
            Mention first = all.get(k - 1), second = all.get(k);
            if (second.end() == position && isShortForm(first) && isShortForm(second) && first.end() == second.start()
                    && (k < 2 || all.get(k - 2).end() != first.start())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Trump and Kim kicked off their summit in Singapore": a summit of exactly two countries, with no organisation
     * named around it, is their talks (a multilateral summit names its organisation).
     */
    private static boolean bilateralSummitInEnglish(Analysis a, int i, int position) {
        String before = a.text.substring(Math.max(a.sentence(i).start(), position - 40), position);
        if (!HELD_SUMMIT.matcher(before).find() || VENUE_SUMMIT.matcher(before).find()) {
            return false; // "interacted with Biden at the summit": the summit is where, not what
        }
        for (int s = Math.max(0, i - 2); s <= i; s++) {
            if (a.mentions(s).stream().anyMatch(Mention::isOrganisation)) {
                return false;
            }
        }
        return a.parties.in(i, a.sentence(i).start(), a.sentence(i).end()).stream().map(Mention::code).distinct().count() == 2;
    }

    private static final Pattern HELD_SUMMIT = Pattern.compile("(?i)(?:\\b(?:a|an|their|first|second|third)\\b[^,.;]{0,25}|[A-Z][a-z]+-[A-Z][a-z]+ )$");
    private static final Pattern VENUE_SUMMIT = Pattern.compile("(?i)\\b(?:at|during|of|for|to|after|before|ahead of) (?:the|this|a|an|their)\\b[^,.;]{0,25}$");

    /** "A与B国首相C举行年度领袖会议": the other party joined by 与/同 right before the verb. */
    private static final Pattern HELD_BEFORE = Pattern.compile("(?:与|同)[^,;。与同]{1,16}(?:举行|召开)[^,;。A-Za-z]{0,10}$");
    private static final Pattern NOT_THE_MEETING_ITSELF = Pattern.compile("^(?:场边|期间|间隙|上|后|前|之际|时)");

    /** "星国总理黄循财与马来西亚首相安华举行年度领袖会议": a summit or meeting two countries hold, with no organisation, is their talks. */
    private static boolean heldBetweenTwo(Analysis a, int i, int position) {
        Matcher held = HELD_BEFORE.matcher(a.text).region(a.clauses.start(i, position), position);
        return held.find() && !a.parties.in(i, held.start(), held.end()).isEmpty()
                && !NOT_THE_MEETING_ITSELF.matcher(a.text.substring(position + 2, Math.min(a.sentence(i).end(), position + 6))).find()
                && a.mentions(i).stream().noneMatch(Mention::isOrganisation)
                && a.parties.in(i, a.sentence(i).start(), a.sentence(i).end()).stream().map(Mention::code).distinct().count() == 2;
    }

    /** "中日韩外长会议", "中俄印领导人非正式会晤": three one-character short forms, then a title, right before the noun. */
    private static boolean trilateral(Analysis a, int i, int position) {
        long shortForms = a.mentions(i).stream().filter(m -> isShortForm(m) && m.end() <= position && position - m.end() <= 8).count();
        boolean organisation = a.mentions(i).stream().anyMatch(m -> m.isOrganisation() && m.end() <= position && position - m.end() <= 6);
        return shortForms == 3 && !organisation;
    }

    /** "中俄印领导人…会晤": all parties named by one compound of short forms meet together. */
    private static boolean oneCompound(Analysis a, int i, int from, int to) {
        List<Mention> parties = a.parties.in(i, from, to);
        if (parties.size() < 3 || !parties.stream().allMatch(InteractionRule::isShortForm)) {
            return false;
        }
        for (int k = 1; k < parties.size(); k++) {
            if (parties.get(k).start() != parties.get(k - 1).end()) {
                return false;
            }
        }
        return true;
    }

    /** "Mexican President Andres Manuel Lopez Obrador and Canadian…": an item's title and name, then the glue. */
    private static final Pattern TITLED_NAME_THEN_GLUE = Pattern.compile(
            "\\s*(?:(?:President|Prime Minister|Premier|Chancellor|King|Emir|Crown Prince)\\s+)?(?:[A-Z][\\p{L}'.-]*\\s*){1,5}(?:,|,? and)\\s*(?:the\\s+)?");

    /**
     * "The presidents of Russia, Iran and Turkey met in Sochi", "Biden, Mexican President A and Canadian Prime Minister B
     * met": three or more subjects listed together meet together.
     * Not {@link GroupReference#before}: that resolves a group named by its size ("三国领导人") to a list told earlier;
     * this asks whether the parties already found stand in one list right before the trigger.
     */
    private static boolean listedSubjects(Analysis a, int i, Mention subject, java.util.Collection<Mention> counterparts, int trigger) {
        if (subject == null || counterparts.size() < 2 || counterparts.contains(null)) {
            return false;
        }
        List<Mention> listed = new ArrayList<>(counterparts);
        listed.add(subject);
        listed.sort(java.util.Comparator.comparingInt(Mention::start));
        if (listed.get(listed.size() - 1).end() > trigger || LIST_WITH.matcher(a.text.substring(listed.get(listed.size() - 1).end(), trigger)).find()) {
            return false;
        }
        for (int k = 1; k < listed.size(); k++) {
            String gap = a.text.substring(listed.get(k - 1).end(), listed.get(k).start());
            if (!ListGlue.joins(gap) && !(a.english && TITLED_NAME_THEN_GLUE.matcher(gap).matches())) {
                return false;
            }
        }
        return true;
    }


    private static boolean isShortForm(Mention m) {
        return m.kind() == Mention.Kind.COUNTRY && m.end() - m.start() == 1;
    }

    /** "会晤"/"会议" naming a multilateral summit: right after an organisation, a city, or 出席/参加. */
    /** "在旧金山会晤" meets in a city; "厦门会晤" (no 在) is the summit named after its city. */
    private static boolean placePreposition(Analysis a, Mention city) {
        return city.start() > 0 && "在于".indexOf(a.text.charAt(city.start() - 1)) >= 0;
    }

    private static boolean namesSummit(Analysis a, int i, int start, int end) {
        String after = a.text.substring(end, Math.min(a.sentence(i).end(), end + 2));
        if (after.startsWith("期间")) {
            return true;
        }
        String before = a.text.substring(Math.max(a.sentence(i).start(), start - 3), start);
        if (before.endsWith("场边") || before.endsWith("边") || before.endsWith("双边")) {
            return false; // "APEC峰会场边会晤", "峰会期间的双边会晤", "北约峰会期间举行会晤": a meeting beside the summit
        }
        int clause = a.clauses.start(i, start);
        for (Mention m : a.mentions(i)) {
            if (m.end() <= start && m.start() >= clause && start - m.end() <= 15 && !a.text.substring(m.end(), start).contains("期间")
                    && (m.isOrganisation() || (m.kind() == Mention.Kind.CITY && start - m.end() <= 1 && !placePreposition(a, m)))) {
                return true;
            }
        }
        return SUMMIT_CONTEXT.matcher(a.text.substring(clause, start)).find();
    }

    /** "in the Astana talks", "during their meeting": the noun of a prepositional phrase, not what the subject did. */
    private static final Pattern NOUN_OF_A_PHRASE = Pattern.compile("(?i)\\b(?:in|at|during|of|for|to|after|before|from|since) (?:the|this|that|their|a|an)\\b[^,.;]{0,25}$");

    private static final Pattern VIDEO_MANNER = Pattern.compile("(?i)^(?:video ?link|via video|视频连线|视频方式|视像方式)$");
    private static final Pattern ENCOUNTER_WORD = Pattern.compile("(?i)\\b(?:met|meet|meets|meeting|talks?|spoke|speak|conversation|conference|summit|call)\\b|会见|会晤|会谈|通话|交谈|峰会|会议");

    /** "inaugurated a check post through video link", "以视频方式出席开工仪式": a ceremony by video is no call. */
    private static boolean videoWithoutEncounter(Analysis a, int i, Trigger t) {
        return t.type() == FactType.PHONE_CALL && VIDEO_MANNER.matcher(a.text.substring(t.start(), t.end()).strip()).matches()
                && !ENCOUNTER_WORD.matcher(a.sentenceText(i)).find();
    }

    /** "A、B和C举行三国峰会", "held a trilateral meeting": a meeting named for its size, of the parties listed, no organisation's. */
    private static boolean groupMeeting(Analysis a, int i, int start, int end) {
        return a.mentions(i).stream().noneMatch(Mention::isOrganisation) && !GroupReference.meetingOf(a, i, start, end).isEmpty()
                && HELD.matcher(a.text.substring(a.clauses.start(i, start), a.clauses.end(i, end))).find(); // "三国峰会登场前": a time, not the news
    }

    private static final Pattern HELD = Pattern.compile("(?i)举行|召开|举办|\\b(?:held|hold|holds|holding|convened|had)\\b");

    /** "中日韩外长会议", "A、B和C举行三国峰会": a meeting of the three countries of a compound or a list, outside any organisation. */
    private static void emitTrilateral(Analysis a, int i, Trigger t, List<Candidate> out) {
        Set<String> parties = new LinkedHashSet<>();
        for (Mention m : a.mentions(i)) {
            if (m.end() <= t.start() && t.start() - m.end() <= 8 && isShortForm(m)) {
                parties.add(m.code());
            }
        }
        if (parties.size() >= 3) {
            emitTogether(a, i, t, parties, "parties " + String.join(", ", parties) + " named together in one compound", out);
        } else {
            Set<String> listed = GroupReference.meetingOf(a, i, t.start(), t.end());
            emitTogether(a, i, t, listed, "parties " + String.join(", ", listed) + " listed, meeting as a group of their number", out);
        }
    }

    private static final Pattern BETWEEN = Pattern.compile("(?i)^\\s+between\\s+(?:the\\s+)?");
    private static final Pattern BETWEEN_END = Pattern.compile("(?i)[,;.]|\\s(?:in|on|at|during|who|which|that|to|for|over)\\s");

    /** The parties of "talks between A and B" (A and B's foreign ministers too), in English, after the trigger. */
    private static Set<String> partiesBetween(Analysis a, int i, Trigger t, int to) {
        Matcher between = BETWEEN.matcher(a.text).region(t.end(), to);
        if (!a.english || !between.lookingAt()) {
            return Set.of();
        }
        Matcher end = BETWEEN_END.matcher(a.text).region(between.end(), to);
        Set<String> parties = new TreeSet<>();
        a.parties.in(i, t.end(), end.find() ? end.start() : to).forEach(m -> parties.add(m.code()));
        return parties;
    }

    private static void emitTogether(Analysis a, int i, Trigger t, Set<String> parties, String reason, List<Candidate> out) {
        Candidate c = Events.create(a, i, t.type(), parties, t.start(), t.end());
        c.reason(0.30, reason);
        Events.locate(a, i, c, t.start());
        out.add(c);
    }

    private void emit(Analysis a, int i, Trigger t, int windowStart, int to, List<Candidate> out) {
        int start = t.start();
        Set<String> referred = GroupReference.before(a, i, start);
        boolean asNoun = NOUN_OF_A_PHRASE.matcher(a.text.substring(a.sentence(i).start(), start)).find(); // "reached in the Astana talks"
        if (!referred.isEmpty() && !asNoun && a.parties.in(i, start, to).isEmpty()) { // "三人在金边会晤": the group listed before, together
            emitTogether(a, i, t, referred, "the group " + String.join(", ", referred) + " listed before, named by its size", out);
            return;
        }
        Set<String> between = partiesBetween(a, i, t, to);
        if (between.size() >= 2) { // "Iraq hosted talks between Saudi Arabia and Iran": the host or mediator is no party
            emitTogether(a, i, t, between, "the parties named after 'between': " + String.join(", ", between), out);
            return;
        }
        boolean pairAsSubject = PAIR_SUBJECT.matcher(a.sentenceText(i)).find() && a.subjects.carried(i) != null;
        Mention subjectMention = pairAsSubject ? null : a.subjects.mentionOf(i, start);
        String subject = pairAsSubject ? a.subjects.carried(i) : a.subjects.of(i, start);
        Map<String, Mention> counterparts = new LinkedHashMap<>();
        for (Mention m : a.parties.in(i, windowStart, to)) {
            if (!m.code().equals(subject) && !pairAsSubject) { // "The two men … met … over the invasion of Ukraine": the pair told of
                counterparts.putIfAbsent(m.code(), m);
            }
        }
        for (Mention m : organisationHeads(a, i, Math.max(windowStart, start), to)) {
            counterparts.putIfAbsent(m.code(), m);
            // "NATO Secretary-General Jens Stoltenberg": the head speaks for the organisation, not for the country he led
            Mention head = a.mentions(i).stream().filter(p -> p.kind() == Mention.Kind.PERSON && p.start() > m.end()
                    && p.start() - m.end() <= 32).findFirst().orElse(null);
            if (head != null && !head.code().equals(m.code()) && counterparts.get(head.code()) == head) {
                counterparts.remove(head.code());
            }
        }
        List<Candidate.Reason> reasons = new ArrayList<>();
        boolean weak = false;
        if (subject == null && counterparts.size() >= 2 && !TRILATERAL.matcher(a.sentenceText(i)).find()) {
            subjectMention = counterparts.values().iterator().next();
            subject = subjectMention.code();
            counterparts.remove(subject);
        }
        if (subject == null) {
            return;
        }
        reasons.add(subjectMention != null ? new Candidate.Reason(0.10, "subject " + Events.recognised(a, subjectMention))
                : new Candidate.Reason(0.05, "subject " + subject + " carried over from an earlier sentence"));
        Mention setIn = counterparts.isEmpty() ? a.places.frontedCountry(i) : null;
        if (setIn != null && !setIn.code().equals(subject)) {
            counterparts.put(setIn.code(), null);
            reasons.add(new Candidate.Reason(0.10, "counterpart " + setIn.code() + ": the country the sentence is set in"));
        }
        String host = counterparts.isEmpty() ? hostOfTheClause(a, i, t, subject, out) : null;
        if (host != null) { // "在华沙与总理图斯克举行会谈", "He held talks with President Tshisekedi" after arriving in Kinshasa
            counterparts.put(host, null);
            reasons.add(new Candidate.Reason(0.05, "counterpart " + host + ": the country the meeting takes place in"));
        }
        if (counterparts.isEmpty()) {
            String recent = Events.recentCounterpart(out, subject, i);
            String partner = recent != null ? recent : a.parties.partnerOf(subject, i);
            if (partner == null) {
                return;
            }
            counterparts.put(partner, null);
            reasons.add(new Candidate.Reason(0.0, "counterpart " + partner + " completed from context"));
            Matcher bothSides = BOTH_SIDES.matcher(a.sentenceText(i));
            boolean both = bothSides.find();
            if (both) {
                reasons.add(new Candidate.Reason(0.15, "both sides referred to together (" + bothSides.group() + ")"));
            }
            // "参加会见", "会晤通过了…": without a counterpart, "同/与" or "两国", only a back-reference
            weak = !both && !WITH.matcher(a.text.substring(a.clauses.start(i, start), start)).find()
                    && !(a.english && TITLED_OBJECT.matcher(a.text).region(t.end(), a.sentence(i).end()).lookingAt());
        }
        String window = a.text.substring(a.clauses.start(i, start), start);
        List<Set<String>> groups = new ArrayList<>();
        boolean together = TRILATERAL.matcher(a.sentenceText(i)).find() || oneCompound(a, i, windowStart, to)
                || VIDEO_SUMMIT.matcher(a.text.substring(t.start(), t.end())).find() // "同A、B举行视频峰会": one call of all
                || listedSubjects(a, i, subjectMention, counterparts.values(), start);
        if (counterparts.size() > 1 && together && !SEPARATELY.matcher(a.sentenceText(i)).find()) {
            groups.add(counterparts.keySet());
        } else {
            counterparts.keySet().forEach(c -> groups.add(Set.of(c)));
        }
        List<Mention> subjects = separateSubjects(a, i, t, subject);
        if (subjects.size() >= 2 && groups.size() == 1) { // "总理A、委员长B分别会见C": one meeting with each of them
            for (Mention person : subjects) {
                Candidate c = candidate(a, i, t, groups.get(0), subject, person, reasons, counterparts, window, weak, windowStart, to, out);
                c.personsByCode.put(subject, new TreeSet<>(Set.of(a.text.substring(person.start(), person.end()))));
                c.reason(0.0, "one of several persons of " + subject + " meeting separately: " + a.original.substring(person.start(), person.end()));
            }
            return;
        }
        List<Item> items = counterpartItems(a, i, t, to, host);
        for (Set<String> group : groups) {
            List<Item> ofGroup = group.size() == 1 ? items.stream().filter(x -> group.contains(x.code())).toList() : List.of();
            boolean separately = SEPARATELY.matcher(a.sentenceText(i)).find() || ofGroup.stream().allMatch(Item::leader);
            if (ofGroup.size() >= 2 && separately) {
                for (Item item : ofGroup) { // "会见新加坡总统A、总理B": one meeting with each
                    Candidate c = candidate(a, i, t, group, subject, subjectMention == null ? null : subjectMention, reasons, counterparts, window,
                            weak, windowStart, to, out);
                    c.otherPersons.removeIf(name -> !a.original.substring(item.start(), item.end()).contains(name));
                    c.personsByCode.put(item.code(), new TreeSet<>(Set.of(a.text.substring(item.start(), item.end()))));
                    c.reason(0.0, "one of several counterparts of " + item.code() + " listed: " + a.original.substring(item.start(), item.end()));
                }
                continue;
            }
            candidate(a, i, t, group, subject, subjectMention, reasons, counterparts, window, weak, windowStart, to, out);
        }
    }

    /** The persons of the subject's country listed before a trigger with 分别/separately, each meeting on their own. */
    private static List<Mention> separateSubjects(Analysis a, int i, Trigger t, String subject) {
        if (subject == null || !SEPARATELY.matcher(a.text.substring(a.clauses.start(i, t.start()), t.start())).find()) {
            return List.of();
        }
        return a.mentions(i).stream().filter(m -> m.kind() == Mention.Kind.PERSON && subject.equals(m.code())
                && m.start() >= a.clauses.start(i, t.start()) && m.end() <= t.start()).toList();
    }

    private static Candidate candidate(Analysis a, int i, Trigger t, Set<String> group, String subject, Mention subjectMention,
                                       List<Candidate.Reason> reasons, Map<String, Mention> counterparts, String window, boolean weak,
                                       int windowStart, int to, List<Candidate> out) {
        int start = t.start();
        {
            Set<String> parties = new LinkedHashSet<>(group);
            parties.add(subject);
            Candidate c = Events.create(a, i, t.type(), parties, start, t.end());
            c.reasons.addAll(reasons);
            for (String code : group) {
                Mention named = counterparts.get(code);
                if (named != null) {
                    c.reason(0.30 / group.size(), "counterpart " + Events.recognised(a, named));
                }
            }
            boolean calledBy = t.type() == FactType.PHONE_CALL && CALL_RECEIVED.matcher(a.sentenceText(i)).find();
            if (group.size() == 1 && (REQUESTED_BY_OTHER.matcher(window).find() || calledBy)) {
                c.initiator = group.iterator().next();
            } else if (REQUESTED_BY_SUBJECT.matcher(a.sentenceText(i)).find()) {
                c.initiator = subject;
            }
            c.actor = subject;
            Events.locate(a, i, c, start);
            String before = a.text.substring(a.clauses.start(i, start), start);
            c.weak = weak || BACK_REFERENCE.matcher(before).find() || AHEAD_OF.matcher(before).find();
            c.frame = nominalReference(a, i, t); // "After the talks, he said…", "会见欧尔班时，习近平强调"
            Events.addPersons(a, i, c, subject, windowStart, to, start);
            out.add(c);
            return c;
        }
    }

    /** "与总理图斯克", "with President Felix Tshisekedi": a counterpart named by a title and a name no lexicon knows. */
    private static final Pattern TITLED_UNKNOWN = Pattern.compile(
            "(?i)(?:与|同|跟)(?:总统|总理|首相|国王|外长|外交部长|国家元首)[\\p{IsHan}·]{2,8}$|\\bwith (?:the )?(?:President|Prime Minister|King|Emir|Sultan|Chancellor|Premier) (?-i:[A-Z])");
    /** "会见了参议长卡塞拉蒂和众议长菲科": the same, after a Chinese verb. */
    private static final Pattern ZH_TITLED_UNKNOWN_AFTER = Pattern.compile(
            "^(?:了|分别)?(?:总统|总理|首相|国王|女王|王储|外长|外交部长|副总统|副总理|国家元首|议长|参议长|众议长|上院议长|下院议长)[\\p{IsHan}·]{2,8}(?:[、和及,;。]|$)");

    /**
     * The country a meeting with an unknown titled counterpart takes place in: a place of its clause ("在华沙", "in Warsaw")
     * not the subject's, else the host of the subject's latest visit told before; null otherwise.
     */
    private static String hostOfTheClause(Analysis a, int i, Trigger t, String subject, List<Candidate> out) {
        // the object follows an English verb ("held talks with President X"), precedes a Chinese one ("与总理X举行会谈")
        String object = a.english ? a.text.substring(t.end(), Math.min(a.sentence(i).end(), t.end() + 30))
                : a.text.substring(a.clauses.start(i, t.start()), t.start()).replaceAll("(?:举行|进行)[^,;。]{0,6}$", "");
        boolean titledAfter = !a.english && ZH_TITLED_UNKNOWN_AFTER.matcher(a.text).region(t.end(), a.sentence(i).end()).lookingAt();
        if (!(TITLED_UNKNOWN.matcher(object).find() || titledAfter) || subject == null) {
            return null;
        }
        for (Mention m : a.mentions(i)) {
            boolean inClause = m.start() >= a.clauses.start(i, t.start()) && m.end() <= a.clauses.end(i, t.end());
            if (inClause && m.isPlace() && !m.code().equals(subject)
                    && a.text.substring(Math.max(a.sentence(i).start(), m.start() - 4), m.start()).matches("(?s).*(?:在|于|\\bin |\\bat )$")) {
                return m.code();
            }
        }
        return out.stream().filter(c -> c.type == FactType.VISIT && subject.equals(c.initiator) && c.sentence <= i)
                .reduce((first, second) -> second).flatMap(c -> c.participants.stream().filter(p -> !p.equals(subject)).findFirst()).orElse(null);
    }

    /** "Ahead of his meeting with Putin, Modi said…": a meeting told of before it happens completes one stated elsewhere. */
    private static final Pattern AHEAD_OF = Pattern.compile("(?i)\\b(?:ahead of|before|prior to|in preparation for)\\s+(?:his|her|their|the|a|its)?\\s*[a-z-]*\\s*$");

    private static final Pattern EN_NOMINAL_BEFORE = Pattern.compile("(?i)\\b(?:after|during|at|following|opening|closing|concluding)\\s+(?:the|their|these|those)\\s+(?:[a-z-]+\\s+){0,2}$");
    private static final Pattern ZH_WHEN_AFTER = Pattern.compile("^[^,;。]{0,12}?(?:时|中|期间|结束后|后)(?:,|说|表示|指出|强调)");
    /** "石破茂在会谈中说": only a subject and 在 before the encounter named as a frame. */
    private static final Pattern ZH_FRAME_OPENING = Pattern.compile("^[^,;。在]{0,12}在$");

    /**
     * A trigger that names an encounter as the frame of what follows: "After the talks, …", "During their meeting, …",
     * "会见欧尔班时，…", "会谈后，…" (opening its clause), "石破茂在会谈中说"; it completes an event told of elsewhere and
     * tells no new one.
     */
    private static boolean nominalReference(Analysis a, int i, Trigger t) {
        if (a.english) {
            return t.type() != FactType.PHONE_CALL && EN_NOMINAL_BEFORE.matcher(a.text.substring(a.sentence(i).start(), t.start())).find()
                    && a.text.substring(t.start(), t.end()).matches("(?i)talks|meetings?");
        }
        String opening = a.text.substring(a.clauses.start(i, t.start()), t.start());
        return (opening.isEmpty() || ZH_FRAME_OPENING.matcher(opening).find())
                && ZH_WHEN_AFTER.matcher(a.text).region(t.end(), a.sentence(i).end()).lookingAt();
    }

    /** A sentence whose subject is the pair told of before: "The two men, who…, met", "两国元首随后举行会谈". */
    private static final Pattern PAIR_SUBJECT = Pattern.compile(
            "(?i)^\\s*(?:the two (?:leaders|men|presidents|prime ministers|sides|heads of state)|both (?:leaders|sides|men)|两国元首|两国领导人|双方|两人|二人)");

    /** "这是两人第三次面对面会晤", "This was their third meeting": the encounter told of before, not a new one. */
    private static final Pattern BACK_REFERENCE = Pattern.compile(
            "(?i)(?:^|[,;])\\s*(?:这是|这也是)[^,;。]{0,20}(?:第[一二三四五六七八九十\\d]+次|首次|再次|又一次)[^,;。]{0,5}$"
                    + "|\\bth(?:is|at) (?:was|is|marks?|marked) (?:the|their|his|her) (?:first|second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) [^,;.]{0,20}$");

    /** One listed counterpart: a title and name ("总理黄循财"), with the country it belongs to. */
    private record Item(int start, int end, String code, boolean leader) {
    }

    private static final Pattern PERSON_TITLE = Pattern.compile(
            "(?i)总统|总理|主席|委员长|部长|外长|书记|国王|首相|议长|资政|王储|埃米尔|\\bPresident\\b|\\bPrime Minister\\b|\\bPremier\\b"
                    + "|\\bMinister\\b|\\bChancellor\\b|\\bKing\\b|\\bSpeaker\\b");
    private static final Pattern LEADER_TITLE = Pattern.compile(
            "(?i)(?<!副)(?:总统|总理|国家主席|委员长|首相|议长)|(?<!Vice |Deputy )\\b(?:President|Prime Minister|Premier|Chancellor|Speaker)\\b");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("、|和|及|以及|\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");
    private static final Pattern LIST_WITH = Pattern.compile("(?i)与|同|跟|\\bwith\\b");
    private static final Pattern LIST_END = Pattern.compile("(?i)[,;。]|并|进行|举行|\\s(?:on|in|at|to|during|who|where)\\s");

    /**
     * The counterparts listed one by one with their titles: after the verb ("会见新加坡总统A、总理B"), else between
     * 与/同/with and the verb ("与国家主席A、委员长B进行会谈"), titles without a country being the host's; empty when
     * the list has fewer than two titled items.
     */
    private static List<Item> counterpartItems(Analysis a, int i, Trigger t, int to, String host) {
        int from = t.end(), end = to;
        if (!PERSON_TITLE.matcher(a.text.substring(t.end(), to)).find()) {
            Matcher with = LIST_WITH.matcher(a.text).region(a.clauses.start(i, t.start()), t.start());
            from = -1;
            while (with.find()) {
                from = with.end();
            }
            end = t.start();
            if (from < 0) {
                return List.of();
            }
        }
        Matcher stop = LIST_END.matcher(a.text).region(from, end);
        if (a.english ? stop.find() && !a.text.substring(stop.start(), Math.min(end, stop.end() + 12)).matches("(?s)\\s*,\\s*(?:and\\s+)?[A-Z].*") : stop.find()) {
            end = stop.start();
        }
        List<Item> items = new ArrayList<>();
        String code = host; // "在罗马会见了参议长A和众议长B": titles of the country the meeting is in
        Matcher separator = ITEM_SEPARATOR.matcher(a.text).region(from, end);
        int itemStart = from;
        while (true) {
            boolean more = separator.find();
            int itemEnd = more ? separator.start() : end;
            String item = a.text.substring(itemStart, itemEnd);
            if (!PERSON_TITLE.matcher(item).find()) {
                break;
            }
            for (Mention m : a.parties.in(i, itemStart, itemEnd)) {
                code = m.code();
                break;
            }
            if (code == null) {
                break;
            }
            items.add(new Item(itemStart, itemEnd, code, LEADER_TITLE.matcher(item).find()));
            if (!more) {
                break;
            }
            itemStart = separator.end();
        }
        return items.size() >= 2 ? items : List.of();
    }
}
