package io.communique.model.contracts;

import io.vertx.core.json.JsonObject;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A document to ingest as it travels on the event bus from whoever received it (HTTP, seeds, later feeds) to the
 * ingest verticle. {@link #problem()} says what is wrong with it, in words fit for the sender.
 */
public record IngestRequest(String text, String source, String url, String language, String published) {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_FIELD_LENGTH = 2048;

    public JsonObject toJson() {
        return new JsonObject().put("text", text).put("source", source).put("url", url)
                .put("language", language).put("published", published);
    }

    /** Reads a request; a field that is present but not a string throws {@link IllegalArgumentException}. */
    public static IngestRequest fromJson(JsonObject json) {
        return new IngestRequest(string(json, "text"), string(json, "source"), string(json, "url"),
                string(json, "language"), string(json, "published"));
    }

    private static String string(JsonObject json, String field) {
        Object value = json.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException("text, published, language and url must be strings");
        }
        return (String) value;
    }

    /** What is wrong with the request, or null when it can be ingested. */
    public String problem() {
        if (text == null || text.isBlank()) {
            return "the report text is empty";
        }
        if (published != null) {
            if (!ISO_DATE.matcher(published).matches()) {
                return "published must be a date as YYYY-MM-DD, not '" + abbreviate(published) + "'";
            }
            try {
                LocalDate.parse(published);
            } catch (DateTimeException e) {
                return "published is not a calendar date: " + published;
            }
        }
        for (String field : new String[]{source, url, language}) {
            if (field != null && field.length() > MAX_FIELD_LENGTH) {
                return "source, url and language are limited to " + MAX_FIELD_LENGTH + " characters";
            }
        }
        return null;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
