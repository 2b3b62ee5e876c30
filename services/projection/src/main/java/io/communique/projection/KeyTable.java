package io.communique.projection;

import java.util.Arrays;

/**
 * A hash table from 128-bit keys ({@link FactKey}) to rows of {@code long} columns, held in one primitive array. A
 * view that has folded a million facts keeps them here rather than in a million map entries: the garbage collector
 * never walks or copies a primitive array of this size, and a row (its key, a used mark and its columns side by
 * side) is one or two cache lines, so a lookup or an insert costs about one memory access.
 *
 * <p>Open addressing with linear probing; removal shifts the entries that follow back into place, so there are no
 * tombstones. Slots move on removal and growth: hold a slot only until the next change. Not thread-safe.
 */
final class KeyTable {
    private static final int MIN_CAPACITY = 16;
    private static final double MAX_LOAD = 0.6;
    /** A row: used mark (0 or 1), key high bits, key low bits, then the columns. */
    private static final int USED = 0, HI = 1, LO = 2, FIRST_COLUMN = 3;
    /**
     * Where the first row starts. A large array starts a heap region (G1's humongous objects), its elements 16 bytes
     * (its header) after: rows of 8 longs starting 48 bytes further each fill one 64-byte cache line instead of
     * straddling two.
     */
    private static final int FIRST_ROW = 6;

    private final int stride;
    private long[] rows;
    private int capacity;
    private int size;

    KeyTable(int columns) {
        this.stride = FIRST_COLUMN + columns;
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** Slots run from 0 to {@code capacity() - 1}; only {@link #used} ones hold an entry. */
    int capacity() {
        return capacity;
    }

    boolean used(int slot) {
        return rows[row(slot) + USED] != 0;
    }

    /** The slot holding this key, or -1. */
    int find(FactKey key) {
        int mask = capacity - 1;
        for (int slot = home(key.hi(), key.lo(), mask); used(slot); slot = (slot + 1) & mask) {
            int row = row(slot);
            if (rows[row + HI] == key.hi() && rows[row + LO] == key.lo()) {
                return slot;
            }
        }
        return -1;
    }

    /** Adds a key that is not in the table, with every column 0; returns its slot. */
    int add(FactKey key) {
        if (size + 1 > capacity * MAX_LOAD) {
            grow();
        }
        int slot = freeSlot(key.hi(), key.lo());
        int row = row(slot);
        rows[row + USED] = 1;
        rows[row + HI] = key.hi();
        rows[row + LO] = key.lo();
        Arrays.fill(rows, row + FIRST_COLUMN, row + stride, 0);
        size++;
        return slot;
    }

    /** Removes the entry in this slot, moving back the entries whose probe sequence passed through it. */
    void remove(int slot) {
        int mask = capacity - 1;
        int free = slot;
        for (int next = (free + 1) & mask; used(next); next = (next + 1) & mask) {
            int home = home(rows[row(next) + HI], rows[row(next) + LO], mask);
            // The entry at `next` may move to `free` only if its home is not cyclically within (free, next].
            boolean homeBetween = free <= next ? home > free && home <= next : home > free || home <= next;
            if (!homeBetween) {
                System.arraycopy(rows, row(next), rows, row(free), stride);
                free = next;
            }
        }
        rows[row(free) + USED] = 0;
        size--;
    }

    FactKey key(int slot) {
        return new FactKey(rows[row(slot) + HI], rows[row(slot) + LO]);
    }

    long get(int column, int slot) {
        return rows[row(slot) + FIRST_COLUMN + column];
    }

    void set(int column, int slot, long value) {
        rows[row(slot) + FIRST_COLUMN + column] = value;
    }

    private int freeSlot(long hi, long lo) {
        int mask = capacity - 1;
        int slot = home(hi, lo, mask);
        while (used(slot)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        resize(capacity * 2);
    }

    private void resize(int newCapacity) {
        long[] old = rows;
        int oldCapacity = capacity;
        allocate(newCapacity);
        for (int slot = 0; slot < oldCapacity; slot++) {
            int row = row(slot);
            if (old[row + USED] != 0) {
                System.arraycopy(old, row, rows, row(freeSlot(old[row + HI], old[row + LO])), stride);
            }
        }
    }

    private void allocate(int newCapacity) {
        capacity = newCapacity;
        rows = new long[FIRST_ROW + newCapacity * stride];
    }

    /** The index of a slot's row in {@code rows}. */
    private int row(int slot) {
        return FIRST_ROW + slot * stride;
    }

    /** Ids are hashes already, but hand-written keys are not: mix the bits before masking. */
    private static int home(long hi, long lo, int mask) {
        long h = (hi ^ Long.rotateLeft(lo, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
