package io.communique.web;

import io.communique.model.Fact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of {@code /api/facts} ended, as the store orders facts (recency descending, then id): the next page
 * starts just after it, found in the index however deep, where an {@code offset} would scan every fact before it.
 * Written {@code <recency>.<id>}, e.g. {@code 2017-07-04.14ec4a5fc73b30e9462304eeeef9a5cd}; the recency is empty for
 * an undated fact and {@code 0000-MM-DD} for one without a year.
 */
record FactPageKey(String recency, String id) {
    private static final Pattern FORM = Pattern.compile("(|\\d{4}-\\d{2}-\\d{2})\\.([0-9A-Za-z_-]{1,128})");

    static FactPageKey of(Fact fact) {
        return new FactPageKey(fact.recencyKey(), fact.id());
    }

    /** The key a client sent back, or null when it is not one. */
    static FactPageKey parse(String value) {
        Matcher matcher = FORM.matcher(value);
        return matcher.matches() ? new FactPageKey(matcher.group(1), matcher.group(2)) : null;
    }

    @Override
    public String toString() {
        return recency + "." + id;
    }
}
