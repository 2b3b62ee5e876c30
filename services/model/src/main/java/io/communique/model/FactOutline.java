package io.communique.model;

import java.util.List;

/** What folding a fact into views needs of it, read without the rest ({@link FactReader#outline}). */
public record FactOutline(String id, FactType type, List<String> participants, String initiator, String date,
                          List<String> topics, String eventId) {
    /** The outline of a fact already read in full. */
    public static FactOutline of(Fact fact) {
        return new FactOutline(fact.id(), fact.type(), fact.participants(), fact.initiator(), fact.date(),
                fact.topics(), fact.eventId());
    }
}
