package io.communique.extract;

import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VISIT: "A对B进行国事访问", "A访华", "来华进行工作访问的A", "A visited B", "A is on a state visit to B",
 * "arrived in B on a visit", "during his stay in B". The destination is the host; the visitor, the initiator, is the other party.
 */
final class VisitRule implements Rule {
    private static final Pattern ZH = Pattern.compile("互访|访问|访华|出访|到访|来访(?=的)|访(?=[俄美日韩朝印德法英越泰菲澳土伊埃蒙哈葡沙新巴柬缅])|踏足");
    private static final Pattern EN = Pattern.compile(
            "(?i)\\bvisit(?:s|ed|ing)?\\b|\\btrip to\\b|\\btour of\\b|\\btrave(?:l|ll)ed to\\b|\\bflew to\\b|(?<=\\b(?:his|her|their) )stay(?= in\\b)");
    /** Travelling to a summit is not visiting its host ("flew to Hamburg for the G20 summit"). */
    private static final Pattern TRAVEL = Pattern.compile("(?i)trave(?:l|ll)ed to|flew to");
    private static final Pattern SUMMIT_NOUN = Pattern.compile("(?i)\\bsummit|\\bforum\\b|峰会|论坛");
    /** "Macron hosted Russian President Putin at Versailles": hosting a visitor is the visit. */
    private static final Pattern HOSTED = Pattern.compile("(?i)\\b(?:hosted|welcomed)\\s+(?:the\\s+)?(?:visiting\\s+)?");
    /** "welcomed A and B to the plenary session": guests of a meeting, not visitors of a country. */
    private static final Pattern TO_A_MEETING = Pattern.compile("(?i)\\bto the (?:[\\w-]+ ){0,2}(?:summit|plenary|session|gathering|conference|meeting)\\b");
    /** "welcomed Japanese Prime Minister Abe to the White House": welcoming someone is hosting only with "to" a place. */
    private static final Pattern WELCOMED_TO = Pattern.compile("(?i)^[^,;.]{0,60}?\\bto\\b");
    /** "对俄罗斯、德国进行国事访问": the destinations sit between 对 and 进行. */
    private static final Pattern ZH_TOWARDS = Pattern.compile("对([^,;对]{1,30}?)(?:进行|展开|开始|的)[^,;]{0,12}$");
    private static final Pattern ZH_ARRIVAL = Pattern.compile("(?:抵达|飞抵|到达|来到|来|赴|前往|访问|出访|踏足|到访)$");
    private static final Pattern EN_DESTINATION = Pattern.compile("(?i)(?:\\bto|\\bvisited|\\bin|\\bof)\\s+(?:the\\s+)?$");
    private static final Pattern EN_ARRIVAL = Pattern.compile("(?i)\\b(?:arrived|arrives|arriving|landed) (?:here |in |at )?$");
    private static final Pattern VISITING = Pattern.compile("(?i)visiting");
    /** "President Ramaphosa is in Beijing for a state visit": the place the visitor is in, then the visit. */
    private static final Pattern EN_HERE_FOR_VISIT = Pattern.compile("(?i)\\s*,?\\s*(?:on|for) (?:a|an|his|her|their|the)\\b[^.;,]{0,25}?\\bvisit");
    private static final Pattern EN_BEING_IN = Pattern.compile("(?i)\\b(?:is|are|was|were|arrived|arrives|landed) (?:now |currently )?in (?:the )?$");
    private static final Pattern VISITING_DESCRIPTION = Pattern.compile(
            "^\\s+(?:dignitary|leader|statesman|president|premier|prime minister|guest|delegation|head of state|monarch|king)\\b");
    /** "is visiting India": the verb, not the adjective of "received visiting President X". */
    private static final Pattern PROGRESSIVE = Pattern.compile("(?i)\\b(?:is|are|was|were|be|been)\\s+$");
    private static final Pattern INVITED = Pattern.compile("(?i)邀请|欢迎|迎接|invitation|invited|welcome");

