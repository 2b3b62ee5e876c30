package io.communique.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts folded into one view, one row each: per fact its rank, a hash of its content, its locator in the log,
 * its event and its {@link Shape}, numbered in the order the table first saw them. The view's {@link FactSet} keeps
 * what is derived from them (its lists, events and counts) and looks its facts up here. Not thread-safe.
 */
final class FactTable {
    /**
     * Columns of a fact's row. PACKED holds its rank's order + 1 (27 bits: YYYYMMDD at most), whether it has an
     * event (1 bit) and its shape id (32 bits), so that a row is 8 longs (64 bytes) rather than 10.
     */
    private static final int PACKED = 0, CONTENT = 1, LOCATOR = 2, EVENT_HI = 3, EVENT_LO = 4;
    private static final int ORDER_SHIFT = 33, HAS_EVENT_BIT = 32;

    private final KeyTable rows = new KeyTable(5);
    private final List<Shape> shapes = new ArrayList<>();
    private final Map<Shape, Integer> shapeIds = new HashMap<>();

    /** A copy of an array by shape id, long enough for {@code shape}: doubled at least, as shapes are numbered in turn. */
    static int[] grownByShape(int[] byShape, int shape) {
        return Arrays.copyOf(byShape, Math.max(shape + 1, Math.max(8, byShape.length * 2)));
    }

    /** The id of a shape, numbering it if it is new. */
    int shapeId(Shape shape) {
        Integer known = shapeIds.get(shape); // not computeIfAbsent: its lambda would be allocated on every fact
        if (known != null) {
            return known;
        }
        int id = shapes.size();
        shapes.add(shape);
        shapeIds.put(shape, id);
        return id;
    }

    Shape shapeOf(int id) {
        return shapes.get(id);
    }

    /** The slot of this fact, or -1. Slots move when a fact is added or removed: hold one only until then. */
    int find(FactKey key) {
        return rows.find(key);
    }

    /** Adds a fact that is not in the table, as {@link #set} does; returns its slot. */
    int add(FoldedFact folded, int shape) {
        int slot = rows.add(folded.key());
        set(slot, folded, shape);
        return slot;
    }

    /** Rewrites the row in this slot with a fact of the same id. */
    void set(int slot, FoldedFact folded, int shape) {
        FactKey event = folded.event();
        rows.set(PACKED, slot, (folded.rank().order() + 1) << ORDER_SHIFT | (event == null ? 0 : 1L << HAS_EVENT_BIT) | shape);
        rows.set(CONTENT, slot, folded.content());
        rows.set(LOCATOR, slot, folded.locator());
        rows.set(EVENT_HI, slot, event == null ? 0 : event.hi());
        rows.set(EVENT_LO, slot, event == null ? 0 : event.lo());
    }

    void remove(int slot) {
        rows.remove(slot);
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

    Rank rank(int slot) {
        return new Rank((rows.get(PACKED, slot) >>> ORDER_SHIFT) - 1, rows.key(slot));
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
