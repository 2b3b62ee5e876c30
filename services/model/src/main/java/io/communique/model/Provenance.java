package io.communique.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the extractor emitted the fact the way it did, so a reader can check it against the evidence.
 *
 * @param dateRule          how the date was found, e.g. "absolute", "range, year from published date",
 *                          "relative:次日 to previous date", "report: absolute without year", "dateline"; null without a date
 * @param confidenceReasons what raised or lowered the confidence, each "+0.30 reason": the confidence is their sum
 * @param topicCues         for every topic, the cue in the text that matched it
 */
public record Provenance(String dateRule, List<String> confidenceReasons, Map<String, String> topicCues) {

    public Provenance {
        confidenceReasons = confidenceReasons == null ? List.of() : List.copyOf(confidenceReasons);
        // in the order found (the taxonomy's, as the fact's topics)
        topicCues = topicCues == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(topicCues));
    }
}
