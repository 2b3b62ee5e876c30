package io.communique.projection;

import io.communique.model.Fact;

/**
 * Where a fact sorts in a view: most recent first ({@link #order} from its recency key), undated last, ties by
 * id. Comparing two longs and a key, never strings: a view holding a million facts compares often.
 */
record Rank(long order, FactKey key) implements Comparable<Rank> {
    @Override
    public int compareTo(Rank other) {
        int byOrder = Long.compare(other.order, order);
        return byOrder != 0 ? byOrder : key.compareTo(other.key);
    }

    /**
     * YYYYMMDD for "YYYY-MM-DD", MMDD for a year-less "--MM-DD" (before every dated year), -1 without a date
     * (last): the order of {@link Fact#recencyKey()}, without building it. Other forms break the fact schema.
     */
    static long order(String date) {
        if (date == null) {
            return -1;
        }
        if (date.length() == 10 && date.charAt(4) == '-' && date.charAt(7) == '-') {
            return digits(date, 0, 4) * 10_000 + digits(date, 5, 7) * 100 + digits(date, 8, 10);
        }
        if (date.length() == 7 && date.startsWith("--") && date.charAt(4) == '-') {
            return digits(date, 2, 4) * 100 + digits(date, 5, 7);
        }
        throw new IllegalArgumentException("not a date of the fact schema (YYYY-MM-DD or --MM-DD): " + date);
    }

    private static long digits(String date, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = date.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a date of the fact schema (YYYY-MM-DD or --MM-DD): " + date);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
