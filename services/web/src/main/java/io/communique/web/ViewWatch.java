package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one message a dashboard sends on its WebSocket: which views it shows whole,
 * {@code {"type":"watch","views":["country/RU"]}}. The server then sends those views whole when they change, and
 * the counts of all other changed views in one message,
 * {@code {"type":"counts","counts":[{"kind":"country","key":"RU","factCount":12},…]}}.
 */
final class ViewWatch {
    /** A page shows one view; a few leave room for side panels without letting a client watch everything. */
    static final int MAX_VIEWS = 8;
    private static final Pattern VIEW = Pattern.compile("(country|topic)/[A-Za-z0-9+_-]{1,64}");

    private ViewWatch() {
    }

    /** The watched views; {@link IllegalArgumentException} saying what is wrong with anything else. */
    static Set<String> parse(String text) {
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + Json.describe(e));
        }
        if (message == null || !message.path("type").asText().equals("watch") || !message.path("views").isArray()) {
            throw new IllegalArgumentException("expected {\"type\":\"watch\",\"views\":[\"country/RU\", …]}");
        }
        if (message.get("views").size() > MAX_VIEWS) {
            throw new IllegalArgumentException("at most " + MAX_VIEWS + " views can be watched");
        }
        Set<String> views = new LinkedHashSet<>();
        for (JsonNode view : message.get("views")) {
            if (!view.isTextual() || !VIEW.matcher(view.asText()).matches()) {
                throw new IllegalArgumentException("a view is \"country/CODE\" or \"topic/ID\"");
            }
            views.add(view.asText());
        }
        return Set.copyOf(views);
    }

    /** The answer to a message the server cannot use; the connection stays open. */
    static String error(String detail) {
        return "{\"type\":\"error\",\"detail\":" + Json.write(detail) + "}";
    }

    /** One view's entry in a {@link #counts} message. */
    static String count(String kind, String key, int factCount) {
        return "{\"kind\":\"" + kind + "\",\"key\":" + Json.write(key) + ",\"factCount\":" + factCount + "}";
    }

    /**
     * The messages that tell a client the new counts of changed views it does not watch: as few as possible, each at
     * most {@code maxBytes} of UTF-8 (one frame), since a second of a busy log changes a thousand event views and
     * WebSocket clients refuse messages above a limit of their own (256 KB in Vert.x, for one).
     */
    static List<String> counts(List<String> counts, int maxBytes) {
        String head = "{\"type\":\"counts\",\"counts\":[";
        String tail = "]}";
        List<String> messages = new ArrayList<>();
        StringBuilder message = new StringBuilder(head);
        int bytes = head.length() + tail.length();
        for (String count : counts) {
            int countBytes = count.getBytes(StandardCharsets.UTF_8).length + 1;
            if (message.length() > head.length() && bytes + countBytes > maxBytes) {
                messages.add(message.append(tail).toString());
                message = new StringBuilder(head);
                bytes = head.length() + tail.length();
            }
            if (message.length() > head.length()) {
                message.append(',');
            }
            message.append(count);
            bytes += countBytes;
        }
        messages.add(message.append(tail).toString());
        return messages;
    }
}
