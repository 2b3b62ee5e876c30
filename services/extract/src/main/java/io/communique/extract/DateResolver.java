package io.communique.extract;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in converted text and resolves them against the report's reference date (dateline, else published):
 * absolute dates and ranges ("7月3日至8日", "July 3-8"), day-only dates ("9日"), relative dates (昨天, 同日, 次日,
 * 周五, "on Saturday", "the next day"). Without a known year the result is "--MM-DD".
 */
final class DateResolver {

    /** The reference date of a report; any part may be unknown (null); dateline: whether the text states it. */
    record Ref(Integer year, Integer month, Integer day, boolean dateline) {
        LocalDate full() {
            return year == null || month == null || day == null ? null : LocalDate.of(year, month, day);
        }

        /** The dateline's day ("--MM-DD" without a known year), or null when the text has no dateline. */
        String datelineDate() {
            return !dateline ? null : year == null ? String.format("--%02d-%02d", month, day) : full().toString();
        }

        /** "YYYY-MM" for resolving office holders, or null. */
        String yearMonth() {
            int m = month == null ? 6 : month;
            return year == null ? null : year + (m < 10 ? "-0" : "-") + m; // called per mention: no String.format
        }
    }

    /**
     * A date expression at [start, end): date and endDate formatted, null when not resolvable; year = an explicitly
     * written year (also for month- or year-only expressions), else null; rule = how it was resolved.
     */
    record Found(int start, int end, String date, String endDate, Integer year, String rule) {
    }

    private static final String MONTHS = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
            + "Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?";
    private static final Pattern ZH_DATE = Pattern.compile(
            "(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})[日号](?:(?:至|到|-|~)(?:(\\d{1,2})月)?(\\d{1,2})[日号])?");
    private static final Pattern ZH_DAY = Pattern.compile("(?<![\\d月])(\\d{1,2})[日号](?:(?:至|到|-)(\\d{1,2})[日号])?");
    private static final Pattern ZH_YEAR_MONTH = Pattern.compile("(\\d{4})年(?:(\\d{1,2})月)?|(?<!\\d)(\\d{1,2})月(?![\\d份])");
    private static final Pattern EN_DATE = Pattern.compile(
            "\\b(" + MONTHS + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?\\b(?:\\s*(?:-|to)\\s*(\\d{1,2})\\b)?(?:,? (\\d{4}))?"
                    + "|\\b(\\d{1,2}) (" + MONTHS + ")\\b(?:,? (\\d{4}))?");
    /** "去年11月", "last November", "in March", "last year": a month or a year without a day, resolved against the report. */
    private static final Pattern ZH_RELATIVE_MONTH = Pattern.compile("(去年|前年|今年)(?:(\\d{1,2})月)?");
    private static final Pattern ZH_DAY_AFTER_MONTH = Pattern.compile("(\\d{1,2})(?:日|号)");
    private static final Pattern EN_MONTH_ONLY = Pattern.compile(
            "\\b(?:(last|this|in|early|late|mid-?) )(January|February|March|April|June|July|August|September|October|November|December)\\b(?!\\.? \\d| (?:19|20)\\d{2})"
                    + "|\\b(last|this) (year|month)\\b");
    private static final Pattern EN_YEAR = Pattern.compile("\\b(?:in|since|of|year) (19\\d{2}|20\\d{2})\\b|\\b(" + MONTHS + ") (19\\d{2}|20\\d{2})\\b");
    private static final Pattern RELATIVE = Pattern.compile(
            "前天|昨天|昨日|今天|今日|同日|当天|当日|当晚|同一天|次日|翌日|第二天|(?:周|星期|礼拜)([一二三四五六日天])"
                    + "|(?i:\\b(yesterday|today|the same day|later that day|that evening|the next day|the following day|last (?:evening|night)"
                    + "|(?:on |this |last )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday))\\b)");
    /** "this Monday (2nd)", "meets today (23)": a weekday or today with its day of the month in brackets. */
    private static final Pattern EN_BRACKETED_DAY = Pattern.compile(
            "(?i)\\b(?:today|yesterday|(?:this |last |on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day) \\((\\d{1,2})(?:st|nd|rd|th)?\\)");
    /** A full month name ("May" left out: also a verb), the month of a bracketed day when there is no dateline. */
    private static final Pattern EN_MONTH_NAME = Pattern.compile(
            "\\b(January|February|March|April|June|July|August|September|October|November|December)\\b");
    /** "the November 20 election", "since May 3": a date that qualifies a noun or starts a period, not an event's. */
    private static final Pattern EN_NOT_EVENT_DATE = Pattern.compile("(?i)\\b(?:the|since)\\s+$");
    private static final Pattern SAME_DAY = Pattern.compile("同日|当天|当日|当晚|同一天|the same day|later that day|that evening");
    private static final Pattern NEXT_DAY = Pattern.compile("次日|翌日|第二天|the next day|the following day");
    private static final Pattern SAME_OR_NEXT_DAY = Pattern.compile(SAME_DAY.pattern() + "|" + NEXT_DAY.pattern());
    /** Rules of {@link Found}: the provenance's dateRule names them. */
    static final String RELATIVE_RULE = "relative:";
    static final String DAY_OF_MONTH = "day of the dateline's month";
    static final String DAY_OF_PREVIOUS_MONTH = "day of the previous date's month";
    static final String MONTH_OR_YEAR = "month or year only";
    private static final Pattern ZH_DATELINE = Pattern.compile("(\\d{1,2})月(\\d{1,2})日电");
    /** "中央社东京15日电", "（中央社新德里23日专电）", "（中央社东京17日综合外电报导）", on the report's first lines. */
    private static final Pattern ZH_DATELINE_DAY = Pattern.compile("(?m)^[^,，。;；\\n]{0,30}?(?<![\\d月])(\\d{1,2})日(?:专电|电|综合外电报导|综合报导|外电报导)");
    private static final Pattern EN_DATELINE = Pattern.compile("(?m)^[A-Z][A-Za-z .\\[\\]]{1,40}, (" + MONTHS + ")\\.? (\\d{1,2})\\b");