    @Override
    public void apply(Analysis a, int i, List<Candidate> out) {
        Matcher m = Rule.matcher(a.english ? EN : ZH, a, i);
        if (a.english) {
            hostedVisitors(a, i, out);
            appraisedVisits(a, i, out);
            namedVisits(a, i, out);
        }
        arrivals(a, i, out);
        while (m.find()) {
            if (a.plans.planned(i, m.start()) || Rule.countedOccasions(a, i, m.start())
                    || TRAVEL.matcher(m.group()).matches() && SUMMIT_NOUN.matcher(a.sentenceText(i)).find()) {
                continue;
            }
            if (m.group().equals("互访")) {
                mutualVisits(a, i, m, out);
                continue;
            }
            if (a.english && VISITING.matcher(m.group()).matches() && visitorsNamedAfterOf(a, i, m, out)) {
                continue;
            }
            List<Mention> destinations = destinations(a, i, m.start(), m.end());
            Mention visitor = visitor(a, i, m, destinations);
            String carried = visitor == null ? carriedVisitor(a, i, destinations) : null;
            String visitorCode = visitor != null ? visitor.code() : carried;
            if (destinations.isEmpty() && visitorCode != null) {
                // "Visiting Somali President …", "来访的": the visitor is named, the host is the context's other party;
                // "In Brunei, Modi held talks … during the first visit by an Indian prime minister to the Sultanate": the country set in
                Mention setIn = a.places.frontedCountry(i);
                String host = setIn != null && !setIn.code().equals(visitorCode) ? setIn.code() : a.parties.partnerOf(visitorCode, i);
                if (host != null) {
                    Candidate c = add(a, i, m, visitorCode, host, null, null, out);
                    visitorReason(a, c, visitor);
                    c.reason(-0.05, "host " + host + " completed from context");
                    c.weak = !attributive(a, m);
                }
            }
            for (Mention destination : destinations) {
                String v = visitorCode != null ? visitorCode : a.parties.partnerOf(destination.code(), i);
                if (v != null && !v.equals(destination.code())) {
                    boolean named = destination.end() - destination.start() > 1;
                    Candidate c = add(a, i, m, v, destination.code(),
                            named ? a.original.substring(destination.start(), destination.end()) : null, destination.code(), out);
                    c.reason(0.25, "destination: host " + Events.recognised(a, destination));
                    if (visitorCode != null) {
                        visitorReason(a, c, visitor);
                    } else {
                        c.reason(-0.15, "visitor " + v + " completed from context");
                    }
                }
            }
        }
        if (a.english) {
            visitInThePlaceNamed(a, i, out);
        }
    }

    /** "Macron hosted Russian President Vladimir Putin at Versailles": the host is the subject, the visitor the object. */
    private void hostedVisitors(Analysis a, int i, List<Candidate> out) {
        Matcher hosted = Rule.matcher(HOSTED, a, i);
        while (hosted.find()) {
            Mention guest = a.parties.first(i, hosted.end(), Math.min(a.sentence(i).end(), hosted.end() + 30));
            Mention host = a.subjects.mentionOf(i, hosted.start());
            String after = a.text.substring(hosted.end(), Math.min(a.sentence(i).end(), hosted.end() + 60));
            boolean welcomed = hosted.group().toLowerCase(java.util.Locale.ROOT).startsWith("welcomed");
            if (guest == null || guest.start() != hosted.end() || host == null || host.code().equals(guest.code())
                    || SUMMIT_NOUN.matcher(after).find() || TO_A_MEETING.matcher(a.text.substring(hosted.end(), a.sentence(i).end())).find()
                    || a.plans.planned(i, hosted.start())
                    || welcomed && !WELCOMED_TO.matcher(a.text.substring(guest.end(), a.sentence(i).end())).find()
                    && !A_VISIT.matcher(a.text.substring(guest.end(), a.sentence(i).end())).find()) {
                continue;
            }
            Candidate c = add(a, i, hosted, guest.code(), host.code(), null, null, out);
            c.reason(0.15, "visitor " + Events.recognised(a, guest) + " hosted by " + Events.recognised(a, host));
        }
    }

