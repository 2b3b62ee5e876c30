package io.communique.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Access to the JSON Schema of each topic, shipped as classpath resources beside the records. */
public final class Schemas {
    private Schemas() {
    }

    /** The schema text of one of our topics, or null when the topic is unknown. */
    public static String of(String topic) {
        TopicSpec spec = Topics.spec(topic);
        if (spec == null) {
            return null;
        }
        try (InputStream in = Schemas.class.getResourceAsStream(spec.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + spec.schemaResource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
