package io.communique.extract;

import io.communique.model.FactType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SUMMIT: attending, hosting or chairing a multilateral summit — one event per country whose attendance the sentence
 * states ("A、B、C领导人出席峰会"), participants = [country, organisation], initiator = the host or chair.
 * "On the sidelines of" alone states no attendance; a summit not yet opened ("将出席") gives nothing.
 */
final class SummitRule implements Rule {
    /** ISO 3166-1 alpha-2 codes: the parties that attend a summit (EU and UN are organisations, not in the list). */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** "在…会晤上发表讲话": speaking at a summit is attending it (the trigger is 在). */
    private static final Pattern ZH = Pattern.compile(
            "(出席[^,;。]{0,6}的(?:还)?(?:有|包括)|出席|参加|与会|峰会期间|会晤期间|在(?=[^,;。在]{2,40}?(?:峰会|会晤|会议|论坛)(?:开幕式|闭幕式|全体会议)?上(?:发表|致辞|讲话|作|宣布)))"
                    + "|(主持|主办|举办|举行|召开)");
    private static final Pattern EN = Pattern.compile(
            "(?i)(\\bamong (?:those|the leaders) (?:attending|present) (?:were|was|included)\\b|\\battend(?:ed|s|ing)?\\b|\\bparticipat(?:ed|es|ing) in\\b|\\btook part(?: in)?\\b|\\bled (?:his|her|their|its) (?:country's |nation's |government's )?delegation\\b|\\bin the presence of\\b|\\bbrought together\\b|\\b(?:was|were) (?:also )?present at\\b"
                    + "|\\b(?:was|were) (?:also )?among the (?:leaders|heads of state|participants|attendees)\\b|\\b(?:was|were) (?:also )?at the (?=(?:[\\w-]+ ){0,3}(?:summit|meeting)\\b)"
                    + "|\\baddressed\\b|\\bjoined\\b|\\bgathered\\b|\\bspoke at\\b|\\brepresented (?:their|his|her|its) countr(?:y|ies)\\b"
                    + "|\\bdelivered (?:a |an |the )?(?:[a-z]+ )?(?:speech|address|remarks|statement) (?:at|to)\\b)"
                    + "|(\\bhosted\\b|\\b(?:is|was) hosting\\b|(?<=, )hosting\\b|\\bchaired\\b|\\bpresided over\\b|\\bunder the chairmanship of\\b"
                    + "|,\\s*the (?:summit|meeting|conference) host\\b|\\bholds? (?:the )?(?:[\\w'’]+ ){0,2}rotating (?:presidency|chair(?:manship)?)\\b"
                    + "|\\bwelcomed\\b(?=[^.;]{0,160}\\bto the (?:[\\w-]+ ){0,2}(?:summit|plenary|meeting|session|gathering|conference)\\b))");
    private static final Pattern SUMMIT_NOUN = Pattern.compile("(?i)峰会|会晤|会议|论坛|对话会|summit|forum|leaders['’]? meeting");
    private static final Pattern DEPARTURE = Pattern.compile("离开|启程|离京|动身|出发|departed|left for");
    private static final Pattern GOING_TO = Pattern.compile("赴|前往");
    /** A summit's opening, holding or closing as the main verb (not "闭幕后", "举行之际"). */
    private static final Pattern HELD = Pattern.compile("(开幕|闭幕|举行|召开)(?!后|前|之际|时|期间|的)");
    private static final Pattern HOSTED_NOUN = Pattern.compile("(?i)^(?:\\s*the\\s+)?(?:[\\w-]+\\s+)?[^,;]{0,4}(?:峰会|会议|会晤|对话会|论坛|summit|forum|meeting)");
    /** "…, attended by the leaders of A, B and C": the attendees follow the verb. */
    private static final Pattern PASSIVE_ATTENDANCE = Pattern.compile(
            "(?i)^(?:attended by\\b|in the presence of\\b|brought together\\b|among (?:those|the leaders) (?:attending|present) (?:were|was|included)\\b|出席[^,;。]{0,6}的(?:还)?(?:有|包括))");
    /** "The summit opened in Riyadh, chaired by King Salman": the chair follows the verb. */
    private static final Pattern PASSIVE_HOSTING = Pattern.compile("(?i)^(?:(?:hosted|chaired|presided over) by|under the chairmanship of)\\b");
    /** "…, in the presence of A and B, while the leaders of C are absent": the list ends where another clause begins. */
    private static final Pattern LIST_END = Pattern.compile("(?i),\\s*(?:while|whereas|but|although)\\b|;");
    /** "The delegation of the State of Qatar is headed by…", "the UAE delegation is led by…": a state attends through it. */
    private static final Pattern DELEGATION_OF = Pattern.compile(
            "(?i)\\bdelegations? of (?:the )?(?:(?:State|Sultanate|Kingdom|Republic|Emirate|Principality|Federation) of )?(?:the )?$");
    private static final Pattern DELEGATION_AFTER = Pattern.compile("(?i)^(?:'s)?\\s+delegation\\b|^\\s+(?:was|were|is|are) represented\\b");
    /** "China was represented by Premier Li Qiang and Russia by Foreign Minister Lavrov": the second, its verb left out. */
    private static final Pattern GAPPED_REPRESENTATION = Pattern.compile(
            "^\\s+by\\s+(?:its\\s+)?(?:[A-Z][a-z]+\\s+){0,2}(?:President|Prime Minister|Premier|Foreign Minister|Vice President|Minister|Chancellor)\\b");
    private static final Pattern REPRESENTED_BY = Pattern.compile("(?i)\\brepresented by\\b");
    /** Verbs that speak of a summit only with a summit noun after them ("joined NATO" is membership, not attendance). */
    private static final Pattern NEEDS_SUMMIT_NOUN = Pattern.compile("(?i)addressed|joined|gathered|spoke at|delivered.*");
    /** A meeting of the report's organisation named before its attendees ("The meeting was attended by…", "会议"). */
    private static final Pattern MEETING_NOUN = Pattern.compile("(?i)\\bmeeting\\b|会议");
    private static final Pattern HEADED = Pattern.compile("(?i)\\b(?:headed|led|heads|leads|represented)\\b");
    private static final Pattern MEETING_IN_SENTENCE = Pattern.compile("(?i)会见|会谈|会面|\\bmet\\b|\\bmeetings? with\\b|\\btalks with\\b");
    private static final Pattern LEADERS_AFTER = Pattern.compile("^[^,;]{0,3}(?:等国)?(?:领导人|代表|leaders)");
    private static final Pattern CHAIR_BEFORE = Pattern.compile("(?:轮值主席国|东道主|主席国)$");

