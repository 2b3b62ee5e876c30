package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
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
     * The messages that tell a client the new counts of changed views it does not watch, from their {@link #count}
     * entries: as few as possible, each within one frame ({@link BatchedMessages}).
     */
    static List<byte[]> counts(List<String> counts) {
        BatchedMessages messages = new BatchedMessages("counts");
        counts.forEach(count -> messages.add(count.getBytes(StandardCharsets.UTF_8)));
        return messages.drain();
    }
}