    /** The reference date: the dateline's month and day when there is one, with the published year. */
    static Ref reference(String text, String published) {
        Integer year = null, month = null, day = null;
        if (published != null && published.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
            year = Integer.parseInt(published.substring(0, 4));
            month = Integer.parseInt(published.substring(5, 7));
            day = Integer.parseInt(published.substring(8, 10));
        }
        String head = text.substring(0, Math.min(text.length(), 400));
        Matcher zh = ZH_DATELINE.matcher(head);
        Matcher en = EN_DATELINE.matcher(head);
        Integer lineMonth = null, lineDay = null;
        boolean dateline = false;
        Matcher zhDay = ZH_DATELINE_DAY.matcher(head);
        if (zh.find()) {
            lineMonth = Integer.parseInt(zh.group(1));
            lineDay = Integer.parseInt(zh.group(2));
        } else if (zhDay.find() && month != null) {
            // "中央社东京15日电": the day alone, in the published month or the one before
            lineDay = Integer.parseInt(zhDay.group(1));
            lineMonth = lineDay <= day ? month : month == 1 ? 12 : month - 1;
            if (lineMonth == 12 && month == 1) {
                year--;
            }
        } else if (en.find()) {
            lineMonth = month(en.group(1));
            lineDay = Integer.parseInt(en.group(2));
        }
        if (lineMonth != null && valid(2000, lineMonth, lineDay)) {
            if (year != null && month != null && lineMonth > month + 1) {
                year--;
            }
            month = lineMonth;
            day = lineDay;
            dateline = true;
        }
        return new Ref(year, month, day, dateline);
    }