    @Override
    public void apply(Analysis a, int i, List<Candidate> out) {
        attendance(a, i, out);
        delegations(a, i, out);
        if (!a.english) {
            hostedAtPlace(a, i, out);
            hostedBy(a, i, out);
        }
    }

    /** "本届APEC领导人非正式会议由秘鲁主办": the host named after 由. */
    private static final Pattern HOSTED_BY = Pattern.compile("由([^,;。由]{2,20}?)(?:主办|承办|主持)");

    private static void hostedBy(Analysis a, int i, List<Candidate> out) {
        Matcher m = Rule.matcher(HOSTED_BY, a, i);
        while (m.find()) {
            String organisation = a.organisations.of(i, m.start());
            Mention host = a.mentions(i).stream()
                    .filter(x -> x.start() >= m.start(1) && x.end() <= m.end(1) && (x.kind() == Mention.Kind.COUNTRY || x.kind() == Mention.Kind.CAPITAL))
                    .findFirst().orElse(null);
            boolean known = host != null && out.stream().anyMatch(c -> c.sentence == i && c.type == FactType.SUMMIT && c.participants.contains(host.code()));
            if (organisation == null || host == null || known || a.plans.planned(i, m.start())
                    || !SUMMIT_NOUN.matcher(a.text.substring(a.sentence(i).start(), m.start())).find()) {
                continue;
            }
            Candidate c = Events.create(a, i, FactType.SUMMIT, List.of(host.code(), organisation), m.start(), m.end());
            c.reason(0.20, "host " + Events.recognised(a, host) + " named after 由");
            c.initiator = host.code();
            c.actor = host.code();
            c.organisation = organisation;
            out.add(c);
        }
    }

