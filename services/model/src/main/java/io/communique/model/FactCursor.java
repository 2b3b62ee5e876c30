package io.communique.model;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A place in the fact topic ({@link Topics#FACTS}): for each partition, the offset of the first record not yet taken
 * into account. It means the same to every reader of the topic (every web instance, the {@code export} command), so
 * a client keeps it across restarts and instances. Written {@code "0:12,1:40,2:7"}; a partition left out is at 0,
 * so the empty cursor is the topic's beginning.
 */
public record FactCursor(Map<Integer, Long> offsets) {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,5}:\\d{1,19})(,\\d{1,5}:\\d{1,19}){0,999}");
    public static final FactCursor BEGINNING = new FactCursor(Map.of());

    public FactCursor {
        offsets = java.util.Collections.unmodifiableMap(new TreeMap<>(offsets));
    }

    /** The offset of the first record of the partition not yet taken into account. */
    public long offset(int partition) {
        return offsets.getOrDefault(partition, 0L);
    }

    /** Whether the record at this place comes after the cursor. */
    public boolean precedes(int partition, long offset) {
        return offset >= offset(partition);
    }

    /** The cursor from its text; empty or null is the beginning; malformed throws {@link IllegalArgumentException}. */
    public static FactCursor parse(String text) {
        if (text == null || text.isEmpty()) {
            return BEGINNING;
        }
        if (!TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("a cursor is 'partition:offset' pairs joined by ',', as an earlier "
                    + "answer gave it");
        }
        Map<Integer, Long> offsets = new TreeMap<>();
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            try {
                offsets.put(Integer.parseInt(pair.substring(0, colon)), Long.parseLong(pair.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a cursor's offset is a whole number below 2^63");
            }
        }
        return new FactCursor(offsets);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        offsets.forEach((partition, offset) -> text.append(text.isEmpty() ? "" : ",").append(partition).append(':').append(offset));
        return text.toString();
    }
}