    /** The date expressions in text[from, to), in order. lastDate: the latest date resolved before, for 同日/次日. */
    List<Found> find(String text, int from, int to, Ref ref, String lastDate) {
        List<Found> found = new ArrayList<>();
        Matcher m = ZH_DATE.matcher(text).region(from, to);
        while (m.find()) {
            Integer year = m.group(1) == null ? null : Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            String start = format(year, month, Integer.parseInt(m.group(3)), ref);
            String end = m.group(5) == null ? null
                    : format(year, m.group(4) == null ? month : Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), ref);
            found.add(new Found(m.start(), m.end(), start, end, year, writtenRule(year, end != null, ref)));
        }
        m = ZH_DAY.matcher(text).region(from, to);
        while (m.find()) {
            if (!overlaps(found, m.start())) {
                int day = Integer.parseInt(m.group(1));
                Integer endDay = m.group(2) == null ? null : Integer.parseInt(m.group(2));
                if (ref.month() != null) {
                    String start = dayOnly(day, ref);
                    String end = endDay == null || start == null ? null : dayOnly(endDay, ref);
                    found.add(new Found(m.start(), m.end(), start, end, null, DAY_OF_MONTH));
                } else {
                    // no dateline, no published date: "7月3日至4日…4日" is a day of the month last written
                    String previous = latestBefore(found, m.start(), lastDate);
                    String start = sameMonthFrom(previous, day);
                    String end = endDay == null || start == null ? null : sameMonthFrom(previous, endDay);
                    found.add(new Found(m.start(), m.end(), start, end, null, DAY_OF_PREVIOUS_MONTH));
                }
            }
        }
        m = EN_DATE.matcher(text).region(from, to);
        while (m.find()) {
            if (EN_NOT_EVENT_DATE.matcher(text.substring(Math.max(0, m.start() - 6), m.start())).find()) {
                continue;
            }
            boolean monthFirst = m.group(1) != null;
            int month = month(monthFirst ? m.group(1) : m.group(6));
            int day = Integer.parseInt(monthFirst ? m.group(2) : m.group(5));
            String yearText = monthFirst ? m.group(4) : m.group(7);
            Integer year = yearText == null ? null : Integer.parseInt(yearText);
            String end = monthFirst && m.group(3) != null ? format(year, month, Integer.parseInt(m.group(3)), ref) : null;
            found.add(new Found(m.start(), m.end(), format(year, month, day, ref), end, year, writtenRule(year, end != null, ref)));
        }
        for (Pattern yearOnly : List.of(ZH_YEAR_MONTH, EN_YEAR)) {
            m = yearOnly.matcher(text).region(from, to);
            while (m.find()) {
                if (!overlaps(found, m.start())) {
                    String y = m.group(1) != null ? m.group(1) : m.groupCount() >= 3 && yearOnly == EN_YEAR ? m.group(3) : null;
                    found.add(new Found(m.start(), m.end(), null, null, y == null ? null : Integer.parseInt(y), MONTH_OR_YEAR));
                }
            }
        }
        Matcher relativeYear = ZH_RELATIVE_MONTH.matcher(text).region(from, to);
        while (relativeYear.find()) {
            if (ref.year() != null) {
                int back = relativeYear.group(1).equals("去年") ? 1 : relativeYear.group(1).equals("前年") ? 2 : 0;
                int start = relativeYear.start(), end = relativeYear.end();
                found.removeIf(f -> f.start() >= start && f.start() < end); // "去年11月": one expression
                Matcher day = ZH_DAY_AFTER_MONTH.matcher(text).region(end, to);
                if (relativeYear.group(2) != null && day.lookingAt()) { // "去年7月5日": a full date a year back
                    int year = ref.year() - back;
                    found.add(new Found(start, day.end(), format(year, Integer.parseInt(relativeYear.group(2)), Integer.parseInt(day.group(1)), ref),
                            null, year, "relative year with month and day"));
                    continue;
                }
                found.add(new Found(start, end, null, null, ref.year() - back, MONTH_OR_YEAR));
            }
        }
        m = EN_MONTH_ONLY.matcher(text).region(from, to);
        while (m.find()) {
            if (ref.year() != null && !overlaps(found, m.start())) {
                found.add(new Found(m.start(), m.end(), null, null, monthOnlyYear(m, ref), MONTH_OR_YEAR));
            }
        }
        m = EN_BRACKETED_DAY.matcher(text).region(from, to);
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            String date = ref.month() != null ? dayOnly(day, ref) : format(null, nearestMonth(text, m.start()), day, null);
            found.add(new Found(m.start(), m.end(), date, null, null, "weekday with bracketed day"));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        m = RELATIVE.matcher(text).region(from, to);
        while (m.find()) {
            if (!overlaps(found, m.start())) {
                found.add(new Found(m.start(), m.end(), relative(m, ref, latestBefore(found, m.start(), lastDate)), null, null,
                        relativeRule(m.group(), ref)));
            }
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    /** The year of "last November", "in March", "last year": the latest such month not after the report's. */
    private static Integer monthOnlyYear(Matcher m, Ref ref) {
        if (m.group(4) != null) {
            return m.group(4).equals("year") && m.group(3).equals("last") ? ref.year() - 1 : ref.year();
        }
        if (ref.month() == null) {
            return m.group(1).equals("last") ? null : ref.year();
        }
        int month = month(m.group(2));
        boolean ahead = month > ref.month() || month == ref.month() && m.group(1).equals("last");
        return ahead ? ref.year() - 1 : ref.year();
    }

    /** How a written month and day got its year: written, from the published date, or unknown ("--MM-DD"). */
    private static String writtenRule(Integer year, boolean range, Ref ref) {
        String kind = range ? "range" : "absolute";
        return year != null ? kind : ref.year() != null ? kind + ", year from published date" : kind + " without year";
    }

    /** "relative:次日 to previous date", "relative:昨天 to dateline": the cue and what it counted from. */
    private static String relativeRule(String cue, Ref ref) {
        String base = SAME_OR_NEXT_DAY.matcher(cue.toLowerCase(Locale.ROOT)).matches() ? "previous date"
                : ref.dateline() ? "dateline" : "published date";
        return RELATIVE_RULE + cue + " to " + base;
    }

    /** "5月26日出访韩国,并在当天下午…": 当天 is the last date written before it, in this sentence or earlier. */
    private static String latestBefore(List<Found> found, int position, String lastDate) {
        String latest = lastDate;
        for (Found f : found) {
            if (f.start() < position && f.date() != null) {
                latest = f.date();
            }
        }
        return latest;
    }

    /** Bounds the search for a bracketed day's month, so that the time per date stays constant in any input. */
    private static final int MONTH_WINDOW = 2000;

    /** The month named nearest to a position (within its paragraph's reach), 0 (an invalid month) when none is. */
    private static int nearestMonth(String text, int position) {
        Matcher m = EN_MONTH_NAME.matcher(text)
                .region(Math.max(0, position - MONTH_WINDOW), Math.min(text.length(), position + MONTH_WINDOW));
        int month = 0;
        int distance = Integer.MAX_VALUE;
        while (m.find()) {
            if (Math.abs(m.start() - position) < distance) {
                distance = Math.abs(m.start() - position);
                month = month(m.group(1));
            }
        }
        return month;
    }

    private static boolean overlaps(List<Found> found, int position) {
        return found.stream().anyMatch(f -> f.start() <= position && position < f.end());
    }

    private static String relative(Matcher m, Ref ref, String lastDate) {
        String word = m.group().toLowerCase(Locale.ROOT);
        LocalDate base = ref.full();
        if (SAME_DAY.matcher(word).matches()) {
            return lastDate;
        }
        if (NEXT_DAY.matcher(word).matches()) {
            return shift(lastDate, 1);
        }
        if (base == null) {
            return null;
        }
        String weekday = m.group(1) != null ? m.group(1) : m.group(3);
        if (weekday != null) {
            return base.with(TemporalAdjusters.previousOrSame(weekday(weekday))).toString();
        }
        int days = word.startsWith("前天") ? -2 : word.matches("昨天|昨日|yesterday|last (evening|night)") ? -1 : 0;
        return base.plusDays(days).toString();
    }

    private static DayOfWeek weekday(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "一", "monday" -> DayOfWeek.MONDAY;
            case "二", "tuesday" -> DayOfWeek.TUESDAY;
            case "三", "wednesday" -> DayOfWeek.WEDNESDAY;
            case "四", "thursday" -> DayOfWeek.THURSDAY;
            case "五", "friday" -> DayOfWeek.FRIDAY;
            case "六", "saturday" -> DayOfWeek.SATURDAY;
            default -> DayOfWeek.SUNDAY;
        };
    }

