package io.communique.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * A watch: what a user wants to be alerted about, the value of {@link Topics#WATCHES} (key = its id; a tombstone
 * deletes it). Every criterion given must hold (AND); within one, any item may (OR). A watch names at least one.
 *
 * @param id        32 hex characters, chosen by the server
 * @param name      what the user calls it, shown with its alerts
 * @param countries a participant among these codes
 * @param pair      exactly two codes, both participants
 * @param types     the fact's type among these
 * @param topics    a topic of the fact among these ids
 * @param persons   a person of the fact whose name contains one of these (case-insensitive)
 * @param webhook   where alerts are also delivered, or null
 * @param createdAt ISO-8601 instant: the watch alerts on facts accepted from then on, never on older ones
 */
public record Watch(String id, String name, List<String> countries, List<String> pair, List<FactType> types,
                    List<String> topics, List<String> persons, Webhook webhook, String createdAt) {

    /**
     * A webhook: alerts are POSTed to {@code url} with an HMAC-SHA256 of the body under {@code secret}.
     *
     * @param secret the signing key; never served by the API (see {@link Watch#withoutSecret})
     */
    public record Webhook(String url, String secret) {
    }

    public Watch {
        countries = countries == null ? List.of() : List.copyOf(countries);
        pair = pair == null ? List.of() : List.copyOf(pair);
        types = types == null ? List.of() : List.copyOf(types);
        topics = topics == null ? List.of() : List.copyOf(topics);
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    /** Whether the watch names no criterion at all (such a watch is refused: it would match every fact). */
    @JsonIgnore
    public boolean isEmpty() {
        return countries.isEmpty() && pair.isEmpty() && types.isEmpty() && topics.isEmpty() && persons.isEmpty();
    }

    /** The watch as the API shows it: the webhook's URL without its secret. */
    public Watch withoutSecret() {
        return webhook == null ? this : new Watch(id, name, countries, pair, types, topics, persons,
                new Webhook(webhook.url(), null), createdAt);
    }
}