    /** "Subianto hailed the Vietnamese leader's visit", "thanked Lula for his visit": the host appraises a visit made. */
    private static final Pattern APPRAISED_VISIT = Pattern.compile(
            "(?i)\\b(?:hailed|welcomed|praised|lauded|appreciated|thanked)\\b[^.;]{0,60}?['’]s (?:state |official |working )?visit\\b"
                    + "|\\bthanked\\b[^.;]{0,50}?\\bfor (?:his|her|their|the) (?:state |official |working )?visit\\b");

    private void appraisedVisits(Analysis a, int i, List<Candidate> out) {
        Matcher m = Rule.matcher(APPRAISED_VISIT, a, i);
        while (m.find()) {
            Mention host = a.subjects.mentionOf(i, m.start());
            Mention named = a.parties.first(i, m.start(), m.end());
            String visitor = named != null ? named.code() : host == null ? null : a.parties.partnerOf(host.code(), i);
            if (host == null || visitor == null || visitor.equals(host.code()) || a.plans.planned(i, m.start())) {
                continue;
            }
            Candidate c = add(a, i, m, visitor, host.code(), null, null, out);
            c.reason(0.10, "visit by " + visitor + " appraised by its host " + Events.recognised(a, host));
        }
    }

    /**
     * A visit named as a thing the visitor has: "Merkel's visit had been postponed", "on the Australian leg of a four-nation
     * tour", "Abe began the tour in the Philippines". The host is the country named with it, else the report's other party.
     */
    private static final Pattern POSSESSED_VISIT = Pattern.compile("(?i)['’]s (?:(?:state|official|working|first|two-day|three-day|four-day|brief) )*(?:visit|trip)\\b");
    private static final Pattern LEG_OF_TOUR = Pattern.compile("(?i)\\bleg of (?:a|his|her|the|their) (?:[\\w-]+ ){0,2}(?:tour|trip|visit)\\b");
    private static final Pattern BEGAN_TOUR_IN = Pattern.compile("(?i)\\b(?:began|started|ended|concluded|wrapped up) (?:the|his|her|a|their) (?:[\\w-]+ ){0,2}(?:tour|trip|visit) in (?:the )?"
            + "|\\b(?:The|His|Her) (?:[\\w-]+ ){0,2}(?:tour|trip) (?:began|started|ended|opened) (?:on [A-Z][a-z]+ |earlier |last week )?in (?:the )?");
    /** "a Central Asian tour that took him to Turkmenistan and Kazakhstan", "the crown prince's Asian tour, which took him to A and B". */
    private static final Pattern TOUR_TOOK_TO = Pattern.compile("(?i)\\b(?:tour|trip)\\b[^.;,]{0,30}?,? (?:that|which) (?:also |earlier |first |previously )?(?:has )?(?:also )?(?:took|taken|takes) (?:him|her|them) to\\b");
    private static final Pattern POSSESSOR_OF_TOUR = Pattern.compile("(?i)['’]s (?:[\\w-]+ ){0,3}(?:tour|trip)\\b");

