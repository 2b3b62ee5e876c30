package io.communique.ingest.feed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One configured feed: its URL and how often to poll it. Configured as lines {@code URL [interval]} in
 * {@code $DATA_DIR/feeds.txt} ({@code #} starts a comment) and/or as comma-separated entries of the same form in
 * {@code FEEDS}; the interval is a number with an optional unit {@code ms}, {@code s} (the default), {@code m} or
 * {@code h}.
 */
public record FeedSpec(String url, long intervalMs) {
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)(ms|s|m|h)?");

    /** Every feed of the file (when it exists) and of the variable (when set), each URL once. */
    public static List<FeedSpec> configured(Path file, String variable, long defaultIntervalMs) throws IOException {
        Map<String, FeedSpec> feeds = new LinkedHashMap<>();
        if (Files.isRegularFile(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("#.*", "").strip();
                add(feeds, line, defaultIntervalMs, file + " line " + (i + 1));
            }
        }
        if (variable != null) {
            for (String entry : variable.split(",")) {
                add(feeds, entry.strip(), defaultIntervalMs, "FEEDS");
            }
        }
        return new ArrayList<>(feeds.values());
    }

    private static void add(Map<String, FeedSpec> feeds, String entry, long defaultIntervalMs, String where) {
        if (entry.isEmpty()) {
            return;
        }
        String[] parts = entry.split("\\s+");
        if (parts.length > 2) {
            throw new IllegalArgumentException(where + ": expected 'URL [interval]', not '" + entry + "'");
        }
        long interval = parts.length == 2 ? interval(parts[1], where) : defaultIntervalMs;
        feeds.putIfAbsent(parts[0], new FeedSpec(parts[0], interval));
    }

    private static long interval(String value, String where) {
        Matcher m = INTERVAL.matcher(value);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(where + ": the interval must be a positive number with an optional"
                    + " unit ms, s, m or h, not '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
        };
    }

    /** The wait before the next poll: the interval, doubled per consecutive failed poll, at most an hour (or the interval). */
    public long nextDelayMs(int consecutiveFailures) {
        long ceiling = Math.max(intervalMs, 3_600_000);
        long delay = intervalMs << Math.min(consecutiveFailures, 20);
        return delay <= 0 ? ceiling : Math.min(delay, ceiling);
    }
}