    /**
     * "中拉论坛首届部长级会议8日在北京开幕", "金砖国家领导人厦门会晤圆满闭幕": a summit opening, held or closing at a place is
     * hosted by that place's country.
     */
    private static void hostedAtPlace(Analysis a, int i, List<Candidate> out) {
        Matcher m = Rule.matcher(HELD, a, i);
        while (m.find()) {
            int verb = m.start(1);
            Mention organisation = null;
            Mention place = null;
            for (Mention x : a.mentions(i)) {
                if (x.end() > verb) {
                    break;
                }
                if (x.isOrganisation() && a.organisations.holdsSummits(i, x) && verb - x.end() <= 40) {
                    organisation = x;
                    place = null;
                } else if (organisation != null && x.isPlace()) {
                    place = x;
                }
            }
            if (organisation == null || place == null || a.plans.planned(i, verb)
                    || !SUMMIT_NOUN.matcher(a.text.substring(organisation.start(), verb)).find()) {
                continue;
            }
            Candidate c = Events.create(a, i, FactType.SUMMIT, List.of(place.code(), organisation.code()), verb, m.end(1));
            c.reason(0.20, "organisation " + Events.recognised(a, organisation));
            c.reason(0.0, "host " + place.code() + " from the venue " + a.original.substring(place.start(), place.end()));
            c.initiator = place.code();
            c.actor = place.code();
            c.organisation = organisation.code();
            c.location = a.original.substring(place.start(), place.end());
            c.locationCode = place.code();
            out.add(c);
        }
    }

    private static void attendance(Analysis a, int i, List<Candidate> out) {
        Matcher m = Rule.matcher(a.english ? EN : ZH, a, i);
        int previousEnd = a.sentence(i).start();
        boolean subjectOnly = MEETING_IN_SENTENCE.matcher(a.sentenceText(i)).find();
        while (m.find()) {
            boolean hosting = m.group(2) != null;
            int from = previousEnd;
            String organisation = a.organisations.of(i, m.start());
            if (organisation == null || !a.plans.planned(i, m.start()) && !refersToSummit(a, i, m, hosting)) {
                continue; // "A, B and C, whose country joined the bloc in January, also took part": the list runs on past "joined"
            }
            previousEnd = m.end();
            if (!a.plans.planned(i, m.start()) && attendeesDescribed(a, i, m, organisation, out)) {
                continue;
            }
            if (a.plans.planned(i, m.start()) || sidelineMeeting(a, i, m)
                    || (subjectOnly && insideMeetingObject(a, i, m.start())) || onDeparture(a, i, m.start())) {
                continue;
            }
            if (accompanyingDelegation(a, i, from, m)) {
                continue;
            }
            Set<String> attendees = new LinkedHashSet<>();
            Set<String> chairedBy = new LinkedHashSet<>();
            Set<String> namedAfter = including(a, i, m.end());
            if (passiveHosting(a, i, m)) {
                Mention chair = a.parties.first(i, m.end(), Math.min(a.sentence(i).end(), m.end() + 40));
                if (chair != null) {
                    attendees.add(chair.code());
                    chairedBy.add(chair.code());
                }
            } else if (subjectOnly) {
                addIfKnown(attendees, a.subjects.of(i, m.start()));
            } else if (passive(a, i, m)) {
                a.parties.in(i, m.end(), listEnd(a, i, m.end())).forEach(p -> attendees.add(p.code()));
            } else {
                a.parties.in(i, from, m.start()).forEach(p -> attendees.add(p.code()));
                if (hosting && m.group().equalsIgnoreCase("welcomed")) { // "welcomed A, B and C to the plenary": the guests
                    int to = a.text.indexOf(" to the ", m.end());
                    a.parties.in(i, m.end(), to < 0 ? a.sentence(i).end() : Math.min(to, a.sentence(i).end())).forEach(p -> attendees.add(p.code()));
                } else if (hosting) {
                    attendees.addAll(leadersListedAfter(a, i, m.end()));
                }
                if (attendees.isEmpty() && namedAfter.isEmpty()) { // "…首脑出席了论坛,其中包括A、B": those named
                    addIfKnown(attendees, a.subjects.of(i, m.start()));
                }
            }
            attendees.addAll(namedAfter);
            Set<String> hosts = !chairedBy.isEmpty() ? chairedBy : hosting ? Set.copyOf(a.parties.in(i, from, m.start()).stream().map(Mention::code).toList()) : chairs(a, i, from, m.start());
            for (String country : attendees) {
                if (!COUNTRIES.contains(country)) {
                    continue; // the summit's own organisation, or another's head ("联合国秘书长也应邀出席"): no party attends
                }
                Candidate c = Events.create(a, i, FactType.SUMMIT, List.of(country, organisation), m.start(), m.end());
                organisationReason(a, i, c, organisation);
                Mention named = a.parties.in(i, a.sentence(i).start(), a.sentence(i).end()).stream()
                        .filter(p -> p.code().equals(country)).findFirst().orElse(null);
                if (named != null) {
                    c.reason(0.10, "attendee " + Events.recognised(a, named));
                } else {
                    c.reason(0.05, "attendee " + country + " carried over as subject from an earlier sentence");
                }
                c.initiator = hosts.contains(country) ? country : null;
                c.actor = country;
                c.organisation = organisation;
                Events.locate(a, i, c, m.start());
                Events.addPersons(a, i, c, country, from, m.start());
                out.add(c);
            }
        }
    }

