package io.communique.web;

/** Whether the app can serve: Kafka reachable and the followed topics read up to where they stood at start. */
public record Health(String kafka, boolean kafkaReachable, boolean caughtUp, String reason) {

    public boolean up() {
        return kafkaReachable && caughtUp;
    }
}
