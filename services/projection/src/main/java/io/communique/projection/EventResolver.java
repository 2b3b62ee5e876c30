package io.communique.projection;

import io.communique.model.EventView;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which reports of the same parties are one real-world event: outlets in two languages call the same talks
 * "会谈" or "met", date them by the local day or the day after, with or without a year, and title the statement signed
 * there in their own language. A pure function of the set of reports: they are taken in a canonical order (full
 * dates first, by day, then reports without year, then undated ones, ties by fact id), so the same reports give the
 * same events whatever order they arrived in, and a re-extracted report moves to the event it now belongs to.
 *
 * <p>A report joins the event whose every report it agrees with (so events do not chain day by day), the one nearest
 * in date; when none agrees it starts an event. Two reports agree when:
 * <ul>
 *   <li>their types are of one family: talks and meetings are one encounter, signed statements and agreements one
 *       signing; visits, calls and summits are each their own (the talks held during a visit stay apart from it);</li>
 *   <li>their dates agree: full dates within a day (time zones; a day of a range counts), a date without year by
 *       its month and day (a day off only beside a report of its very day), an undated report only by its place (or
 *       a signed document's title), never by nothing;</li>
 *   <li>signed documents' titles agree where both have one: the same letters, or — in two scripts — the same kind of
 *       document by a small bilingual lexicon (联合声明 = joint statement);</li>
 *   <li>a visit's direction is the same where both give it;</li>
 *   <li>two reports of one document agree only on the same day: a report that names two encounters of one day
 *       repeats itself, one that names two days tells of two encounters.</li>
 * </ul>
 * A join that rests on weak evidence (no year, no date, a title only by its kind, a document untitled in one of the
 * reports) is made only when each of the two is the only one the other agrees with: a report of "2 April" joins the
 * only 2 April call of the pair, not one of the 2 April calls of two years. Last, an event that only undated reports
 * tell of joins the last event of its family before the day of the report that mentions it (see {@code recalled}).
 */
final class EventResolver {
    private EventResolver() {
    }

    /** One event: its id, its reports ordered by fact id, and why each but the first joined. */
    record Resolved(String id, List<Fact> reports, List<EventView.Join> joins) {
    }

    /**
     * The events of one set of parties' reports, ordered by id. First every report joins the event it agrees with
     * best on strong evidence, or starts one; then an event that weak evidence alone could join to another joins it
     * when each is the only one the other agrees with — decided once all events are known, so that a report of
     * "2 April" is not given to the first 2 April call of the pair before a second one appears, nor an English
     * "agreement" to one of two Chinese 协定 signed that day.
     */
    static List<Resolved> resolve(Collection<Fact> facts) {
        List<Event> events = new ArrayList<>();
        Index index = new Index();
        for (Report report : facts.stream().map(Report::of).sorted(CANONICAL).toList()) {
            Event best = null;
            Agreement bestAgreement = null;
            for (Event event : index.near(List.of(report), false)) {
                Agreement agreement = event.agreement(List.of(report));
                if (agreement != null && !agreement.weak()
                        && (bestAgreement == null || agreement.days() < bestAgreement.days())) {
                    best = event;
                    bestAgreement = agreement;
                }
            }
            if (best == null) {
                best = new Event(events.size(), report);
                events.add(best);
            } else {
                best.join(List.of(bestAgreement), List.of(report));
            }
            index.add(best, report);
        }
        for (Event tentative : List.copyOf(events)) {
            if (!tentative.weaklyDated()) {
                continue;
            }
            List<Event> others = index.agreeing(tentative);
            if (others.size() == 1 && index.agreeing(others.get(0)).equals(List.of(tentative))) {
                Event into = others.get(0);
                into.join(tentative, into.agreement(tentative.reports));
                index.move(tentative, into);
                events.remove(tentative);
            }
        }
        recalled(events);
        return events.stream().map(Event::resolved).sorted(Comparator.comparing(Resolved::id)).toList();
    }

    /** How far back a report's undated mention looks for the occasion it recalls: "last year", "last November". */
    static final int RECALL_DAYS = 400;

    /**
     * The last pass: an event that only undated reports tell of ("the two presidents met last November", "the
     * return visit for Yoon's March visit") joins the last event of its family before the day of the report that
     * mentions it — the latest day that report dates anything of these parties, standing for its publication date —
     * at least two days before (not the report's own occasion) and at most {@link #RECALL_DAYS} days, and in the
     * months and years the mention's sentence names without a day ("last November", "3月访日", "2022年"). An event that
     * contradicts the mention (type, direction, a title), names a place in the mention's script other than its
     * place, or does not name every person the mention names in their script, is passed over for the one before it;
     * of two events on the same last day, neither is chosen. When the mention's report also dates an occasion of its
     * kind on its day (which the mention may be, undated), a named month or year or the same place must say it is an
     * earlier one. Signed documents are not recalled: an undated document is mostly an old one ("reaffirmed the 1998
     * declaration"). A report that dates nothing of these parties has no day to count back from, and its mentions
     * stay apart; one that gives a day without year counts back from the event that day joined ("4月2日" of a call
     * dated 2 April 2024 by another outlet).
     */
    private static void recalled(List<Event> events) {
        Map<String, LocalDate> reportDays = new HashMap<>();
        Map<String, List<Map.Entry<Report, LocalDate>>> datedByDocument = new HashMap<>();
        Map<Family, TreeMap<Long, List<Event>>> dated = new HashMap<>();
        for (Event event : events) {
            LocalDate last = null;
            for (Report report : event.reports) {
                if (report.date().precision() == 0) {
                    reportDays.merge(report.fact().documentId(), report.date().end(),
                            (a, b) -> a.isAfter(b) ? a : b);
                    last = last == null || report.date().end().isAfter(last) ? report.date().end() : last;
                }
            }
            if (last != null) {
                for (Report report : event.reports) {
                    if (report.date().precision() == 1) { // a day without year, in the year of the event it joined
                        reportDays.merge(report.fact().documentId(), last, (a, b) -> a.isAfter(b) ? a : b);
                    }
                    if (report.date().precision() < 2) {
                        datedByDocument.computeIfAbsent(report.fact().documentId(), d -> new ArrayList<>())
                                .add(Map.entry(report, report.date().precision() == 0 ? report.date().end() : last));
                    }
                }
                dated.computeIfAbsent(Family.of(event.reports.get(0).fact().type()), f -> new TreeMap<>())
                        .computeIfAbsent(last.toEpochDay(), d -> new ArrayList<>()).add(event);
            }
        }
        for (Event mention : List.copyOf(events)) {
            Family family = Family.of(mention.reports.get(0).fact().type());
            if (family == Family.SIGNING || mention.reports.stream().anyMatch(report -> report.date().precision() != 2)) {
                continue;
            }
            LocalDate day = mention.reports.stream().map(report -> reportDays.get(report.fact().documentId()))
                    .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
            TreeMap<Long, List<Event>> byDay = dated.get(family);
            List<Period> periods = mention.reports.stream()
                    .map(report -> Period.of(report.fact().evidence() == null ? null : report.fact().evidence().text()))
                    .filter(Objects::nonNull).toList();
            if (day == null || byDay == null) {
                continue;
            }
            // The report also dates an occasion of this kind on its day, which the mention may be without its date
            // ("会谈中，双方…"): only a named month or year, or the same place, says it is an earlier one.
            boolean ownOccasion = mention.reports.stream().anyMatch(report ->
                    datedByDocument.getOrDefault(report.fact().documentId(), List.of()).stream().anyMatch(own ->
                            Family.of(own.getKey().fact().type()) == family && !own.getValue().isBefore(day.minusDays(1))
                                    && agree(own.getKey(), report) != null));
            boolean named = !periods.isEmpty();
            for (List<Event> sameDay : byDay.subMap(day.toEpochDay() - RECALL_DAYS, true, day.toEpochDay() - 2, true)
                    .descendingMap().values()) {
                List<Event> fitting = sameDay.stream()
                        .filter(event -> periods.stream().allMatch(event::within) && event.recalledBy(mention)
                                && (!ownOccasion || named || event.sharesPlace(mention))).toList();
                if (fitting.size() == 1) {
                    Event into = fitting.get(0);
                    into.join(mention, into.recall(mention, day));
                    events.remove(mention);
                }
                if (!fitting.isEmpty()) {
                    break;
                }
            }
        }
    }

    /**
     * Events by what finds them, so that a report is compared with the few events of its family near it, not with
     * every event of a busy pair: dated reports by each day of their span ("d:" epoch day, with a year) and its month
     * and day ("m:", so that a report without year meets every year's); every report by its place ("p:") and title
     * ("t:"), which undated reports look up; undated reports also as such ("up:", "ut:"), which dated ones look up.
     * Every key starts with the report's family.
     */
    private static final class Index {
        /** Longest span indexed day by day: longer ranges (a season-long exhibition) are found by their first days. */
        private static final int MAX_DAYS = 62;
        private final Map<String, Set<Event>> events = new HashMap<>();

        void add(Event event, Report report) {
            indexed(report).forEach(key -> events.computeIfAbsent(key, k -> new HashSet<>()).add(event));
        }

        void move(Event from, Event to) {
            for (Report report : from.reports) {
                indexed(report).forEach(key -> {
                    Set<Event> found = events.get(key);
                    found.remove(from);
                    found.add(to);
                });
            }
        }

        /**
         * The events that may agree with the reports, in the order they were made; with {@code weak}, also those
         * only a place or title can join (weak evidence, so not looked for in the first pass).
         */
        List<Event> near(List<Report> reports, boolean weak) {
            Set<Event> found = new HashSet<>();
            for (Report report : reports) {
                for (String key : lookedUp(report, weak)) {
                    found.addAll(events.getOrDefault(key, Set.of()));
                }
            }
            return found.stream().sorted(Comparator.comparingInt(Event::order)).toList();
        }

        /** The first two other events that agree with every report of this one: whether it is one is all that counts. */
        List<Event> agreeing(Event event) {
            return near(event.reports, true).stream()
                    .filter(other -> other != event && other.agreement(event.reports) != null).limit(2).toList();
        }

        private static List<String> indexed(Report report) {
            String family = Family.of(report.fact().type()).name();
            List<String> keys = days(report, 0, true);
            boolean undated = report.date().precision() == 2;
            if (report.place() != null) {
                keys.add(family + "p:" + report.place());
                if (undated) {
                    keys.add(family + "up:" + report.place());
                }
            }
            if (report.title() != null) {
                keys.add(family + "t:" + report.title());
                if (undated) {
                    keys.add(family + "ut:" + report.title());
                }
            }
            return keys;
        }

        /**
         * The keys a report looks up: in the first pass, only what can agree strongly (full dates with full dates,
         * days without year with days without year); in the second, also days of other years, places and titles.
         */
        private static List<String> lookedUp(Report report, boolean weak) {
            List<String> keys = days(report, 1, weak || report.date().precision() == 1);
            if (weak) {
                String prefix = Family.of(report.fact().type()).name() + (report.date().precision() == 2 ? "" : "u");
                if (report.place() != null) {
                    keys.add(prefix + "p:" + report.place());
                }
                if (report.title() != null) {
                    keys.add(prefix + "t:" + report.title());
                }
            }
            return keys;
        }

        /**
         * The "d:" keys of a report's span widened by {@code margin} days, and with {@code monthDays} its "m:" keys;
         * none when undated.
         */
        private static List<String> days(Report report, int margin, boolean monthDays) {
            List<String> keys = new ArrayList<>();
            When date = report.date();
            LocalDate[] span = date.precision() == 2 ? null : date.span(date.start() != null ? date.start().getYear() : 2000);
            if (span == null) {
                return keys;
            }
            String family = Family.of(report.fact().type()).name();
            LocalDate last = span[1].isAfter(span[0].plusDays(MAX_DAYS)) ? span[0].plusDays(MAX_DAYS) : span[1];
            for (LocalDate day = span[0].minusDays(margin); !day.isAfter(last.plusDays(margin)); day = day.plusDays(1)) {
                if (date.start() != null) {
                    keys.add(family + "d:" + day.toEpochDay());
                }
                if (monthDays) {
                    keys.add(family + "m:" + day.toString().substring(5));
                }
            }
            return keys;
        }
    }

    /** Full dates first, by day; then dates without year, by day; then undated; ties by fact id. */
    private static final Comparator<Report> CANONICAL = Comparator.comparingInt((Report report) -> report.date().precision())
            .thenComparing(report -> Objects.requireNonNullElse(report.fact().date(), ""))
            .thenComparing(report -> report.fact().id());

    /**
     * What a report agrees on with a report of an event it does not contradict, how many days apart they are,
     * whether that is weak evidence, and whether it is any evidence at all (an undated report without the other's
     * place is only not against it).
     */
    private record Agreement(Fact report, Fact with, List<String> agreed, long days, boolean weak, boolean positive) {
    }

    private static final class Event {
        private final int order;
        private final List<Report> reports = new ArrayList<>();
        private final List<EventView.Join> joins = new ArrayList<>();

        Event(int order, Report first) {
            this.order = order;
            reports.add(first);
        }

        /** Which event was made first: ties between equally near events go to it. */
        int order() {
            return order;
        }

        /**
         * The best agreement (nearest, then earliest) between the candidates and this event's reports; null when
         * any of them contradicts any report, or none agrees positively.
         */
        Agreement agreement(List<Report> candidates) {
            Agreement best = null;
            for (Report candidate : candidates) {
                for (Report report : reports) {
                    Agreement agreement = agree(report, candidate);
                    if (agreement == null) {
                        return null;
                    }
                    if (agreement.positive() && (best == null || agreement.days() < best.days())) {
                        best = agreement;
                    }
                }
            }
            return best;
        }

        /**
         * Whether only weak evidence could join it to another event: some report has no full date, or it is a
         * signing (whose title may be missing or in another language).
         */
        boolean weaklyDated() {
            return reports.stream().anyMatch(report -> report.date().precision() > 0
                    || Family.of(report.fact().type()) == Family.SIGNING);
        }

        /** Takes in a report, or another event's reports with their joins: one more join says why. */
        void join(List<Agreement> why, List<Report> joining) {
            reports.addAll(joining);
            why.forEach(agreement -> joins.add(new EventView.Join(agreement.report().id(), agreement.with().id(),
                    agreement.agreed())));
        }

        void join(Event other, Agreement why) {
            join(List.of(why), other.reports);
            joins.addAll(other.joins);
        }

        /**
         * Whether an undated mention can be this earlier event: no report contradicts it, no place in the mention's
         * script here differs from its place, and every person it names in a script this event names persons in is
         * named here too.
         */
        boolean recalledBy(Event mention) {
            for (Report report : mention.reports) {
                for (Report mine : reports) {
                    if (agree(mine, report) == null) {
                        return false;
                    }
                }
                if (report.place() != null) {
                    Character.UnicodeScript script = script(report.place());
                    if (reports.stream().anyMatch(mine -> mine.place() != null && script(mine.place()) == script)
                            && reports.stream().noneMatch(mine -> report.place().equals(mine.place()))) {
                        return false;
                    }
                }
                for (Name person : report.persons()) {
                    boolean namedInScript = false;
                    boolean found = false;
                    for (Report mine : reports) {
                        for (Name name : mine.persons()) {
                            if (name.script() == person.script()) {
                                namedInScript = true;
                                found |= name.same(person);
                            }
                        }
                    }
                    if (namedInScript && !found) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Whether a report of the mention names the place a report of this event names. */
        boolean sharesPlace(Event mention) {
            return mention.reports.stream().anyMatch(report -> report.place() != null
                    && reports.stream().anyMatch(mine -> report.place().equals(mine.place())));
        }

        /** Whether some full date of this event falls in the months and years a mention names. */
        boolean within(Period period) {
            return reports.stream().filter(report -> report.date().precision() == 0)
                    .anyMatch(report -> period.touches(report.date().start(), report.date().end()));
        }

        /** Why a mention recalled this event: its day, and the type, place and persons where they agree. */
        Agreement recall(Event mention, LocalDate day) {
            Report report = mention.reports.get(0);
            Report with = reports.stream().filter(mine -> mine.fact().type() == report.fact().type()).findFirst()
                    .orElse(reports.get(0));
            List<String> agreed = new ArrayList<>(List.of("parties",
                    with.fact().type() == report.fact().type() ? "type" : "type family",
                    "last before the report's day " + day));
            if (report.place() != null && reports.stream().anyMatch(mine -> report.place().equals(mine.place()))) {
                agreed.add("location");
            }
            if (report.persons().stream().anyMatch(person -> reports.stream()
                    .anyMatch(mine -> mine.persons().stream().anyMatch(name -> name.script() == person.script()
                            && name.same(person))))) {
                agreed.add("persons");
            }
            return new Agreement(report.fact(), with.fact(), agreed, Long.MAX_VALUE, true, true);
        }

        /** Named after its first report in the canonical order: the same reports give the same id. */
        Resolved resolved() {
            Report first = reports.stream().min(CANONICAL).orElseThrow();
            return new Resolved(Ids.sha256Hex("event|" + first.fact().id()).substring(0, 32),
                    reports.stream().map(Report::fact).sorted(Comparator.comparing(Fact::id)).toList(),
                    joins.stream().sorted(Comparator.comparing(EventView.Join::report)
                            .thenComparing(EventView.Join::with)).toList());
        }
    }

    /** Whether two reports can be one event, and on what they agree; null when they contradict each other. */
    private static Agreement agree(Report a, Report b) {
        Family family = Family.of(a.fact().type());
        if (family != Family.of(b.fact().type())) {
            return null;
        }
        if (family == Family.VISIT && a.fact().initiator() != null && b.fact().initiator() != null
                && !a.fact().initiator().equals(b.fact().initiator())) {
            return null;
        }
        List<String> agreed = new ArrayList<>();
        agreed.add("parties");
        agreed.add(a.fact().type() == b.fact().type() ? "type" : "type family");
        boolean weak = false;
        boolean positive = false;
        if (family == Family.SIGNING) {
            TitleAgreement title = TitleAgreement.of(a, b);
            if (title == TitleAgreement.DIFFERENT) {
                return null;
            }
            weak = title != TitleAgreement.SAME;
            positive = title == TitleAgreement.SAME;
            if (title.label(a, b) != null) {
                agreed.add(title.label(a, b));
            }
        }
        boolean samePlace = a.place() != null && a.place().equals(b.place());
        boolean sameDocument = a.fact().documentId().equals(b.fact().documentId());
        Long apart = a.date().daysApart(b.date());
        long days = apart == null ? Long.MAX_VALUE : apart;
        if (sameDocument && apart != null) {
            if (!a.fact().date().equals(b.fact().date())) {
                return null; // one report, two days: two encounters
            }
            agreed.add("same report, same day");
            positive = true;
        } else if (sameDocument && samePlace) {
            agreed.add("same report, same place"); // the report refers back to its event without its date
            weak = positive = true;
        } else if (apart != null) {
            if (apart > 1) {
                return null;
            }
            agreed.add(a.date().label(b.date(), apart));
            weak |= a.date().precision() != b.date().precision();
            // A day without year one day off is the day before or after in any year: no evidence on its own, only
            // beside a report of its very day (a call on New Year's Eve, dated by either side's day).
            positive |= a.date().precision() == b.date().precision() || apart == 0;
        } else {
            weak = true; // undated: only a place or a title tells, and only where one event alone has it
            positive |= samePlace;
        }
        if (samePlace && !sameDocument) {
            agreed.add("location");
        }
        return new Agreement(b.fact(), a.fact(), agreed, days, weak, positive);
    }

    /** Types that outlets use for the same occasion. */
    private enum Family {
        ENCOUNTER, SIGNING, VISIT, PHONE_CALL, SUMMIT;

        static Family of(FactType type) {
            return switch (type) {
                case TALKS, MEETING -> ENCOUNTER;
                case STATEMENT_SIGNED, AGREEMENT_SIGNED -> SIGNING;
                case VISIT -> VISIT;
                case PHONE_CALL -> PHONE_CALL;
                case SUMMIT -> SUMMIT;
            };
        }
    }

    /** A report with what the rules compare, read once. */
    private record Report(Fact fact, When date, String place, String title, List<Name> persons) {
        static Report of(Fact fact) {
            return new Report(fact, When.of(fact.date(), fact.endDate()), normalised(fact.location()),
                    normalised(fact.title()), fact.persons().stream().map(Name::of).toList());
        }
    }

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /**
     * The years and months (without a day) a mention's sentence names — "their 2018 meeting", "last November",
     * "3月访日", "去年十一月" — which the occasion it recalls must fall in: empty sets name none.
     */
    record Period(Set<Integer> years, Set<Integer> months) {
        private static final Pattern YEAR = Pattern.compile("(?<![0-9])(1[89][0-9]{2}|20[0-9]{2})(?![0-9])");
        private static final Pattern CHINESE_MONTH = Pattern.compile(
                "(?<![0-9一二三四五六七八九十])([0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?![0-9一二三四五六七八九十]+[日号號])");
        private static final Pattern ENGLISH_MONTH = Pattern.compile(
                "(?<![0-9] )\\b(January|February|March|April|May|June|July|August|September|October|November|December"
                        + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\b\\.?+(?! ?[0-9]{1,2}\\b)");
        private static final List<String> ENGLISH = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
                "sep", "oct", "nov", "dec");
        private static final String CHINESE = "一二三四五六七八九十";

        /** The period a sentence names; null when it names none. */
        static Period of(String sentence) {
            if (sentence == null) {
                return null;
            }
            Set<Integer> years = new TreeSet<>(), months = new TreeSet<>();
            YEAR.matcher(sentence).results().forEach(year -> years.add(Integer.parseInt(year.group(1))));
            CHINESE_MONTH.matcher(sentence).results().forEach(month -> {
                String number = month.group(1);
                int value = Character.isDigit(number.charAt(0)) ? Integer.parseInt(number)
                        : number.length() == 1 ? CHINESE.indexOf(number) + 1 : 10 + CHINESE.indexOf(number.charAt(1)) + 1;
                if (value >= 1 && value <= 12) {
                    months.add(value);
                }
            });
            ENGLISH_MONTH.matcher(sentence).results().forEach(month ->
                    months.add(ENGLISH.indexOf(month.group(1).substring(0, 3).toLowerCase(Locale.ROOT)) + 1));
            return years.isEmpty() && months.isEmpty() ? null : new Period(years, months);
        }

        /** Whether a span of days falls partly in the period. */
        boolean touches(LocalDate start, LocalDate end) {
            for (LocalDate day = start.withDayOfMonth(1); !day.isAfter(end); day = day.plusMonths(1)) {
                if ((years.isEmpty() || years.contains(day.getYear()))
                        && (months.isEmpty() || months.contains(day.getMonthValue()))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The script of a name's first letter: names and places are compared only within one script. */
    private static Character.UnicodeScript script(String text) {
        return text.codePoints().filter(Character::isLetter).mapToObj(Character.UnicodeScript::of).findFirst()
                .orElse(Character.UnicodeScript.COMMON);
    }

    /**
     * A person's name as written, read once: its script, its letters and its words. Two names of one script are one
     * person when, in Chinese, one contains the other (岸田 in 岸田文雄) or, in Latin letters, they share a word of two
     * letters or more ("Xi" in "Xi Jinping", "Biden" in "Joe Biden").
     */
    private record Name(Character.UnicodeScript script, String letters, Set<String> words) {
        static Name of(String name) {
            String lower = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
            Set<String> words = new HashSet<>();
            for (String word : NOT_WORD.split(lower)) {
                if (word.length() >= 2) {
                    words.add(word);
                }
            }
            return new Name(EventResolver.script(lower), NOT_WORD.matcher(lower).replaceAll(""), words);
        }

        boolean same(Name other) {
            if (script == Character.UnicodeScript.HAN) {
                return letters.length() >= 2 && other.letters.length() >= 2
                        && (letters.contains(other.letters) || other.letters.contains(letters));
            }
            return words.stream().anyMatch(other.words::contains);
        }
    }

    /** NFKC, lower case, letters and digits only: quotes, 《》 and spacing differ freely; null for none. */
    private static String normalised(String text) {
        if (text == null) {
            return null;
        }
        String normal = NOT_WORD.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
        return normal.isEmpty() ? null : normal;
    }

    /**
     * A report's date as far as it knows it: a day or range with year, a month and day without, or nothing.
     * Precision orders them: 0 full, 1 without year, 2 undated.
     */
    private record When(LocalDate start, LocalDate end, String monthDay, String endMonthDay) {
        static When of(String date, String endDate) {
            if (date == null) {
                return new When(null, null, null, null);
            }
            if (date.startsWith("--")) {
                return new When(null, null, date.substring(2), endDate != null && endDate.startsWith("--") ? endDate.substring(2) : null);
            }
            LocalDate start = LocalDate.parse(date);
            LocalDate end = endDate == null || endDate.startsWith("--") ? start : LocalDate.parse(endDate);
            return new When(start, end.isBefore(start) ? start : end, null, null);
        }

        int precision() {
            return start != null ? 0 : monthDay != null ? 1 : 2;
        }

        /** Days between the two dates' spans (0 when they overlap), or null when either is undated. */
        Long daysApart(When other) {
            if (precision() == 2 || other.precision() == 2) {
                return null;
            }
            if (start != null && other.start != null) {
                return gap(start, end, other.start, other.end);
            }
            // Without a year on one side: the month and day, placed in the other's year (or any leap year).
            int year = start != null ? start.getYear() : other.start != null ? other.start.getYear() : 2000;
            LocalDate[] mine = span(year), theirs = other.span(year);
            if (mine == null || theirs == null) {
                return Long.MAX_VALUE;
            }
            return Math.min(gap(mine[0], mine[1], theirs[0], theirs[1]),
                    Math.min(gap(mine[0].minusYears(1), mine[1].minusYears(1), theirs[0], theirs[1]),
                            gap(mine[0].plusYears(1), mine[1].plusYears(1), theirs[0], theirs[1]))); // 31 Dec and 1 Jan
        }

        private LocalDate[] span(int year) {
            if (start != null) {
                return new LocalDate[]{start.withYear(year), end.withYear(year).isBefore(start.withYear(year))
                        ? start.withYear(year) : end.withYear(year)};
            }
            try {
                LocalDate from = LocalDate.parse(year + "-" + monthDay);
                LocalDate to = endMonthDay == null ? from : LocalDate.parse(year + "-" + endMonthDay);
                return new LocalDate[]{from, to.isBefore(from) ? from : to};
            } catch (DateTimeException e) {
                return null; // 29 February in a year without it
            }
        }

        private static long gap(LocalDate start, LocalDate end, LocalDate otherStart, LocalDate otherEnd) {
            if (end.isBefore(otherStart)) {
                return ChronoUnit.DAYS.between(end, otherStart);
            }
            if (otherEnd.isBefore(start)) {
                return ChronoUnit.DAYS.between(otherEnd, start);
            }
            return 0;
        }

        String label(When other, long apart) {
            if (precision() != other.precision()) {
                return apart == 0 ? "day without year" : "day without year ±1";
            }
            if (apart == 1) {
                return "date ±1 day";
            }
            return Objects.equals(start, other.start) && Objects.equals(monthDay, other.monthDay) ? "date" : "date in range";
        }
    }

    /** How two signed documents' titles compare. */
    private enum TitleAgreement {
        SAME, SAME_KIND, UNTITLED, DIFFERENT;

        /**
         * Kinds of signed document and how each language names them, most specific first: a "joint statement on
         * an agreement" is a statement.
         */
        private static final List<Map.Entry<String, List<String>>> KINDS = List.of(
                Map.entry("joint statement", List.of("联合声明", "聯合聲明", "jointstatement")),
                Map.entry("joint declaration", List.of("联合宣言", "聯合宣言", "共同宣言", "jointdeclaration")),
                Map.entry("joint communiqué", List.of("联合公报", "聯合公報", "jointcommuniqué", "jointcommunique")),
                Map.entry("declaration", List.of("宣言", "declaration")),
                Map.entry("memorandum", List.of("备忘录", "備忘錄", "memorandum")),
                Map.entry("action plan", List.of("行动计划", "行動計劃", "行動計畫", "actionplan")),
                Map.entry("treaty", List.of("条约", "條約", "treaty")),
                Map.entry("agreement", List.of("协定", "协议", "協定", "協議", "agreement")));

        /**
         * The kinds that translations render as one another: one outlet's 联合公报 is another's "joint statement",
         * and a 宣言 a "declaration" or "joint declaration".
         */
        private static final Set<String> JOINT_TEXTS = Set.of("joint statement", "joint declaration",
                "joint communiqué", "declaration");

        static TitleAgreement of(Report a, Report b) {
            if (a.title() == null || b.title() == null) {
                return UNTITLED;
            }
            if (a.title().equals(b.title())) {
                return SAME;
            }
            String kind = kind(a.title()), other = kind(b.title());
            boolean sameKind = kind != null && other != null && (kind.equals(other)
                    || JOINT_TEXTS.contains(kind) && JOINT_TEXTS.contains(other));
            return sameKind && chinese(a.title()) != chinese(b.title()) ? SAME_KIND : DIFFERENT;
        }

        /** What the event view says they agreed on; null when the titles tell nothing. */
        String label(Report a, Report b) {
            return switch (this) {
                case SAME -> "title";
                case SAME_KIND -> "title kind: " + String.join(" = ",
                        new TreeSet<>(List.of(kind(a.title()), kind(b.title()))));
                case UNTITLED, DIFFERENT -> null;
            };
        }

        private static String kind(String title) {
            return KINDS.stream().filter(kind -> kind.getValue().stream().anyMatch(title::contains))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
        }

        private static boolean chinese(String title) {
            return title.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        }
    }
}