    private void namedVisits(Analysis a, int i, List<Candidate> out) {
        Matcher possessed = Rule.matcher(POSSESSED_VISIT, a, i);
        while (possessed.find()) {
            int at = possessed.start();
            Mention visitor = a.mentions(i).stream().filter(m -> m.end() == at && m.isParty()).findFirst().orElse(null);
            Mention destination = placeAfterIn(a, i, possessed.end());
            String host = destination != null ? destination.code() : visitor == null ? null : a.parties.partnerOf(visitor.code(), i);
            if (visitor != null && host != null && !host.equals(visitor.code()) && !a.plans.planned(i, at)) {
                Candidate c = add(a, i, possessed, visitor.code(), host, null, null, out);
                c.reason(0.10, "the visit of " + Events.recognised(a, visitor));
            }
        }
        Matcher leg = Rule.matcher(LEG_OF_TOUR, a, i);
        while (leg.find()) {
            int at = leg.start();
            Mention host = a.mentions(i).stream().filter(m -> m.end() < at && at - m.end() <= 2 && m.isParty()).findFirst().orElse(null);
            String visitor = a.subjects.of(i, host == null ? at : host.start());
            if (host != null && visitor != null && !visitor.equals(host.code()) && !a.plans.planned(i, at)) {
                Candidate c = add(a, i, leg, visitor, host.code(), null, null, out);
                c.reason(0.15, "the " + Events.recognised(a, host) + " leg of a tour");
            }
        }
        toursTakenTo(a, i, out);
        Matcher began = Rule.matcher(BEGAN_TOUR_IN, a, i);
        while (began.find()) {
            int end = began.end();
            Mention place = a.mentions(i).stream().filter(m -> m.start() == end && m.kind() != Mention.Kind.ORGANISATION).findFirst().orElse(null);
            String visitor = a.subjects.of(i, began.start());
            if (place != null && visitor != null && !visitor.equals(place.code()) && !a.plans.planned(i, began.start())) {
                Candidate c = add(a, i, began, visitor, place.code(), a.original.substring(place.start(), place.end()), place.code(), out);
                c.reason(0.15, "a tour begun or ended in " + Events.recognised(a, place));
            }
        }
    }

    /** Every country a tour "took him to", visited by the tour's owner ("X's tour") or else the sentence's subject. */
    private void toursTakenTo(Analysis a, int i, List<Candidate> out) {
        Matcher took = Rule.matcher(TOUR_TOOK_TO, a, i);
        if (!took.find() || a.plans.planned(i, took.start())) {
            return;
        }
        Matcher possessive = POSSESSOR_OF_TOUR.matcher(a.text).region(a.sentence(i).start(), took.end());
        int ownerEnd = possessive.find() ? possessive.start() : -1;
        Mention owner = ownerEnd < 0 ? null : a.mentions(i).stream()
                .filter(m -> m.isParty() && m.end() <= ownerEnd && ownerEnd - m.end() <= 30).reduce((first, second) -> second).orElse(null);
        String visitorSoFar = out.stream().filter(c -> c.type == FactType.VISIT && c.initiator != null).reduce((x, y) -> y).map(c -> c.initiator).orElse(null);
        // "the crown prince's tour": the visitor told of so far, when the owner is no party
        String visitor = owner != null ? owner.code() : ownerEnd >= 0 && visitorSoFar != null ? visitorSoFar : a.subjects.of(i, took.start());
        int listEnd = a.clauses.end(i, took.end());
        for (Mention host : a.mentions(i).stream().filter(m -> m.isParty() && m.start() >= took.end() && m.end() <= listEnd).toList()) {
            if (visitor != null && !host.code().equals(visitor)) {
                Candidate c = add(a, i, took, visitor, host.code(), null, null, out);
                c.reason(0.10, "a stop of the tour of " + visitor + ": " + Events.recognised(a, host));
            }
        }
    }

    private static final Pattern MEETING_NOUN = Pattern.compile("(?i)\\bmeetings?\\b|会议|会晤");

    /** A summit, or an organisation's meeting ("for the APEC meeting"). */
    private static boolean forSummit(Analysis a, int s) {
        return SUMMIT_NOUN.matcher(a.sentenceText(s)).find()
                || a.mentions(s).stream().anyMatch(Mention::isOrganisation) && MEETING_NOUN.matcher(a.sentenceText(s)).find();
    }

    /**
     * "Xi attended the parade in Moscow …, capping a four-day state visit": a visit named without its destination, by
     * someone the sentence places in another country; only when no other rule found the visit of the sentence.
     */
    private static void visitInThePlaceNamed(Analysis a, int i, List<Candidate> out) {
        Matcher nominal = Rule.matcher(A_VISIT, a, i);
        if (!nominal.find() || out.stream().anyMatch(c -> c.sentence == i && c.type == FactType.VISIT && !c.weak) || forSummit(a, i)
                || a.plans.planned(i, nominal.start())) {
            return;
        }
        Mention place = a.mentions(i).stream().filter(m -> m.isPlace() && m.end() <= nominal.start()
                && a.text.substring(Math.max(a.sentence(i).start(), m.start() - 4), m.start()).matches("(?s).*\\b(?:in|at) ")).findFirst().orElse(null);
        String visitor = a.subjects.of(i, nominal.start());
        if (place == null || visitor == null || visitor.equals(place.code())) {
            return;
        }
        Candidate c = Events.create(a, i, FactType.VISIT, List.of(visitor, place.code()), nominal.start(), nominal.end());
        c.initiator = visitor;
        c.actor = visitor;
        c.location = a.original.substring(place.start(), place.end());
        c.locationCode = place.code();
        c.reason(0.05, "a visit by " + visitor + ", who is in " + Events.recognised(a, place));
        out.add(c);
    }