    private static void organisationReason(Analysis a, int i, Candidate c, String organisation) {
        Mention named = a.mentions(i).stream().filter(x -> x.isOrganisation() && x.code().equals(organisation)).findFirst().orElse(null);
        if (named != null) {
            c.reason(0.20, "organisation " + Events.recognised(a, named));
        } else {
            c.reason(0.10, "organisation " + organisation + " from an earlier sentence");
        }
    }

    /** "会见来华…出席峰会的普京": attendance told of the person met, in a relative clause, not of the subject. */
    private static boolean insideMeetingObject(Analysis a, int i, int verb) {
        return MEETING_IN_SENTENCE.matcher(a.text.substring(a.clauses.start(i, verb), verb)).find();
    }

    /** "离开北京,赴印尼出席…": leaving to attend a summit is not attending it yet. */
    private static boolean onDeparture(Analysis a, int i, int verb) {
        return DEPARTURE.matcher(a.sentenceText(i)).find()
                && GOING_TO.matcher(a.text.substring(a.clauses.start(i, verb), verb)).find();
    }

    private static void addIfKnown(Set<String> attendees, String code) {
        if (code != null) {
            attendees.add(code);
        }
    }

    /**
     * "丁薛祥、杨洁篪、王毅、何立峰等参加。": officials of one country listed as taking part, with no organisation named in the
     * sentence, accompany their leader at the meeting just told; a summit's attendees come from several countries.
     */
    private static boolean accompanyingDelegation(Analysis a, int i, int from, Matcher m) {
        if (a.mentions(i).stream().anyMatch(Mention::isOrganisation)) {
            return false;
        }
        List<Mention> listed = a.parties.in(i, from, m.start());
        long persons = listed.stream().filter(p -> p.kind() == Mention.Kind.PERSON).count();
        return persons >= 2 && listed.stream().map(Mention::code).distinct().count() == 1;
    }

    private static boolean passive(Analysis a, int i, Matcher m) {
        return PASSIVE_ATTENDANCE.matcher(a.text.substring(m.start(), Math.min(a.sentence(i).end(), m.end() + 3))).find();
    }

    /**
     * "…29位外国元首和政府首脑出席,其中包括A、B和C", "attended by 20 leaders, including A and B", "attended the summit
     * alongside A and B": the attendees named after.
     */
    private static final Pattern INCLUDING = Pattern.compile(
            "(?i)^[^,;。]{0,12}[,，]\\s*(?:其中)?包括|^[^,;。]{0,40}?,?\\s*\\b(?:including|alongside|along with|together with)\\b");

    private static Set<String> including(Analysis a, int i, int from) {
        Matcher m = INCLUDING.matcher(a.text).region(from, a.sentence(i).end());
        Set<String> codes = new LinkedHashSet<>();
        if (m.lookingAt()) {
            a.parties.in(i, m.end(), listEnd(a, i, m.end())).forEach(p -> codes.add(p.code()));
        }
        return codes;
    }

    /** "会见了出席会议的埃及外长舒克里和刚果（布）外长加科索": those described as attending are attendees, whoever met them. */
    private static final Pattern ATTENDING_RELATIVE = Pattern.compile("^(?:了)?(?:本次|此次|本届)?(?:会议|会晤|峰会|论坛|大会)的(?!还|有|包括)");

