package io.communique.model;

/** How many facts a key (a country, a topic) has within a view. */
public record Count(String key, int count) {
}
