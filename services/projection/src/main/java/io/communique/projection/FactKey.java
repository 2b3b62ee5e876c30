package io.communique.projection;

import io.communique.model.Ids;

/**
 * A fact or event id as 128 bits. Ids are 32 lower-case hex digits (the schema's form), read exactly: the keys order
 * as the id strings do. Ids of any other form (older producers, hand-written tests) are keyed by their SHA-256, so
 * they stay distinct and deterministic, though not in string order.
 */
record FactKey(long hi, long lo) implements Comparable<FactKey> {
    private static final int HEX_DIGITS = 32;

    static FactKey of(String id) {
        FactKey exact = hex(id);
        return exact != null ? exact : hex(Ids.sha256Hex(id).substring(0, HEX_DIGITS));
    }

    @Override
    public int compareTo(FactKey other) {
        int byHi = Long.compareUnsigned(hi, other.hi);
        return byHi != 0 ? byHi : Long.compareUnsigned(lo, other.lo);
    }

    private static FactKey hex(String id) {
        if (id.length() != HEX_DIGITS) {
            return null;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < HEX_DIGITS; i++) {
            char c = id.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (digit < 0) {
                return null;
            }
            if (i < HEX_DIGITS / 2) {
                hi = hi << 4 | digit;
            } else {
                lo = lo << 4 | digit;
            }
        }
        return new FactKey(hi, lo);
    }
}