    /** "…, at the start of a visit", "for a two-day visit": the sentence calls the stay a visit. */
    private static final Pattern A_VISIT = Pattern.compile("(?i)\\b(?:an?|his|her|their) (?:[\\w-]+ ){0,2}(?:visit|trip)\\b");

    /** "习近平乘专机抵达布达佩斯": arriving in a country or its capital, as in English. */
    private static final Pattern ZH_ARRIVED_IN = Pattern.compile("(?:抵达|飞抵|到达)");
    private static final Pattern EN_ARRIVED_IN = Pattern.compile("(?i)\\b(?:arrived|arrives|landed|touched down) in (?:the )?|\\b(?:jetted|flew) into (?:the )?");

    /**
     * "As PM Modi arrived in Sri Lanka, he was accorded a ceremonial welcome": arriving in a country or its capital is
     * visiting it, unless the trip is for a summit (this sentence or the next names one) — decision 9 of the corpus notes.
     */
    private void arrivals(Analysis a, int i, List<Candidate> out) {
        Matcher arrived = Rule.matcher(a.english ? EN_ARRIVED_IN : ZH_ARRIVED_IN, a, i);
        while (arrived.find()) {
            Mention place = a.mentions(i).stream().filter(m -> m.start() == arrived.end()).findFirst().orElse(null);
            boolean forAVisit = A_VISIT.matcher(a.text.substring(arrived.end(), a.sentence(i).end())).find();
            boolean country = place != null && (place.kind() == Mention.Kind.COUNTRY || place.kind() == Mention.Kind.CAPITAL
                    || place.kind() == Mention.Kind.CITY && forAVisit); // "arrived in Ahmedabad for a two-day visit"
            boolean summit = forSummit(a, i) || i + 1 < a.sentences.size() && forSummit(a, i + 1);
            String visitor = a.subjects.of(i, arrived.start());
            if (!country || summit || visitor == null || visitor.equals(place.code()) || a.plans.planned(i, arrived.start())) {
                continue;
            }
            Candidate c = add(a, i, arrived, visitor, place.code(), a.original.substring(place.start(), place.end()), place.code(), out);
            c.reason(0.15, "arrival in " + Events.recognised(a, place));
        }
    }

    /** "两国元首实现了互访": a visit each way between the two countries of the context. */
    private void mutualVisits(Analysis a, int i, Matcher trigger, List<Candidate> out) {
        List<Mention> named = a.parties.in(i, a.sentence(i).start(), trigger.start());
        String first = named.isEmpty() ? a.subjects.of(i, trigger.start()) : named.get(0).code();
        String second = named.stream().map(Mention::code).filter(code -> !code.equals(first)).findFirst()
                .orElseGet(() -> first == null ? null : a.parties.partnerOf(first, i));
        if (first == null || second == null) {
            return;
        }
        for (String[] visit : new String[][]{{first, second}, {second, first}}) {
            Candidate c = add(a, i, trigger, visit[0], visit[1], null, null, out);
            c.reason(0.10, "mutual visits (互访) between " + first + " and " + second);
        }
    }

    /** "received visiting X", "会见到访的X": the visit qualifies the visitor, so it is stated, not referred to. */
    private static boolean attributive(Analysis a, Matcher trigger) {
        return VISITING.matcher(trigger.group()).matches()
                || !a.english && a.text.startsWith("的", trigger.end()) && (trigger.group().equals("到访") || trigger.group().equals("来访"));
    }

