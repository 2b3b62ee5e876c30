package io.communique.projection;

/**
 * A view's events, each counted once. Reports of one real-world event share an event id (a fact without one is its
 * own event); an event is counted from its representative, the report with the smallest id, so the counts are the
 * same whatever order the reports arrive in. Events are counted per shape of their representative: a view's counts
 * (counterparts, topics, lists) are sums over its shapes, taken when it is materialised, not maps updated on every
 * fact. The reports are rows of the view's {@link FactTable}. Not thread-safe.
 */
final class EventCounts {
    /** Columns of an event's row: its representative's id and shape, and how many reports it has in the view. */
    private static final int REPRESENTATIVE_HI = 0, REPRESENTATIVE_LO = 1, REPRESENTATIVE_SHAPE = 2, REPORTS = 3;

    /** Takes the events of one shape: those whose representative report has this shape. */
    interface Counter {
        void count(Shape shape, int events);
    }

    private final FactTable table;
    private final KeyTable events = new KeyTable(4);
    /** Events per shape id, counted through their representatives. */
    private int[] eventsByShape = new int[0];
    /** Facts without an event id: each is an event of its own. */
    private int ownEvents;

    EventCounts(FactTable table) {
        this.table = table;
    }

    /** Distinct events. */
    int events() {
        return ownEvents + events.size();
    }

    /** The events counted so far, by the shape of their representatives: shapes without events are left out. */
    void forEachShape(Counter counter) {
        for (int shape = 0; shape < eventsByShape.length; shape++) {
            if (eventsByShape[shape] != 0) {
                counter.count(table.shapeOf(shape), eventsByShape[shape]);
            }
        }
    }

    /** A report of {@code event} (null: its own event) joins, with this key and shape. */
    void join(FactKey key, int shape, FactKey event) {
        if (event == null) {
            ownEvents++;
            count(shape, 1);
            return;
        }
        int row = events.find(event);
        if (row < 0) {
            row = events.add(event);
            setRepresentative(row, key, shape);
            count(shape, 1);
        } else {
            events.set(REPORTS, row, events.get(REPORTS, row) + 1);
            if (representedBy(row, key) < 0) {
                count((int) events.get(REPRESENTATIVE_SHAPE, row), -1);
                count(shape, 1);
                setRepresentative(row, key, shape);
            }
            return;
        }
        events.set(REPORTS, row, 1);
    }

    /** The report in this slot (still in the table) leaves its event, and the counts if it represented it. */
    void leave(int slot) {
        int shape = table.shape(slot);
        FactKey event = table.event(slot);
        if (event == null) {
            ownEvents--;
            count(shape, -1);
            return;
        }
        int row = events.find(event);
        long reports = events.get(REPORTS, row) - 1;
        if (reports == 0) {
            events.remove(row);
            count(shape, -1);
            return;
        }
        events.set(REPORTS, row, reports);
        FactKey key = table.key(slot);
        if (representedBy(row, key) == 0) {
            int next = nextRepresentative(event, key);
            setRepresentative(row, table.key(next), table.shape(next));
            count(shape, -1);
            count(table.shape(next), 1);
        }
    }

    /** The report in this slot stays in its event but takes another shape: its event is counted by it if it represents it. */
    void reshape(int slot, int newShape) {
        FactKey event = table.event(slot);
        int row = event == null ? -1 : events.find(event);
        if (row < 0 || representedBy(row, table.key(slot)) == 0) {
            count(table.shape(slot), -1);
            count(newShape, 1);
            if (row >= 0) {
                events.set(REPRESENTATIVE_SHAPE, row, newShape);
            }
        }
    }

    private void count(int shape, int delta) {
        if (shape >= eventsByShape.length) {
            eventsByShape = FactTable.grownByShape(eventsByShape, shape);
        }
        eventsByShape[shape] += delta;
    }

    /** The slot of the smallest id among the event's other reports: a scan, only when a representative leaves. */
    private int nextRepresentative(FactKey event, FactKey leaving) {
        int best = -1;
        for (int slot = 0; slot < table.capacity(); slot++) {
            if (table.used(slot) && event.equals(table.event(slot)) && !leaving.equals(table.key(slot))
                    && (best < 0 || table.key(slot).compareTo(table.key(best)) < 0)) {
                best = slot;
            }
        }
        return best;
    }

    /** How a key compares with the event's representative (below 0: it comes first), without making a key of it. */
    private int representedBy(int row, FactKey key) {
        return key.compareTo(events.get(REPRESENTATIVE_HI, row), events.get(REPRESENTATIVE_LO, row));
    }

    private void setRepresentative(int row, FactKey key, int shape) {
        events.set(REPRESENTATIVE_HI, row, key.hi());
        events.set(REPRESENTATIVE_LO, row, key.lo());
        events.set(REPRESENTATIVE_SHAPE, row, shape);
    }
}
