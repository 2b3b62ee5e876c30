package io.communique.projection;

import io.communique.model.FactType;

import java.util.List;
import java.util.Objects;

/**
 * What a view counts and lists a fact by: its type, initiator, participants and topics. Few distinct ones: a
 * {@link FactTable} numbers them, and its rows hold the number; the hash is computed once, as the table looks every
 * fact's shape up.
 */
final class Shape {
    private final FactType type;
    private final String initiator;
    private final List<String> participants;
    private final List<String> topics;
    private final int hash;

    Shape(FactType type, String initiator, List<String> participants, List<String> topics) {
        this.type = type;
        this.initiator = initiator;
        this.participants = participants;
        this.topics = topics;
        // Not Objects.hash: its calls of hashCode on mixed types reach an enum's native identity hash every time.
        int typeHash = type == null ? 0 : type.ordinal() + 1;
        this.hash = ((typeHash * 31 + Objects.hashCode(initiator)) * 31 + participants.hashCode()) * 31 + topics.hashCode();
    }

    FactType type() {
        return type;
    }

    String initiator() {
        return initiator;
    }

    List<String> participants() {
        return participants;
    }

    List<String> topics() {
        return topics;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Shape shape && hash == shape.hash && type == shape.type
                && Objects.equals(initiator, shape.initiator) && participants.equals(shape.participants)
                && topics.equals(shape.topics);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