    private static boolean attendeesDescribed(Analysis a, int i, Matcher m, String organisation, List<Candidate> out) {
        if (!m.group().equals("出席") || !ATTENDING_RELATIVE.matcher(a.text).region(m.end(), a.sentence(i).end()).lookingAt()) {
            return false;
        }
        int end = a.clauses.end(i, m.end());
        boolean described = false;
        for (Mention p : a.parties.in(i, m.end(), end)) {
            if (COUNTRIES.contains(p.code())) {
                described = true;
                Candidate c = Events.create(a, i, FactType.SUMMIT, List.of(p.code(), organisation), m.start(), m.end());
                organisationReason(a, i, c, organisation);
                c.reason(0.10, "attendee described as attending: " + Events.recognised(a, p));
                c.actor = p.code();
                c.organisation = organisation;
                Events.addPersons(a, i, c, p.code(), m.end(), end);
                out.add(c);
            }
        }
        return described; // "欢迎出席峰会的中亚五国元首": none named, the sentence is read as any other
    }

    private static boolean passiveHosting(Analysis a, int i, Matcher m) {
        return PASSIVE_HOSTING.matcher(a.text.substring(m.start(), Math.min(a.sentence(i).end(), m.end() + 3))).find();
    }

    private static int listEnd(Analysis a, int i, int from) {
        Matcher end = LIST_END.matcher(a.text).region(from, a.sentence(i).end());
        return end.find() ? end.start() : a.sentence(i).end();
    }

    /**
     * "The delegation of the State of Qatar is headed at this summit by its prime minister", "the UAE delegation is led
     * by…", "Oman was represented by…": a state attends the summit the sentence names through its delegation.
     */
    private static void delegations(Analysis a, int i, List<Candidate> out) {
        Matcher summit = Rule.matcher(SUMMIT_NOUN, a, i);
        boolean named = summit.find();
        boolean represented = REPRESENTED_BY.matcher(a.sentenceText(i)).find();
        int at = named ? summit.start() : a.sentence(i).start();
        if (!a.english || !(named || represented) || !HEADED.matcher(a.sentenceText(i)).find() || a.plans.planned(i, at)) {
            return;
        }
        String organisation = named ? a.organisations.of(i, summit.start()) : a.organisations.last(i); // "China was represented by…": the report's summit
        if (organisation == null) {
            return;
        }
        for (Mention p : a.parties.in(i, a.sentence(i).start(), a.sentence(i).end())) {
            String before = a.text.substring(Math.max(a.sentence(i).start(), p.start() - 60), p.start());
            String after = a.text.substring(p.end(), Math.min(a.sentence(i).end(), p.end() + 40));
            boolean gapped = represented && GAPPED_REPRESENTATION.matcher(after).lookingAt();
            if (p.code().equals(organisation) || !(DELEGATION_OF.matcher(before).find() || DELEGATION_AFTER.matcher(after).find() || gapped)) {
                continue;
            }
            Candidate c = Events.create(a, i, FactType.SUMMIT, List.of(p.code(), organisation), p.start(), "delegation of " + p.code() + " at the summit");
            organisationReason(a, i, c, organisation);
            c.reason(0.10, "attendee " + Events.recognised(a, p) + " through its delegation");
            c.actor = p.code();
            c.organisation = organisation;
            Events.locate(a, i, c, at);
            Events.addPersons(a, i, c, p.code(), p.start(), a.clauses.end(i, p.end()));
            out.add(c);
        }
    }

    /** The verb must concern a summit: a summit noun or an organisation right after it, or "峰会期间". */
    /** "在利马举行APEC峰会场边会晤": what is held is a meeting beside the summit, not the summit. */
    private static final Pattern SIDELINE_MEETING = Pattern.compile("^[^,;。]{0,20}?(?:场边|边上|期间)(?:的)?(?:双边)?(?:会晤|会见|会谈)");

    /** "在维尔纽斯北约峰会期间举行会晤": an encounter during the summit, which alone states no attendance. */
    private static final Pattern ENCOUNTER_DURING = Pattern.compile("^[^,;。]{0,12}?(?:会晤|会见|会谈|会面|见面)");

    private static boolean sidelineMeeting(Analysis a, int i, Matcher m) {
        String after = a.text.substring(m.end(), a.sentence(i).end());
        return m.group(2) != null && SIDELINE_MEETING.matcher(after).find() || m.group().endsWith("期间") && ENCOUNTER_DURING.matcher(after).find();
    }