    private static String shift(String date, int days) {
        if (date == null) {
            return null;
        }
        if (date.startsWith("--")) {
            LocalDate d = LocalDate.of(2001, Integer.parseInt(date.substring(2, 4)), Integer.parseInt(date.substring(5, 7))).plusDays(days);
            return String.format("--%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
        }
        return LocalDate.parse(date).plusDays(days).toString();
    }

    /**
     * The day in the month of the previous date ("YYYY-MM-DD" or "--MM-DD"), only on or after that date: reports tell
     * forward, and a smaller day could as well be the next month's.
     */
    private static String sameMonthFrom(String previous, int day) {
        if (previous == null || day < Integer.parseInt(previous.substring(previous.length() - 2))) {
            return null;
        }
        Integer year = previous.startsWith("--") ? null : Integer.parseInt(previous.substring(0, 4));
        return format(year, Integer.parseInt(previous.substring(previous.length() - 5, previous.length() - 3)), day, null);
    }

    /** A day of the dateline's month (the month before when the day lies ahead of the dateline). */
    private static String dayOnly(int day, Ref ref) {
        if (ref.month() == null || ref.day() == null) {
            return null;
        }
        int month = ref.month();
        Integer year = ref.year();
        if (day > ref.day() + 1) {
            month = month == 1 ? 12 : month - 1;
            year = year == null ? null : ref.month() == 1 ? year - 1 : year;
        }
        return format(year, month, day, null);
    }

    /** Formats a date, taking a missing year from the reference (the year before when the month lies well ahead). */
    private static String format(Integer year, int month, int day, Ref ref) {
        if (year == null && ref != null && ref.year() != null) {
            year = ref.month() != null && month > ref.month() + 1 ? ref.year() - 1 : ref.year();
        }
        if (!valid(year == null ? 2000 : year, month, day)) {
            return null;
        }
        return year == null ? String.format("--%02d-%02d", month, day) : String.format("%04d-%02d-%02d", year, month, day);
    }

    private static boolean valid(int year, Integer month, Integer day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException | NullPointerException e) {
            return false;
        }
    }

    private static int month(String name) {
        return switch (name.substring(0, 3)) {
            case "Jan" -> 1;
            case "Feb" -> 2;
            case "Mar" -> 3;
            case "Apr" -> 4;
            case "May" -> 5;
            case "Jun" -> 6;
            case "Jul" -> 7;
            case "Aug" -> 8;
            case "Sep" -> 9;
            case "Oct" -> 10;
            case "Nov" -> 11;
            default -> 12;
        };
    }
}
