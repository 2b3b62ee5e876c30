package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.CountryView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactRef;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.TopicView;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The incremental store against a plain recomputation of every view from the final set of facts. */
class ViewStoreTest {
    private static final List<String> CODES = List.of("CN", "RU", "DE", "US", "BR", "G20");
    private static final List<String> TOPICS = List.of("trade", "energy", "security");
    private static final FactType[] TYPES = FactType.values();

    @Test
    void viewsAfterRandomFactsRedeliveriesAndReExtractionsEqualARecomputationByteForByte() {
        Random random = new Random(42);
        List<Fact> distinct = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            distinct.add(randomFact(random, i));
        }
        List<Fact> log = new ArrayList<>(distinct);
        for (int i = 0; i < 300; i++) {
            Fact again = distinct.get(random.nextInt(distinct.size()));
            // A re-delivery, or a re-extraction of the same fact (same id) that changed what the views show.
            log.add(random.nextBoolean() ? again : reExtracted(again, random));
        }
        ViewStore store = new ViewStore();
        Map<String, Fact> latest = new LinkedHashMap<>();
        for (Fact fact : log) {
            store.apply(fact);
            latest.put(fact.id(), fact);
        }
        for (String code : CODES) {
            assertThat(Json.write(store.country(code))).as(code).isEqualTo(Json.write(recomputedCountry(code, latest.values())));
        }
        for (String topic : TOPICS) {
            assertThat(Json.write(store.topic(topic))).as(topic).isEqualTo(Json.write(recomputedTopic(topic, latest.values())));
        }
    }

    @Test
    void aViewIsMaterialisedOnceAndAgainOnlyAfterAChange() {
        ViewStore store = new ViewStore();
        Random random = new Random(1);
        Fact first = randomFact(random, 1);
        store.apply(first);
        String code = first.participants().get(0);
        CountryView view = store.country(code);
        assertThat(store.country(code)).isSameAs(view);

        store.apply(first);
        assertThat(store.country(code)).isSameAs(view);

        Fact second = new Fact(Ids.factId("other", FactType.TALKS, first.participants(), null, 0), "other", "test",
                FactType.TALKS, first.participants(), null, List.of(), null, null, null, null, List.of(), 0.5,
                new Evidence("s", 0, 1), new ExtractorInfo("rules", "1"));
        assertThat(store.apply(second).countries()).containsAll(first.participants());
        assertThat(store.country(code)).isNotSameAs(view);
        assertThat(store.country(code).facts()).contains(first, second);
        assertThat(view.facts()).containsExactly(first); // a view handed out never changes
    }

    @Test
    void factsAreOrderedByTheirRecencyKeyAndIdAsStringsWhateverTheirForm() {
        List<String> dates = List.of("2019-03-01", "2019-03-10", "1999-12-31", "--03-01", "--12-31", "2019-3-1",
                "2019-03-0x", "２０１９-03-01");
        List<String> ids = List.of("0a", "ff", "00000000000000000000000000000001", "fffffffffffffff0", "FFFFFFFFFFFFFFFF0",
                "a0000000000000000000000000000000", "a000000000000000000000000000000b", "zzzzzzzzzzzzzzzz", "٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣٣");
        Random random = new Random(3);
        Folds.FactSet set = new Folds.FactSet();
        List<Fact> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String date = random.nextInt(6) == 0 ? null : dates.get(random.nextInt(dates.size()));
            Fact fact = withIdAndDate(randomFact(random, i), ids.get(random.nextInt(ids.size())) + i % 7, date);
            if (set.get(fact.id()) == null) {
                all.add(fact);
                set.put(fact);
            }
        }
        assertThat(List.copyOf(set.inOrder())).containsExactlyElementsOf(all.stream().sorted(RECENT_FIRST).toList());
    }

    private static Fact withIdAndDate(Fact fact, String id, String date) {
        return new Fact(id, fact.documentId(), fact.source(), fact.type(), fact.participants(), fact.initiator(),
                fact.persons(), date, fact.endDate(), fact.location(), fact.title(), fact.topics(), fact.confidence(),
                fact.evidence(), fact.extractor());
    }

    private static Fact randomFact(Random random, int ordinal) {
        FactType type = TYPES[random.nextInt(TYPES.length)];
        List<String> participants = Stream.of("CN", CODES.get(1 + random.nextInt(CODES.size() - 1)),
                        random.nextInt(4) == 0 ? CODES.get(1 + random.nextInt(CODES.size() - 1)) : "CN")
                .distinct().sorted().toList();
        String date = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> String.format("--%02d-%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            default -> String.format("20%02d-%02d-01", 10 + random.nextInt(10), 1 + random.nextInt(12));
        };
        List<String> topics = TOPICS.stream().filter(topic -> random.nextInt(3) == 0).toList();
        String document = Ids.documentId("report " + ordinal / 3);
        return new Fact(Ids.factId(document, type, participants, date, ordinal), document, "test", type, participants,
                participants.get(random.nextInt(participants.size())), List.of(), date, null, null,
                type == FactType.AGREEMENT_SIGNED ? "协议" + ordinal : null, topics, 0.9, new Evidence("s", 0, 1),
                new ExtractorInfo("rules", "1"));
    }

    /** The same fact id and topics, another initiator, title and confidence. */
    private static Fact reExtracted(Fact fact, Random random) {
        List<String> participants = fact.participants();
        return new Fact(fact.id(), fact.documentId(), fact.source(), fact.type(), participants,
                random.nextBoolean() ? null : participants.get(random.nextInt(participants.size())), fact.persons(),
                fact.date(), fact.endDate(), "北京", "标题", fact.topics(), 0.5, fact.evidence(), fact.extractor());
    }

    // --- the views recomputed from scratch, the simplest way ---------------------------------------------------

    private static final Comparator<Fact> RECENT_FIRST = Comparator.comparing(Fact::recencyKey).reversed()
            .thenComparing(Fact::id);

    private static CountryView recomputedCountry(String code, Collection<Fact> all) {
        List<Fact> facts = all.stream().filter(fact -> fact.involves(code)).sorted(RECENT_FIRST).toList();
        Map<String, Map<FactType, Integer>> byType = new TreeMap<>();
        facts.forEach(fact -> fact.participants().stream().filter(p -> !p.equals(code)).forEach(other ->
                byType.computeIfAbsent(other, key -> new EnumMap<>(FactType.class)).merge(fact.type(), 1, Integer::sum)));
        List<Count> ranked = rank(facts.stream().flatMap(fact -> fact.participants().stream().filter(p -> !p.equals(code))));
        return new CountryView(code, facts.size(),
                ranked.stream().map(c -> new io.communique.model.Counterpart(c.key(), c.count(), byType.get(c.key()))).toList(),
                refs(code, facts, fact -> fact.type() == FactType.VISIT && code.equals(fact.initiator())),
                refs(code, facts, fact -> fact.type() == FactType.VISIT && fact.initiator() != null
                        && !code.equals(fact.initiator())),
                refs(code, facts, fact -> fact.type() == FactType.AGREEMENT_SIGNED),
                refs(code, facts, fact -> fact.type() == FactType.STATEMENT_SIGNED),
                rank(facts.stream().flatMap(fact -> fact.topics().stream())),
                facts);
    }

    private static TopicView recomputedTopic(String id, Collection<Fact> all) {
        List<Fact> facts = all.stream().filter(fact -> fact.topics().contains(id)).sorted(RECENT_FIRST).toList();
        return new TopicView(id, facts.size(), rank(facts.stream().flatMap(fact -> fact.participants().stream())), facts);
    }

    private static List<FactRef> refs(String code, List<Fact> facts, Predicate<Fact> which) {
        return facts.stream().filter(which).map(fact -> FactRef.of(fact, code)).toList();
    }

    private static List<Count> rank(Stream<String> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        keys.forEach(key -> counts.merge(key, 1, Integer::sum));
        return counts.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::key)).toList();
    }
}