    private static void visitorReason(Analysis a, Candidate c, Mention visitor) {
        if (visitor != null) {
            c.reason(0.15, "visitor " + Events.recognised(a, visitor));
        } else {
            c.reason(0.10, "visitor " + c.initiator + " carried over as subject from an earlier sentence");
        }
    }

    private Candidate add(Analysis a, int i, Matcher trigger, String visitor, String host, String location, String locationCode,
                          List<Candidate> out) {
        Candidate c = Events.create(a, i, FactType.VISIT, List.of(visitor, host), trigger.start(), trigger.end());
        c.initiator = visitor;
        c.actor = visitor;
        c.location = location;
        c.locationCode = locationCode;
        Events.addPersons(a, i, c, visitor, a.sentence(i).start(), a.sentence(i).end());
        if (!INVITED.matcher(a.sentenceText(i)).find()) {
            c.otherPersons.clear(); // the host is named as a person of the visit only as inviter or welcomer
        }
        out.add(c);
        return c;
    }

    /** The visited countries (as the mentions naming them): after 对…进行, after 访问/抵达/"visit to", or in 访华. */
    private static List<Mention> destinations(Analysis a, int i, int start, int end) {
        List<Mention> all = a.mentions(i);
        List<Mention> found = new ArrayList<>();
        int sentenceStart = a.sentence(i).start();
        Matcher towards = ZH_TOWARDS.matcher(a.text.substring(a.clauses.start(i, start), start));
        int towardsFrom = towards.find() ? a.clauses.start(i, start) + towards.start(1) : -1;
        int towardsTo = towardsFrom < 0 ? -1 : a.clauses.start(i, start) + towards.end(1);
        for (int k = 0; k < all.size(); k++) {
            Mention m = all.get(k);
            if (!m.isPlace() && m.kind() != Mention.Kind.COUNTRY) {
                continue;
            }
            String before = a.text.substring(Math.max(sentenceStart, m.start() - 10), m.start());
            boolean towardsList = m.start() >= towardsFrom && m.end() <= towardsTo;
            boolean justAfterTrigger = m.start() >= end && m.start() - end <= (a.english ? 30 : 2)
                    && (a.english ? EN_DESTINATION.matcher(before).find() : a.text.substring(end, m.start()).matches("了?"));
            boolean shortForm = m.start() == start + 1 && m.end() <= end; // 访华
            boolean arrival = m.end() <= start && (a.english ? EN_ARRIVAL : ZH_ARRIVAL).matcher(before).find()
                    || a.english && m.end() <= start && EN_HERE_FOR_VISIT.matcher(a.text.substring(m.end(), end)).matches()
                    && EN_BEING_IN.matcher(before).find();
            // "对X进行访问" names the destination outright; other cues count only without it
            boolean cue = towardsFrom >= 0 ? towardsList : justAfterTrigger || shortForm || arrival;
            boolean possessive = a.text.startsWith("'s", m.end()) || a.text.substring(m.start(), m.end()).endsWith("'s");
            if (cue && a.english && possessive) {
                // "a visit to Russia's air base in Syria": the owner is no destination, the place after "in" is
                Mention place = placeAfterIn(a, i, m.end());
                if (place == null) {
                    continue;
                }
                if (found.stream().noneMatch(f -> f.code().equals(place.code()))) {
                    found.add(place);
                }
                continue;
            }
            if (cue && found.stream().noneMatch(f -> f.code().equals(m.code()))) {
                found.add(m); // "抵达莫斯科…访问俄罗斯": one destination country named twice is one visit
            }
            Mention previous = k == 0 ? null : all.get(k - 1);
            if (!cue && previous != null && found.contains(previous) && listedAfter(a, previous, m)
                    && found.stream().noneMatch(f -> f.code().equals(m.code()))) {
                found.add(m); // "访问纳米比亚、刚果共和国、乍得和尼日利亚", "visited Egypt and Ghana": every country listed
            }
        }
        return found;
    }

    private static boolean listedAfter(Analysis a, Mention previous, Mention m) {
        return m.start() >= previous.end() && ListGlue.joins(a.text.substring(previous.end(), m.start()));
    }

