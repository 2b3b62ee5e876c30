package io.communique.model;

/**
 * A fact that matched a watch: the value of {@link Topics#ALERTS}, key = its id. Nothing in it depends on when it was
 * computed, so replaying the fact log gives the same alert, byte for byte, under the same key.
 *
 * @param id         {@link Ids#alertId}: deterministic from the watch and the fact
 * @param watchId    the watch that matched
 * @param watchName  its name when the alert was raised
 * @param acceptedAt ISO-8601 instant the fact record was written to {@link Topics#FACTS}
 * @param fact       the fact as published
 */
public record Alert(String id, String watchId, String watchName, String acceptedAt, Fact fact) {
}
