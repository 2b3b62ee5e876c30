package io.communique.projection;

import io.communique.model.Ids;

import java.util.Arrays;

/**
 * A fact or event id as 128 bits. Ids are 32 lower-case hex digits (the schema's form), read exactly: the keys order
 * as the id strings do. Ids of any other form (older producers, hand-written tests) are keyed by their SHA-256, so
 * they stay distinct and deterministic, though not in string order.
 */
record FactKey(long hi, long lo) implements Comparable<FactKey> {
    private static final int HEX_DIGITS = 32;
    /** The value of each lower-case hex digit by its character, -1 for other characters below 'g'. */
    private static final byte[] DIGITS = new byte['f' + 1];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            DIGITS[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            DIGITS[c] = (byte) (c - 'a' + 10);
        }
    }

    static FactKey of(String id) {
        FactKey exact = hex(id);
        return exact != null ? exact : hex(Ids.sha256Hex(id).substring(0, HEX_DIGITS));
    }

    @Override
    public int compareTo(FactKey other) {
        return compareTo(other.hi, other.lo);
    }

    /** As {@link #compareTo(FactKey)}, with the key held as its two halves. */
    int compareTo(long otherHi, long otherLo) {
        int byHi = Long.compareUnsigned(hi, otherHi);
        return byHi != 0 ? byHi : Long.compareUnsigned(lo, otherLo);
    }

    private static FactKey hex(String id) {
        if (id.length() != HEX_DIGITS) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        int invalid = 0;
        for (int i = 0; i < HEX_DIGITS / 2; i++) {
            int high = digit(id.charAt(i));
            int low = digit(id.charAt(i + HEX_DIGITS / 2));
            invalid |= high | low; // one test at the end rather than two per digit
            hi = hi << 4 | high;
            lo = lo << 4 | low;
        }
        return invalid < 0 ? null : new FactKey(hi, lo);
    }

    /** The value of a lower-case hex digit, or -1. */
    private static int digit(char c) {
        return c < DIGITS.length ? DIGITS[c] : -1;
    }
}
