package io.communique.web;

import io.communique.model.FactCursor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where in the fact topic each fact last changed (one entry per fact id ever seen, retracted ones included), so the
 * updates feed answers "what changed since this cursor" by walking the partitions from the cursor's offsets. Not
 * thread-safe: the web verticle's event loop owns it, as it owns {@link LiveState}.
 */
final class FactChanges {
    /** The latest change of a fact, and where it was first seen (which tells an addition from a correction). */
    private record Mark(int partition, long offset, int firstPartition, long firstOffset, boolean retracted) {
    }

    /** A fact changed after a cursor: its id, whether the client can have had it, whether it is gone. */
    record Changed(String id, FactSource.Kind kind) {
    }

    /** The changes after a cursor, at most as many as asked, and the cursor that continues after them. */
    record Page(List<Changed> changed, FactCursor next, boolean more) {
    }

    private final Map<String, Mark> marks = new HashMap<>();
    private final Map<Integer, NavigableMap<Long, String>> byPartition = new HashMap<>();
    /** The offset after the last record taken, per partition, changed or not. */
    private final Map<Integer, Long> ends = new TreeMap<>();

    /** A record of the fact topic was taken, whatever it changed. */
    void read(int partition, long offset) {
        ends.merge(partition, offset + 1, Math::max);
    }

    /** The offset after the last record of the partition taken. */
    long end(int partition) {
        return ends.getOrDefault(partition, 0L);
    }

    /** The fact was added, corrected or retracted by the record at this place. */
    void changed(String id, int partition, long offset, boolean retracted) {
        read(partition, offset);
        Mark previous = marks.get(id);
        if (previous != null) {
            byPartition.get(previous.partition()).remove(previous.offset());
        }
        marks.put(id, previous == null
                ? new Mark(partition, offset, partition, offset, retracted)
                : new Mark(partition, offset, previous.firstPartition(), previous.firstOffset(), retracted));
        byPartition.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, id);
    }

    FactCursor cursor() {
        return new FactCursor(ends);
    }

    /**
     * The facts changed at or after the cursor, partition by partition in offset order; at most {@code max}. The next
     * cursor keeps the client's offsets where this instance has not read as far (another instance may have).
     */
    Page since(FactCursor cursor, int max) {
        List<Changed> changed = new ArrayList<>();
        Map<Integer, Long> next = new TreeMap<>(cursor.offsets());
        TreeSet<Integer> partitions = new TreeSet<>(ends.keySet());
        for (int partition : partitions) {
            long from = cursor.offset(partition);
            NavigableMap<Long, String> changes = byPartition.getOrDefault(partition, new TreeMap<>());
            for (Map.Entry<Long, String> change : changes.tailMap(from, true).entrySet()) {
                if (changed.size() == max) {
                    next.put(partition, change.getKey());
                    return new Page(changed, new FactCursor(next), true);
                }
                Mark mark = marks.get(change.getValue());
                FactSource.Kind kind = mark.retracted() ? FactSource.Kind.RETRACTED
                        : cursor.precedes(mark.firstPartition(), mark.firstOffset()) ? FactSource.Kind.ADDED
                        : FactSource.Kind.CHANGED;
                changed.add(new Changed(change.getValue(), kind));
            }
            next.put(partition, Math.max(from, end(partition)));
        }
        return new Page(changed, new FactCursor(next), false);
    }
}
