package io.communique.extract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The world-scale lexicons (leaders.tsv, summits.tsv) are well formed: valid codes and dates, sources, no overlaps. */
class WorldLexiconTest {
    private static final Set<String> ISO = Set.of(Locale.getISOCountries());
    private static final Set<String> OFFICES = Set.of("head_of_state", "head_of_government", "foreign_minister", "effective_leader");
    private static final Set<String> ORGS = Set.of("G20", "BRICS", "SCO", "APEC", "ASEAN", "ASEAN+3", "EAS", "UN", "EU", "CEEC",
            "BRF", "FOCAC", "C+C5", "GCC", "CELAC", "EMDCD", "LMC", "CASCF", "CPIC", "NATO");

    /** A date of day ("YYYY-MM-DD") or month ("YYYY-MM") precision. */
    private record Date(String text) {
        Date {
            try {
                if (text.length() == 10) {
                    LocalDate.parse(text);
                } else if (text.length() == 7) {
                    YearMonth.parse(text);
                } else {
                    throw new DateTimeParseException("length", text, 0);
                }
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a date: " + text, e);
            }
        }

        /** this <= other, compared at the coarser of the two precisions (a month-precision end may hand over that month). */
        boolean notAfter(Date other) {
            int n = Math.min(text.length(), other.text.length());
            return text.substring(0, n).compareTo(other.text.substring(0, n)) <= 0;
        }
    }

    private record Term(int line, String code, String office, Date start, Date end, String name) {
    }

    @Test
    void leadersHaveValidCodesOfficesDatesNamesAndSources() {
        List<String[]> rows = Resources.rows("leaders.tsv");
        assertThat(rows).hasSizeGreaterThan(1000);
        Map<String, List<Term>> byOffice = new LinkedHashMap<>();
        int line = 0;
        for (String[] r : rows) {
            line++;
            String where = "leaders.tsv row " + line + ": " + String.join("|", r);
            assertThat(r).as(where).hasSize(10);
            assertThat(ISO).as(where).contains(r[0]);
            assertThat(OFFICES).as(where).contains(r[1]);
            Date start = date(r[2], where);
            Date end = r[3].isEmpty() ? null : date(r[3], where);
            if (end != null) {
                assertThat(start.notAfter(end)).as(where + " ends before it starts").isTrue();
            }
            assertThat(r[4]).as(where).isNotBlank();
            for (String zh : (r[6] + "|" + r[7]).split("\\|")) {
                if (!zh.isEmpty()) {
                    assertThat(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                            .as(where + " Chinese name " + zh).isTrue();
                }
            }
            assertThat(r[8]).as(where).isIn("typed", "generated");
            assertThat(r[9]).as(where + " has no source").isNotBlank();
            byOffice.computeIfAbsent(r[0] + " " + r[1], k -> new ArrayList<>()).add(new Term(line, r[0], r[1], start, end, r[4]));
        }
        byOffice.forEach((office, terms) -> {
            terms.sort(Comparator.comparing((Term t) -> t.start().text()));
            for (int i = 1; i < terms.size(); i++) {
                Term previous = terms.get(i - 1);
                Term next = terms.get(i);
                if (previous.end() == null || !previous.end().notAfter(next.start())) {
                    fail("%s: %s (row %d) overlaps %s (row %d)", office, previous.name(), previous.line(), next.name(), next.line());
                }
            }
        });
        assertThat(byOffice.keySet().stream().map(k -> k.substring(0, 2)).distinct().count()).as("countries").isGreaterThanOrEqualTo(193);
    }

    @Test
    void wellKnownLeadersResolveWithChineseNames() {
        List<String[]> rows = Resources.rows("leaders.tsv");
        assertThat(rows).anySatisfy(r -> {
            assertThat(r[0]).isEqualTo("RU");
            assertThat(r[1]).isEqualTo("head_of_state");
            assertThat(r[2]).isEqualTo("2012-05-07");
            assertThat(r[5]).contains("Putin");
            assertThat(r[6]).startsWith("普京");
            assertThat(r[7]).contains("普丁");
        });
        assertThat(rows).anySatisfy(r -> {
            assertThat(r[0]).isEqualTo("IN");
            assertThat(r[1]).isEqualTo("head_of_government");
            assertThat(r[3]).isEmpty();
            assertThat(r[5]).isEqualTo("Modi");
            assertThat(r[6]).isEqualTo("莫迪");
        });
    }

    @Test
    void summitEditionsAreNumberedConsecutivelyWithIncreasingDates() {
        List<String[]> rows = Resources.rows("summits.tsv");
        assertThat(rows).hasSizeGreaterThan(150);
        Map<String, List<String[]>> bySeries = new LinkedHashMap<>();
        int line = 0;
        for (String[] r : rows) {
            line++;
            String where = "summits.tsv row " + line + ": " + String.join("|", r);
            assertThat(r).as(where).hasSize(9);
            assertThat(ORGS).as(where).contains(r[0]);
            assertThat(r[1]).as(where).isIn("summit", "ministerial");
            assertThat(r[2]).as(where).matches("|[1-9][0-9]*");
            assertThat(date(r[3], where).notAfter(date(r[4], where))).as(where + " ends before it starts").isTrue();
            assertThat(r[3]).as(where).hasSize(10);
            assertThat(r[4]).as(where).hasSize(10);
            assertThat(ISO).as(where).contains(r[5]);
            assertThat(r[6]).as(where).isNotBlank();
            assertThat(r[8]).as(where + " has no source").isNotBlank();
            bySeries.computeIfAbsent(r[0] + " " + r[1], k -> new ArrayList<>()).add(r);
        }
        bySeries.forEach((series, editions) -> {
            int expected = 1;
            String previousStart = "";
            for (String[] r : editions) {
                assertThat(r[3]).as(series + " dates increase").isGreaterThan(previousStart);
                previousStart = r[3];
                if (!r[2].isEmpty()) {
                    assertThat(Integer.parseInt(r[2])).as(series + " edition of " + r[3]).isEqualTo(expected++);
                }
            }
        });
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("G20", "summit", "12", "2017-07-07", "2017-07-08", "DE", "Hamburg", "汉堡"));
    }

    @Test
    void lexiconsStaySmall() throws IOException {
        for (String name : List.of("leaders.tsv", "summits.tsv")) {
            try (InputStream in = Resources.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                assertThat(in.readAllBytes().length).as(name).isLessThan(2_000_000);
            }
        }
    }

    private static Date date(String text, String where) {
        try {
            return new Date(text);
        } catch (IllegalArgumentException e) {
            throw new AssertionError(where + ": " + e.getMessage(), e);
        }
    }
}
