package io.communique.extract;

import io.communique.extract.DateResolver.Found;
import io.communique.extract.SentenceSplitter.Sentence;
import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a fact's date is decided, from the date expressions {@link DateResolver} found in each sentence: the dates a
 * sentence carries from its paragraph and report, which expression governs a trigger, which years are background and
 * which expressions date no event (an anniversary's origin, the start of a period), the rule named in the provenance,
 * and how mentions of one event combine their dates.
 */
final class EventDates {
    private final Analysis a;
    /** per sentence: the last date written earlier in its paragraph, which a sentence without a date inherits */
    private final List<Dated> paragraphDates = new ArrayList<>();
    /** per sentence: the last date written anywhere before it (else the dateline's), the fallback of the paragraph's */
    private final List<Dated> documentDates = new ArrayList<>();

    /** A date with the rule that gave it (the provenance's dateRule); both null when there is none. */
    record Dated(String date, String rule) {
        static final Dated NONE = new Dated(null, null);

        /** The same date, found earlier in the paragraph or report ("paragraph: absolute"). */
        Dated carried(String where) {
            return date == null ? NONE : new Dated(date, where + ": " + rule);
        }
    }

    /** The dates of a report whose sentences' date expressions are found ({@link SentenceFacts#dates}). */
    EventDates(Analysis a) {
        this.a = a;
        Dated paragraphDate = Dated.NONE;
        // an event no sentence dates takes the dateline's day, never the bare published date: that is when the
        // report was published, not necessarily when anything happened
        Dated carriedDate = a.ref.datelineDate() == null ? Dated.NONE : new Dated(a.ref.datelineDate(), "dateline");
        int paragraph = -1;
        for (int i = 0; i < a.sentences.size(); i++) {
            Sentence s = a.sentence(i);
            if (s.paragraph() != paragraph) {
                paragraph = s.paragraph();
                paragraphDate = Dated.NONE;
            }
            paragraphDates.add(paragraphDate);
            documentDates.add(carriedDate);
            for (Found f : a.dates(i)) {
                if (f.date() != null) {
                    paragraphDate = new Dated(f.date(), f.rule()).carried("paragraph");
                    if (a.ref.year() == null || f.year() == null || f.year().equals(a.ref.year())) { // a background date ("signed in 1974") dates its paragraph only
                        carriedDate = new Dated(f.date(), f.rule()).carried("report");
                    }
                }
            }
        }
    }

    /** Dates the candidate of the trigger at position of sentence i: its date, end of range, carried date, background year. */
    void date(Candidate c, int i, int trigger) {
        Found date = dateFor(i, trigger);
        Dated dated = eventDate(i, date);
        c.date = dated.date();
        c.dateRule = dated.rule();
        if (date != null && c.date != null && c.date.equals(date.date())) {
            c.endDate = date.endDate();
        }
        // "去年11月,两国元首举行会晤", "met last November": a month without a day dates nothing, not even by the report's day
        boolean monthOnly = date != null && date.date() == null && date.rule().equals(DateResolver.MONTH_OR_YEAR);
        Dated carried = monthOnly ? Dated.NONE : documentDates.get(i);
        c.carriedDate = carried.date();
        c.carriedDateRule = carried.rule();
        c.backgroundYear = backgroundYear(i, trigger);
        c.sameDayAsTheEventBefore = date != null && date.date() != null && SAME_DAY_AS_BEFORE.matcher(date.rule()).find()
                && a.text.substring(a.sentence(i).start(), date.start()).isBlank(); // "同日，…" opening the sentence
        c.afterAnEncounter = (date == null || c.date == null || c.dateRule.startsWith("paragraph:"))
                && AFTER_AN_ENCOUNTER.matcher(a.text.substring(a.sentence(i).start(), trigger)).find();
    }

    /** "会谈后，两国元首共同见证签署…", "After the talks, the two leaders witnessed the signing of…". */
    private static final Pattern AFTER_AN_ENCOUNTER = Pattern.compile(
            "^[^,;。]{0,8}?(?:会谈|会见|会晤)(?:结束)?(?:后|之后)|(?i)^\\s*(?:After|Following) (?:the|their|these) (?:[a-z-]+ ){0,2}(?:talks|meetings?)\\b");

    /**
     * The date of a trigger: its governing date expression's; when there is none (or a relative one that could not
     * be resolved), the date carried from earlier in the paragraph. Month- or year-only expressions give null.
     */
    private Dated eventDate(int i, Found f) {
        if (f == null || (f.date() == null && f.rule().startsWith(DateResolver.RELATIVE_RULE))) {
            return paragraphDates.get(i);
        }
        return new Dated(f.date(), f.date() == null ? null : f.rule());
    }

    /**
     * The date expression that governs a trigger: the nearest one before it in the sentence, else one shortly after
     * it in the same clause ("held talks on Friday").
     */
    private Found dateFor(int i, int position) {
        Found best = null;
        Found ofARelativeClause = null;
        for (Found f : a.dates(i)) {
            if (startOfAPeriod(i, f) && !framesTheTrigger(i, f, position)) {
                continue; // "since 2012", "1991年…以来": no date of the event
            }
            if (inRelativeClauseBefore(i, f, position)) {
                ofARelativeClause = f; // "X, who arrived on Sunday, held talks on Monday": Monday's, unless none is said
                continue;
            }
            if (f.start() < position) {
                best = f;
            } else if ((best == null || (inDateline(best) || best.date() == null) && f.date() != null)
                    && f.start() - position < (a.english ? 100 : 40) && f.start() < a.clauses.end(i, position)) {
                return f; // "KATHMANDU, May 10 -- … signed on Thursday": the day of the event, not of the report
            }
        }
        return best != null ? best : ofARelativeClause;
    }

    private static final Pattern RELATIVE_CLAUSE_OPENS = Pattern.compile(",\\s+(?:who|which)\\s+[^,;]*$");

    /** "Trudeau, who landed on Monday, met Lopez Obrador": a date of a relative clause that closes before the trigger. */
    private boolean inRelativeClauseBefore(int i, Found f, int position) {
        if (!a.english || f.start() >= position) {
            return false;
        }
        int closes = a.text.indexOf(',', f.end());
        return closes >= 0 && closes < position && RELATIVE_CLAUSE_OPENS.matcher(a.text.substring(a.sentence(i).start(), f.start())).find();
    }

    private static final Pattern DATELINE_END = Pattern.compile("^\\s*(?:\\(\\w+\\)\\s*)?(?:--|—|-|电|\\.\\s*/)");

    /** Whether a date expression is the report's dateline ("KATHMANDU, May 10 --", "新华社北京2月4日电"). */
    private boolean inDateline(Found f) {
        return f.start() < 80 && DATELINE_END.matcher(a.text.substring(f.end(), Math.min(a.text.length(), f.end() + 12))).find();
    }

    /** An explicit year other than the report's, governing the trigger: the event is background. */
    private Integer backgroundYear(int i, int position) {
        Integer year = null;
        for (Found f : a.dates(i)) {
            if (f.year() != null && (f.start() < position || year == null) && !anniversaryOrigin(i, f)
                    && (!startOfAPeriod(i, f) || framesTheTrigger(i, f, position))) {
                year = f.year();
            }
        }
        return year != null && !year.equals(a.ref.year()) ? year : null;
    }

    private static final Pattern ANNIVERSARY = Pattern.compile("(?i)anniversary|周年");
    private static final Pattern SINCE_BEFORE_YEAR = Pattern.compile("(?i)\\bsince\\b[^,.;]{0,30}$|自[^,;。]{0,6}$");
    private static final Pattern SINCE_AFTER_YEAR = Pattern.compile("^[^,;。]{0,12}以来");

    /** "the first time … since taking power in 2012", "成为1991年乌克兰独立以来首位…": where a period began, not the event. */
    private boolean startOfAPeriod(int i, Found f) {
        return a.text.substring(f.start(), f.end()).startsWith("since") // the expression "since 2012" itself
                || SINCE_BEFORE_YEAR.matcher(a.text.substring(a.sentence(i).start(), f.start())).find()
                || SINCE_AFTER_YEAR.matcher(a.text.substring(f.end(), a.sentence(i).end())).find();
    }

    private static final Pattern SINCE_AFTER_TRIGGER = Pattern.compile("^[^,;。]{2,4}?(?:以来|之后|后)"); // the trigger word, then 以来

    /** "自去年4月在雅加达会面以来": the period begins with the event of the trigger, so its date is that event's. */
    private boolean framesTheTrigger(int i, Found f, int position) {
        return position > f.end() && position - f.end() <= 20 && a.text.substring(f.end(), position).matches("[^,;。]*")
                && SINCE_AFTER_TRIGGER.matcher(a.text.substring(position, a.sentence(i).end())).find();
    }

    /** "the visit coincides with the 70th anniversary of ties (December 30, 1955–2025)": when ties began, not the event. */
    private boolean anniversaryOrigin(int i, Found f) {
        return ANNIVERSARY.matcher(a.text.substring(a.sentence(i).start(), f.start())).find();
    }

    /** The date the fact reports, with its rule: the stated one, else the carried one (unless the event is background). */
    static Dated reported(Candidate c) {
        return c.date != null || c.backgroundYear != null ? new Dated(c.date, c.dateRule) : new Dated(c.carriedDate, c.carriedDateRule);
    }

    /** Whether two mentions' dates allow them to be one event: the same background year; for all but visits, no two days. */
    static boolean compatible(Candidate c, Candidate that) {
        return java.util.Objects.equals(c.backgroundYear, that.backgroundYear)
                && (c.type == FactType.VISIT || c.date == null || that.date == null || c.date.equals(that.date));
    }

    /** Completes the dates of an event with a later mention's. */
    static void absorb(Candidate c, Candidate that) {
        boolean earlier = c.type == FactType.VISIT && c.date != null && that.date != null && that.date.compareTo(c.date) < 0;
        if (earlier || c.date == null) { // a visit is dated by its earliest stated day
            c.date = that.date;
            c.dateRule = that.dateRule;
        }
        c.endDate = c.endDate != null ? c.endDate : that.endDate;
        if (c.carriedDate == null) {
            c.carriedDate = that.carriedDate;
            c.carriedDateRule = that.carriedDateRule;
        }
    }

    /**
     * What a report tells as done after an encounter it does not date itself ("会谈后，两国元首共同见证签署…") takes the day of
     * the latest encounter of its parties told before it: a report dated the next day still dates the signing right.
     */
    static void dateByTheEncounterBefore(List<Candidate> events) {
        for (Candidate c : events) {
            if (!c.afterAnEncounter || c.backgroundYear != null) {
                continue;
            }
            events.stream()
                    .filter(e -> (e.type == FactType.TALKS || e.type == FactType.MEETING) && e.sentence <= c.sentence && e != c
                            && e.participants.equals(c.participants) && onADayOfItsOwnTime(e))
                    .reduce((first, second) -> second)
                    .ifPresent(e -> takeTheDayOf(e, c, "the encounter it follows"));
        }
    }

    /** An event of the report's own time dated to a day of a known year: one whose day another event may take. */
    private static boolean onADayOfItsOwnTime(Candidate e) {
        return e.backgroundYear == null && e.date != null && !e.date.startsWith("--");
    }

    private static void takeTheDayOf(Candidate source, Candidate c, String why) {
        c.date = source.date;
        c.dateRule = why + ": " + source.dateRule;
    }

    private static final Pattern SAME_DAY_AS_BEFORE = Pattern.compile("relative:(?:同日|当天|当日|同一天|the same day) to previous date");

    /**
     * "同日，总理A会见了B", opening its sentence, tells of the day of the event told before, not of the last date written before, which may be an
     * arrival ("苏林于18日抵达广州") or a past visit recalled: such events take the day of the latest dated event, visits
     * and background aside, of an earlier sentence.
     */
    static void dateSameDayByTheEventBefore(List<Candidate> events) {
        for (Candidate c : events) {
            if (!c.sameDayAsTheEventBefore || c.dateRule == null || !SAME_DAY_AS_BEFORE.matcher(c.dateRule).find() || c.backgroundYear != null) {
                continue;
            }
            events.stream()
                    .filter(e -> e.sentence < c.sentence && e.type != FactType.VISIT && onADayOfItsOwnTime(e))
                    .reduce((first, second) -> second.sentence >= first.sentence ? second : first)
                    .ifPresent(e -> takeTheDayOf(e, c, "the day of the event told before"));
        }
    }

    /**
     * A visit the text does not date takes the day of its earliest dated activity between the same two countries
     * (talks, a meeting, a signing): "本南感谢中国政府对他访华给予的热情款待" after "朱镕基今天…与本南举行会谈".
     */
    static void dateVisitsByTheirActivities(List<Candidate> events) {
        for (Candidate visit : events) {
            if (visit.type != FactType.VISIT || reported(visit).date() != null || visit.backgroundYear != null) {
                continue;
            }
            events.stream()
                    .filter(e -> e != visit && e.type != FactType.VISIT && e.participants.equals(visit.participants) && onADayOfItsOwnTime(e))
                    .map(e -> e.date).min(String::compareTo)
                    .ifPresent(day -> {
                        visit.date = day;
                        visit.dateRule = "earliest dated activity of the visit";
                    });
        }
    }
}
