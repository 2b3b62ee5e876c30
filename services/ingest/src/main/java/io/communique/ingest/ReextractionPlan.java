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
 * <p>The router sends each version of a fact only to the views it names (its countries, topics and parties) and a
 * view replaces a fact by id, so a new version never reaches the views an older one left: those hear of it only by
 * a retraction of the older version (routed by its own topics and event). A fact's id hashes its participants,
 * so only its topics and its event id can leave a view.
 *
 * @param superseded published versions that reached a view the current version does not (a topic no longer found,
 *                   a new event id): retracted before the current version is published, else those views would
 *                   keep them; of a retracted fact, its earlier versions that reached views its last one did not
 */
public record ReextractionPlan(List<Fact> added, List<Fact> changed, List<Fact> retracted, List<Fact> superseded,
                               int unchanged) {

    /**
     * @param published every version of the document's facts in the log since each one's last retraction, in log
     *                  order: the last one of an id is its current version
     */
    public static ReextractionPlan of(List<Fact> published, List<Fact> extracted) {
        Map<String, List<Fact>> versions = new LinkedHashMap<>();
        published.forEach(fact -> versions.computeIfAbsent(fact.id(), id -> new ArrayList<>()).add(fact));
        List<Fact> added = new ArrayList<>();
        List<Fact> changed = new ArrayList<>();
        List<Fact> superseded = new ArrayList<>();
        int unchanged = 0;
        for (Fact fact : extracted) {
            List<Fact> before = versions.remove(fact.id());
            if (before == null) {
                added.add(fact);
                continue;
            }
            List<Fact> left = leaving(before, fact);
            if (!left.isEmpty() || !withoutExtractor(before.get(before.size() - 1)).equals(withoutExtractor(fact))) {
                changed.add(fact);
                superseded.addAll(left);
            } else {
                unchanged++;
            }
        }
        List<Fact> retracted = new ArrayList<>();
        for (List<Fact> before : versions.values()) {
            Fact last = before.get(before.size() - 1);
            retracted.add(last);
            superseded.addAll(leaving(before.subList(0, before.size() - 1), last));
        }
        return new ReextractionPlan(added, changed, retracted, superseded, unchanged);
    }

    /** The versions that reached a view {@code next} does not reach. */
    private static List<Fact> leaving(List<Fact> versions, Fact next) {
        return versions.stream()
                .filter(version -> !next.topics().containsAll(version.topics())
                        || version.eventId() != null && !version.eventId().equals(next.eventId()))
                .toList();
    }

    /** The plans of many documents together. */
    public static ReextractionPlan sum(List<ReextractionPlan> plans) {
        List<Fact> added = new ArrayList<>();
        List<Fact> changed = new ArrayList<>();
        List<Fact> retracted = new ArrayList<>();
        List<Fact> superseded = new ArrayList<>();
        int unchanged = 0;
        for (ReextractionPlan plan : plans) {
            added.addAll(plan.added());
            changed.addAll(plan.changed());
            retracted.addAll(plan.retracted());
            superseded.addAll(plan.superseded());
            unchanged += plan.unchanged();
        }
        return new ReextractionPlan(added, changed, retracted, superseded, unchanged);
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
