package io.communique.replay;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Where a replay starts on every partition: {@code --from earliest | latest | OFFSET | ISO-TIME}. */
sealed interface StartPosition {

    /** The offset to start from on the partition, at most {@code end} (the partition's end offset). */
    long offset(Consumer<?, ?> kafka, TopicPartition partition, long end);

    /** Why the replay starts at {@code start}, for the line printed before reading. */
    String describe(long start, long end);

    record Earliest() implements StartPosition {
        @Override
        public long offset(Consumer<?, ?> kafka, TopicPartition partition, long end) {
            return beginning(kafka, partition);
        }

        @Override
        public String describe(long start, long end) {
            return "earliest";
        }
    }

    record Latest() implements StartPosition {
        @Override
        public long offset(Consumer<?, ?> kafka, TopicPartition partition, long end) {
            return end;
        }

        @Override
        public String describe(long start, long end) {
            return "latest";
        }
    }

    /** The same offset on every partition, kept within what the partition holds. */
    record Offset(long offset) implements StartPosition {
        @Override
        public long offset(Consumer<?, ?> kafka, TopicPartition partition, long end) {
            return Math.min(end, Math.max(offset, beginning(kafka, partition)));
        }

        @Override
        public String describe(long start, long end) {
            return start == offset ? "offset " + offset : "offset " + offset + " is outside the partition";
        }
    }

    /** The first record stamped at or after this time, found with Kafka's offsets-for-times; none: the end. */
    record Time(Instant time) implements StartPosition {
        @Override
        public long offset(Consumer<?, ?> kafka, TopicPartition partition, long end) {
            OffsetAndTimestamp found = kafka.offsetsForTimes(Map.of(partition, time.toEpochMilli()), Replay.TIMEOUT)
                    .get(partition);
            return found == null ? end : found.offset();
        }

        @Override
        public String describe(long start, long end) {
            return (start == end ? "no record at or after " : "first record at or after ") + time;
        }
    }

    static StartPosition parse(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.equals("earliest")) {
            return new Earliest();
        }
        if (value.equals("latest")) {
            return new Latest();
        }
        if (value.matches("\\d{1,18}")) {
            return new Offset(Long.parseLong(value));
        }
        Instant time = IsoTimes.parse(text);
        if (time == null) {
            throw new ReplayException(ExitCodes.BAD_ARGUMENT, "--from must be earliest, latest, an offset (0, 1, …) "
                    + "or an ISO-8601 time (" + IsoTimes.EXAMPLES + "), not '" + text + "'");
        }
        return new Time(time);
    }

    private static long beginning(Consumer<?, ?> kafka, TopicPartition partition) {
        return kafka.beginningOffsets(List.of(partition), Replay.TIMEOUT).get(partition);
    }
}
