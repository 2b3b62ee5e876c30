package io.communique.model;

import java.util.Map;

/**
 * How a Kafka topic is laid out; created with exactly this at start-up when missing.
 *
 * @param name        the topic name, versioned: a breaking change of the value means a new ".v2" topic
 * @param partitions  partition count
 * @param config      topic-level configuration (cleanup policy, retention)
 * @param valueSchema the topic whose schema its values follow (itself, or e.g. the fact topic for routed facts)
 */
public record TopicSpec(String name, int partitions, Map<String, String> config, String valueSchema) {

    public TopicSpec {
        config = Map.copyOf(config);
    }

    public TopicSpec(String name, int partitions, Map<String, String> config) {
        this(name, partitions, config, name);
    }

    /** The classpath resource holding this topic's JSON Schema. */
    public String schemaResource() {
        return "/schemas/" + valueSchema + ".json";
    }
}