    private static boolean refersToSummit(Analysis a, int i, Matcher m, boolean hosting) {
        if (m.group().endsWith("期间")) {
            return true;
        }
        String after = a.text.substring(m.end(), Math.min(a.sentence(i).end(), m.end() + (a.english ? 60 : 40)));
        boolean organisationAfter = a.mentions(i).stream()
                .anyMatch(x -> x.isOrganisation() && x.start() >= m.end() && x.start() - m.end() <= (hosting ? 12 : 40));
        if (hosting && passiveHosting(a, i, m)) { // "the summit began in Riyadh, chaired by…": named before the verb
            return SUMMIT_NOUN.matcher(a.text.substring(a.sentence(i).start(), m.start())).find();
        }
        if (hosting) {
            // "举行会晤/会谈" is bilateral: only a chair's verb takes a bare summit noun ("主持会议")
            if (m.group().matches("(?is),\\s*the .* host|holds? .*|welcomed")) {
                return true; // "X, the summit host,", "whose country holds CELAC's rotating presidency", "welcomed A and B to the plenary"
            }
            return organisationAfter || m.group().matches("主持|主办|hosted|chaired|(?:is|was) hosting|hosting") && HOSTED_NOUN.matcher(after).find();
        }
        if (NEEDS_SUMMIT_NOUN.matcher(m.group()).matches()) {
            return SUMMIT_NOUN.matcher(after).find();
        }
        boolean appositive = m.group().equalsIgnoreCase("attending") && after.startsWith(",") // "Erdogan, also attending, said"
                || after.matches("(?is)^\\s*as an? (?:observer|invitee|guest)\\b.*"); // "whose country attended as an invitee"
        if (organisationAfter || SUMMIT_NOUN.matcher(after).find() || m.group().matches("(?i)represented.*|among.*|led .*") || appositive) {
            return true; // "Li Qiang and Lavrov represented their countries", "led his country's delegation": at the summit of the report
        }
        if (passive(a, i, m)) { // "the summit, attended by …", "The meeting was attended by …": named before the attendees
            return SUMMIT_NOUN.matcher(a.text.substring(a.sentence(i).start(), m.end())).find()
                    || MEETING_NOUN.matcher(a.text.substring(a.sentence(i).start(), m.end())).find();
        }
        // "…主持会议,A、B、C领导人出席。": attending, with nothing named after, the meeting named before in the sentence
        // or, when the verb ends the sentence, in an earlier one (the caller found its organisation)
        String before = a.text.substring(a.sentence(i).start(), m.start());
        return after.matches("(?s)^\\s*(?:(?:并|and )[^,;。.]{0,12})?(?:[。.,;].*)?$") && SUMMIT_NOUN.matcher(before).find()
                || after.matches("(?s)^\\s*(?:as (?:an? )?(?:observer|guest|special guest)s?\\s*|in person|virtually|remotely|online|by video(?: link)?)?[。.]?\\s*$")
                || !a.english && after.startsWith(","); // "A、B与会，C派出代表团出席": attending, the clause ends
    }

    /** "…举行对话会,金砖国家和埃及、墨西哥领导人共商…": the guests listed after the host's verb. */
    private static Set<String> leadersListedAfter(Analysis a, int i, int from) {
        Set<String> codes = new LinkedHashSet<>();
        List<Mention> parties = a.parties.in(i, from, a.sentence(i).end());
        for (int k = 0; k < parties.size(); k++) {
            Mention last = parties.get(k);
            if (LEADERS_AFTER.matcher(a.text.substring(last.end(), a.sentence(i).end())).find()) {
                for (int j = k; j >= 0 && (j == k || parties.get(j + 1).start() - parties.get(j).end() <= 2); j--) {
                    codes.add(parties.get(j).code());
                }
            }
        }
        return codes;
    }

    /** "轮值主席国哈萨克斯坦总统托卡耶夫主持会议": chairs named as such. */
    private static Set<String> chairs(Analysis a, int i, int from, int to) {
        Set<String> codes = new LinkedHashSet<>();
        for (Mention p : a.parties.in(i, from, to)) {
            if (CHAIR_BEFORE.matcher(a.text.substring(Math.max(a.sentence(i).start(), p.start() - 6), p.start())).find()) {
                codes.add(p.code());
            }
        }
        return codes;
    }
}
