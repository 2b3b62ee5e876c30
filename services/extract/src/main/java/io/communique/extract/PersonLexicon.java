package io.communique.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Leaders and ministers with their terms of office (persons.tsv), so that a bare name resolves by the report's date. */
final class PersonLexicon {

    /** One term of office; from/to are "YYYY-MM", to empty while in office. */
    record Term(String code, String title, String from, String to, String canonicalName) {
        boolean covers(String month) {
            return from.compareTo(month) <= 0 && (to.isEmpty() || month.compareTo(to) <= 0);
        }
    }

    private final Map<String, List<Term>> termsByName = new LinkedHashMap<>();

    PersonLexicon() {
        for (String[] row : Resources.rows("persons.tsv")) {
            String[] names = row[4].split("\\|");
            Term term = new Term(row[0], row[1], row[2], row[3], names[0]);
            for (String name : names) {
                termsByName.computeIfAbsent(name, n -> new ArrayList<>()).add(term);
            }
        }
    }

    Map<String, List<Term>> names() {
        return termsByName;
    }

    /**
     * The term in force at the month "YYYY-MM" (null when the report's date is unknown): the covering term, else the
     * latest one that had started, else the first listed.
     */
    static Term resolve(List<Term> terms, String month) {
        if (month == null) {
            return terms.get(terms.size() - 1);
        }
        Term started = null;
        for (Term term : terms) {
            if (term.covers(month)) {
                return term;
            }
            if (term.from().compareTo(month) <= 0 && (started == null || term.from().compareTo(started.from()) > 0)) {
                started = term;
            }
        }
        return started != null ? started : terms.get(0);
    }
}
