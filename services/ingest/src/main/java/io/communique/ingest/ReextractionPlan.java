package io.communique.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Json;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What re-extracting one document with the current extractor changes: facts it finds that were not published
 * (added), published facts whose content differs (changed), and published facts it no longer finds (retracted).
 * A fact that differs only in the extractor version is unchanged: history is not rewritten for a version stamp.
 *
 * @param leftTheirEvent the published versions of changed facts whose event id changed (a signed document's new
 *                       title): retracted before the new version is published, else the old event would keep them
 */
public record ReextractionPlan(List<Fact> added, List<Fact> changed, List<Fact> retracted, List<Fact> leftTheirEvent,
                               int unchanged) {

    public static ReextractionPlan of(List<Fact> published, List<Fact> extracted) {
        Map<String, Fact> before = published.stream().collect(Collectors.toMap(Fact::id, Function.identity(), (a, b) -> b,
                LinkedHashMap::new));
        List<Fact> added = new ArrayList<>();
        List<Fact> changed = new ArrayList<>();
        List<Fact> leftTheirEvent = new ArrayList<>();
        int unchanged = 0;
        for (Fact fact : extracted) {
            Fact previous = before.remove(fact.id());
            if (previous == null) {
                added.add(fact);
            } else if (!withoutExtractor(previous).equals(withoutExtractor(fact))) {
                changed.add(fact);
                if (previous.eventId() != null && !previous.eventId().equals(fact.eventId())) {
                    leftTheirEvent.add(previous);
                }
            } else {
                unchanged++;
            }
        }
        return new ReextractionPlan(added, changed, List.copyOf(before.values()), leftTheirEvent, unchanged);
    }

    /** The plans of many documents together. */
    public static ReextractionPlan sum(List<ReextractionPlan> plans) {
        List<Fact> added = new ArrayList<>();
        List<Fact> changed = new ArrayList<>();
        List<Fact> retracted = new ArrayList<>();
        List<Fact> leftTheirEvent = new ArrayList<>();
        int unchanged = 0;
        for (ReextractionPlan plan : plans) {
            added.addAll(plan.added());
            changed.addAll(plan.changed());
            retracted.addAll(plan.retracted());
            leftTheirEvent.addAll(plan.leftTheirEvent());
            unchanged += plan.unchanged();
        }
        return new ReextractionPlan(added, changed, retracted, leftTheirEvent, unchanged);
    }

    /** Counts per fact type: {@code {"added": {"TALKS": 2}, "changed": {…}, "retracted": {…}, "unchanged": 40}}. */
    public Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("added", countByType(added));
        report.put("changed", countByType(changed));
        report.put("retracted", countByType(retracted));
        report.put("unchanged", unchanged);
        return report;
    }

    private static Map<FactType, Integer> countByType(List<Fact> facts) {
        Map<FactType, Integer> counts = new EnumMap<>(FactType.class);
        facts.forEach(fact -> counts.merge(fact.type(), 1, Integer::sum));
        return counts;
    }

    private static ObjectNode withoutExtractor(Fact fact) {
        ObjectNode json = Json.MAPPER.valueToTree(fact);
        json.remove("extractor");
        return json;
    }
}
