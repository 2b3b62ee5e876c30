package io.communique.projection;

/**
 * A hash table from 128-bit keys ({@link FactKey}) to rows of {@code long} columns, held in a few primitive arrays.
 * A view that has folded a million facts keeps them here rather than in a million map entries: the garbage collector
 * never walks or copies primitive arrays of this size, and a lookup touches one or two cache lines.
 *
 * <p>Open addressing with linear probing; removal shifts the entries that follow back into place, so there are no
 * tombstones. Slots move on removal and growth: hold a slot only until the next change. Not thread-safe.
 */
final class KeyTable {
    private static final int MIN_CAPACITY = 16;
    private static final double MAX_LOAD = 0.6;

    private final int columns;
    private boolean[] used;
    private long[] his;
    private long[] los;
    private long[][] values;
    private int size;

    KeyTable(int columns) {
        this.columns = columns;
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    /** Slots run from 0 to {@code capacity() - 1}; only {@link #used} ones hold an entry. */
    int capacity() {
        return used.length;
    }

    boolean used(int slot) {
        return used[slot];
    }

    /** The slot holding this key, or -1. */
    int find(FactKey key) {
        int mask = used.length - 1;
        for (int slot = home(key.hi(), key.lo(), mask); used[slot]; slot = (slot + 1) & mask) {
            if (his[slot] == key.hi() && los[slot] == key.lo()) {
                return slot;
            }
        }
        return -1;
    }

    /** Adds a key that is not in the table, with every column 0; returns its slot. */
    int add(FactKey key) {
        if (size + 1 > used.length * MAX_LOAD) {
            grow();
        }
        int mask = used.length - 1;
        int slot = home(key.hi(), key.lo(), mask);
        while (used[slot]) {
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        his[slot] = key.hi();
        los[slot] = key.lo();
        for (long[] column : values) {
            column[slot] = 0;
        }
        size++;
        return slot;
    }

    /** Removes the entry in this slot, moving back the entries whose probe sequence passed through it. */
    void remove(int slot) {
        int mask = used.length - 1;
        int free = slot;
        for (int next = (free + 1) & mask; used[next]; next = (next + 1) & mask) {
            int home = home(his[next], los[next], mask);
            // The entry at `next` may move to `free` only if its home is not cyclically within (free, next].
            boolean homeBetween = free <= next ? home > free && home <= next : home > free || home <= next;
            if (!homeBetween) {
                move(next, free);
                free = next;
            }
        }
        used[free] = false;
        size--;
    }

    FactKey key(int slot) {
        return new FactKey(his[slot], los[slot]);
    }

    long get(int column, int slot) {
        return values[column][slot];
    }

    void set(int column, int slot, long value) {
        values[column][slot] = value;
    }

    private void move(int from, int to) {
        his[to] = his[from];
        los[to] = los[from];
        for (long[] column : values) {
            column[to] = column[from];
        }
        used[to] = true;
    }

    private void grow() {
        boolean[] oldUsed = used;
        long[] oldHis = his;
        long[] oldLos = los;
        long[][] oldValues = values;
        allocate(used.length * 2);
        int mask = used.length - 1;
        for (int old = 0; old < oldUsed.length; old++) {
            if (oldUsed[old]) {
                int slot = home(oldHis[old], oldLos[old], mask);
                while (used[slot]) {
                    slot = (slot + 1) & mask;
                }
                used[slot] = true;
                his[slot] = oldHis[old];
                los[slot] = oldLos[old];
                for (int column = 0; column < columns; column++) {
                    values[column][slot] = oldValues[column][old];
                }
            }
        }
    }

    private void allocate(int capacity) {
        used = new boolean[capacity];
        his = new long[capacity];
        los = new long[capacity];
        values = new long[columns][capacity];
    }

    /** Ids are hashes already, but hand-written keys are not: mix the bits before masking. */
    private static int home(long hi, long lo, int mask) {
        long h = (hi ^ Long.rotateLeft(lo, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 32) & mask;
    }
}
