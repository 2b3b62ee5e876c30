package io.communique.model;

import java.util.Map;

/**
 * How a Kafka topic is laid out; created with exactly this at start-up when missing.
 *
 * @param name       the topic name, versioned: a breaking change of the value means a new ".v2" topic
 * @param partitions partition count
 * @param config     topic-level configuration (cleanup policy, retention)
 */
public record TopicSpec(String name, int partitions, Map<String, String> config) {

    public TopicSpec {
        config = Map.copyOf(config);
    }

    /** The classpath resource holding this topic's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + name + ".json";
    }
}