    private static Mention placeAfterIn(Analysis a, int i, int from) {
        for (Mention m : a.mentions(i)) {
            if (m.start() > from && m.start() - from <= 60 && m.isPlace()
                    && a.text.substring(from, m.start()).matches("(?s)[^,;.]*\\bin\\s+(?:the\\s+)?")) {
                return m;
            }
        }
        return null;
    }

    /**
     * The visitor: the party right after "visiting" ("received visiting Kenyan President …"), else the first party of
     * the sentence that is not a destination, or null.
     */
    private static Mention visitor(Analysis a, int i, Matcher trigger, List<Mention> destinations) {
        String before = a.text.substring(Math.max(a.sentence(i).start(), trigger.start() - 8), trigger.start());
        if (!a.english && attributive(a, trigger)) { // "会见到访的中国外长王毅": the visitor follows 的
            Mention next = a.parties.first(i, trigger.end(), Math.min(a.sentence(i).end(), trigger.end() + 12));
            if (next != null && destinations.stream().noneMatch(d -> d.code().equals(next.code()))) {
                return next;
            }
        }
        if (VISITING.matcher(trigger.group()).matches() && !PROGRESSIVE.matcher(before).find()) {
            Mention next = a.parties.first(i, trigger.end(), Math.min(a.sentence(i).end(), trigger.end() + 30));
            boolean adjacent = next != null && a.text.substring(trigger.end(), next.start()).matches("\\s*(?:the\\s+)?");
            if (adjacent && destinations.stream().noneMatch(d -> d.code().equals(next.code()))) {
                return next;
            }
            if (VISITING_DESCRIPTION.matcher(a.text.substring(trigger.end(), Math.min(a.sentence(i).end(), trigger.end() + 20))).find()) {
                return null; // "the visiting dignitary met his Ghanaian counterpart": the visitor is the one told of before
            }
        }
        for (Mention m : a.parties.in(i, a.sentence(i).start(), a.sentence(i).end())) {
            if (destinations.stream().noneMatch(d -> d.code().equals(m.code()))) {
                return m;
            }
        }
        return null;
    }

    /** "held separate meetings with visiting Presidents of Ghana and Nigeria": the countries after "of" are the visitors. */
    private static final Pattern VISITING_OF = Pattern.compile("(?i)\\s+(?:[a-z-]+\\s+){0,3}of\\s+(?:the\\s+)?");
    private static final Pattern LIST_AFTER_OF = Pattern.compile("(?i)[\\s,]*(?:and\\s+)?(?:the\\s+)?");

    private boolean visitorsNamedAfterOf(Analysis a, int i, Matcher trigger, List<Candidate> out) {
        Matcher of = VISITING_OF.matcher(a.text).region(trigger.end(), a.sentence(i).end());
        if (!of.lookingAt()) {
            return false;
        }
        String host = a.subjects.of(i, trigger.start());
        List<Mention> visitors = new java.util.ArrayList<>();
        int at = of.end();
        for (Mention p : a.parties.in(i, of.end(), a.sentence(i).end())) {
            if (!LIST_AFTER_OF.matcher(a.text.substring(at, p.start())).matches()) {
                break;
            }
            visitors.add(p);
            at = p.end();
        }
        if (host == null || visitors.isEmpty() || a.plans.planned(i, trigger.start())) {
            return false;
        }
        for (Mention visitor : visitors) {
            if (!visitor.code().equals(host)) {
                Candidate c = add(a, i, trigger, visitor.code(), host, null, null, out);
                c.reason(0.15, "visitor " + Events.recognised(a, visitor) + " named after 'visiting … of'");
            }
        }
        return true;
    }

    /** Without a visitor in the sentence: the subject carried from before, unless it is a destination. */
    private static String carriedVisitor(Analysis a, int i, List<Mention> destinations) {
        String carried = a.subjects.of(i, a.sentence(i).start());
        return carried != null && destinations.stream().noneMatch(d -> d.code().equals(carried)) ? carried : null;
    }
}
