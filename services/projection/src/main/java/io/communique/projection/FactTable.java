package io.communique.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts folded into a store's views, one row each, however many views a fact is in: per fact its rank, a hash
 * of its content, its locator in the log, its event and its {@link Folds.Shape}, numbered in the order the table
 * first saw them. The views ({@link Folds.FactSet}) keep only what is theirs (their lists, events and counts) and
 * look their facts up here: a fact folded into three views is one row, written once. A view kept alone, as the
 * projection keeps each view of a routed topic, has a table of its own. Not thread-safe.
 */
final class FactTable {
    /**
     * Columns of a fact's row. PACKED holds its rank's order + 1 (27 bits: YYYYMMDD at most), whether it has an
     * event (1 bit) and its shape id (32 bits), so that a row is 8 longs (64 bytes) rather than 10.
     */
    private static final int PACKED = 0, CONTENT = 1, LOCATOR = 2, EVENT_HI = 3, EVENT_LO = 4;
    private static final int ORDER_SHIFT = 33, HAS_EVENT_BIT = 32;
    /** The shape id's bits of PACKED: the low 32, read with a cast to int. */
    private static final long SHAPE_ID_BITS = 0xFFFF_FFFFL;

    private final KeyTable rows;
    private final List<Folds.Shape> shapes = new ArrayList<>();
    private final Map<Folds.Shape, Integer> shapeIds = new HashMap<>();

    /** A table with room for {@code expected} facts before it grows. */
    FactTable(int expected) {
        this.rows = new KeyTable(5, expected);
    }

    /** Makes room for {@code expected} facts in all, so that adding them does not grow the table step by step. */
    void reserve(int expected) {
        rows.reserve(expected);
    }

    /** The id of a shape, numbering it if it is new. */
    int shapeId(Folds.Shape shape) {
        Integer known = shapeIds.get(shape); // not computeIfAbsent: its lambda would be allocated on every fact
        if (known != null) {
            return known;
        }
        int id = shapes.size();
        shapes.add(shape);
        shapeIds.put(shape, id);
        return id;
    }

    Folds.Shape shapeOf(int id) {
        return shapes.get(id);
    }

    /** Shape ids run from 0 to {@code shapes() - 1}. */
    int shapes() {
        return shapes.size();
    }

    /** The slot of this fact, or -1. Slots move when a fact is added or removed: hold one only until then. */
    int find(FactKey key) {
        return rows.find(key);
    }

    /** Adds a fact that is not in the table, as {@link #set} does; returns its slot. */
    int add(Folds.Folded folded, int shape) {
        int slot = rows.add(folded.key());
        set(slot, folded, shape);
        return slot;
    }

    /** Rewrites the row in this slot with a fact of the same id. */
    void set(int slot, Folds.Folded folded, int shape) {
        FactKey event = folded.event();
        rows.set(PACKED, slot, (folded.rank().order() + 1) << ORDER_SHIFT | (event == null ? 0 : 1L << HAS_EVENT_BIT) | shape);
        rows.set(CONTENT, slot, folded.content());
        rows.set(LOCATOR, slot, folded.locator());
        rows.set(EVENT_HI, slot, event == null ? 0 : event.hi());
        rows.set(EVENT_LO, slot, event == null ? 0 : event.lo());
    }

    /** Copies another table's row, its shape renumbered to {@code shape} of this table; returns its slot. */
    int copy(FactTable other, int otherSlot, int shape) {
        int slot = rows.add(other.rows.key(otherSlot));
        rows.set(PACKED, slot, other.rows.get(PACKED, otherSlot) & ~SHAPE_ID_BITS | shape);
        for (int column = CONTENT; column <= EVENT_LO; column++) {
            rows.set(column, slot, other.rows.get(column, otherSlot));
        }
        return slot;
    }

    void remove(int slot) {
        rows.remove(slot);
    }

    /** Facts held. */
    int size() {
        return rows.size();
    }

    /** Slots run from 0 to {@code capacity() - 1}; only {@link #used} ones hold a fact. */
    int capacity() {
        return rows.capacity();
    }

    boolean used(int slot) {
        return rows.used(slot);
    }

    FactKey key(int slot) {
        return rows.key(slot);
    }

    int shape(int slot) {
        return (int) rows.get(PACKED, slot);
    }

    Folds.Rank rank(int slot) {
        return new Folds.Rank((rows.get(PACKED, slot) >>> ORDER_SHIFT) - 1, rows.key(slot));
    }

    long content(int slot) {
        return rows.get(CONTENT, slot);
    }

    long locator(int slot) {
        return rows.get(LOCATOR, slot);
    }

    /** The fact's event, or null when it is an event of its own. */
    FactKey event(int slot) {
        return (rows.get(PACKED, slot) & 1L << HAS_EVENT_BIT) == 0 ? null
                : new FactKey(rows.get(EVENT_HI, slot), rows.get(EVENT_LO, slot));
    }
}
