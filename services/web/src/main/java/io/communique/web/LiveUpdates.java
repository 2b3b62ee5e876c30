package io.communique.web;

import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a dashboard is told of the fact log since its last update, coalesced: the new and corrected facts (the latest
 * version of each) and the retracted ids, of which an update lists the most recent {@link LivePace#maxFacts} each
 * and counts the others as omitted, so an update's size is bounded however many facts arrived. Facts go slim
 * ({@link SlimFact}); the dashboard fetches a whole fact over REST when it shows its details. One update is encoded
 * once for every client. Event-loop confined.
 */
final class LiveUpdates {
    /** Characters of evidence a slim fact keeps: the dashboard's feed shows one line of it. */
    static final int EVIDENCE_CHARS = 160;

    /** A fact as a dashboard's live feed shows it; the whole fact is at {@code /api/facts?document=}. */
    record SlimFact(String id, String documentId, FactType type, List<String> participants, String initiator,
                    String date, String endDate, String title, String evidence) {
        static SlimFact of(Fact fact) {
            return new SlimFact(fact.id(), fact.documentId(), fact.type(), fact.participants(), fact.initiator(),
                    fact.date(), fact.endDate(), fact.title(),
                    fact.evidence() == null ? null : shortened(fact.evidence().text()));
        }
    }

    /** How many facts and retracted ids this update leaves out (older ones, when more arrived than it lists). */
    record Omitted(int facts, int retracted) {
    }

    /** The message: {@code {"type":"update", facts, retracted, omitted, factTotal}}. */
    record Update(String type, List<SlimFact> facts, List<String> retracted, Omitted omitted, long factTotal) {
    }

    private final int maxFacts;
    /** Facts new or changed since the last update, the latest version of each, in the order they last changed. */
    private final Map<String, Fact> facts = new LinkedHashMap<>();
    private final Set<String> retracted = new LinkedHashSet<>();

    LiveUpdates(LivePace pace) {
        this.maxFacts = pace.maxFacts();
    }

    /** A new or corrected fact. */
    void fact(Fact fact) {
        retracted.remove(fact.id());
        facts.remove(fact.id()); // a correction counts as the latest change
        facts.put(fact.id(), fact);
    }

    /** A retracted fact: it leaves the pending facts too, since a client may hold an earlier version. */
    void retraction(String id) {
        facts.remove(id);
        retracted.remove(id);
        retracted.add(id);
    }

    boolean isEmpty() {
        return facts.isEmpty() && retracted.isEmpty();
    }

    /** The update of everything since the last one, UTF-8, and starts empty again; {@code factTotal} as of now. */
    byte[] drain(long factTotal) {
        Update update = new Update("update", latest(facts.values(), facts.size()).stream().map(SlimFact::of).toList(),
                latest(retracted, retracted.size()), new Omitted(Math.max(0, facts.size() - maxFacts),
                Math.max(0, retracted.size() - maxFacts)), factTotal);
        facts.clear();
        retracted.clear();
        return Json.bytes(update);
    }

    /** The last {@link #maxFacts} of the items, in their order. */
    private <T> List<T> latest(Iterable<T> items, int size) {
        List<T> latest = new ArrayList<>(Math.min(size, maxFacts));
        Iterator<T> all = items.iterator();
        for (int skip = size - maxFacts; skip > 0; skip--) {
            all.next();
        }
        all.forEachRemaining(latest::add);
        return latest;
    }

    /** The text cut to {@link #EVIDENCE_CHARS} characters (never inside a surrogate pair), with an ellipsis if cut. */
    static String shortened(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= EVIDENCE_CHARS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EVIDENCE_CHARS - 1)) + "…";
    }
}
