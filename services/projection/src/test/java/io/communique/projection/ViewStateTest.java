package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.CountryView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactReader;
import io.communique.model.FactRef;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.TopicView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The views kept incrementally, as the projection keeps them (a state per view, each fact routed to the views of its
 * participants and topics), against a plain recomputation of every view from the final set of facts.
 */
class ViewStateTest {
    private static final List<String> CODES = List.of("CN", "RU", "DE", "US", "BR", "G20");
    private static final List<String> TOPICS = List.of("trade", "energy", "security");
    private static final FactType[] TYPES = FactType.values();

    private static final int LIMIT = 7;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"parsed facts", "records read back from a log"})
    void boundedViewsAfterRandomFactsRedeliveriesReExtractionsAndRetractionsEqualARecomputationByteForByte(String input) {
        Random random = new Random(42);
        List<Fact> distinct = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            distinct.add(randomFact(random, i));
        }
        List<Fact> log = new ArrayList<>(distinct);
        List<Boolean> retractions = new ArrayList<>(distinct.stream().map(fact -> false).toList());
        List<Fact> mostRecent = distinct.stream().sorted(RECENT_FIRST).limit(4 * LIMIT).toList();
        for (int i = 0; i < 500; i++) {
            Fact again = random.nextBoolean() ? mostRecent.get(random.nextInt(mostRecent.size()))
                    : distinct.get(random.nextInt(distinct.size()));
            // A re-delivery, a re-extraction of the same fact (same id) that changed what the views show, or its
            // retraction, mostly of recent facts so that the bounded lists must bring older ones back.
            int what = random.nextInt(3);
            log.add(what == 1 ? reExtracted(again, random) : again);
            retractions.add(what == 2);
        }
        // As records, the views read each fact's outline only, the whole fact when a view shows it, and facts that
        // come back into a list from the log by locator.
        boolean records = input.startsWith("records");
        List<byte[]> values = log.stream().map(Json::bytes).toList();
        RoutedViews views = new RoutedViews(LIMIT, records ? locator -> FactReader.read(values.get((int) locator))
                : locator -> log.get((int) locator));
        Map<String, Fact> latest = new LinkedHashMap<>();
        for (int i = 0; i < log.size(); i++) {
            Fact fact = log.get(i);
            if (retractions.get(i)) {
                views.retract(fact);
                latest.remove(fact.id());
            } else {
                if (records) {
                    views.apply(values.get(i), i);
                } else {
                    views.apply(fact, i);
                }
                latest.put(fact.id(), fact);
            }
        }
        for (String code : CODES) {
            CountryView view = views.country(code);
            assertThat(view.reportCount()).as(code).isGreaterThan(LIMIT);
            assertThat(view.factCount()).as(code).isLessThan(view.reportCount()); // some reports share an event
            assertThat(Json.write(view)).as(code).isEqualTo(Json.write(recomputedCountry(code, latest.values())));
            List<Fact> involving = latest.values().stream().filter(fact -> fact.involves(code)).toList();
            assertThat(Json.write(CountryFold.view(code, involving, LIMIT))).as(code).isEqualTo(Json.write(view));
        }
        for (String topic : TOPICS) {
            assertThat(Json.write(views.topic(topic))).as(topic).isEqualTo(Json.write(recomputedTopic(topic, latest.values())));
        }
    }

    @Test
    void reportsOfOneEventCountOnceAndARetractedRepresentativeHandsTheCountToTheNextReport() {
        Random random = new Random(5);
        Fact first = withEvent(randomFact(random, 1), "event-1");
        Fact second = withEvent(new Fact(Ids.factId("other", first.type(), first.participants(), first.date(), 0),
                "other", "test", first.type(), first.participants(), first.initiator(), List.of(), first.date(), null,
                null, null, first.topics(), 0.5, new Evidence("s", 0, 1), new ExtractorInfo("rules", "1")), "event-1");
        RoutedViews views = unbounded();
        views.apply(first, 0);
        views.apply(second, 1);
        CountryView china = views.country("CN");
        assertThat(china.factCount()).isEqualTo(1);
        assertThat(china.reportCount()).isEqualTo(2);
        assertThat(china.counterparts().get(0).total()).isEqualTo(1);

        views.retract(first.id().compareTo(second.id()) < 0 ? first : second);
        assertThat(views.country("CN").factCount()).isEqualTo(1);
        assertThat(views.country("CN").counterparts().get(0).total()).isEqualTo(1);
        views.retract(first);
        views.retract(second);
        assertThat(views.country("CN").factCount()).isZero();
        assertThat(views.country("CN").counterparts()).isEmpty();
    }

    @Test
    void aRepresentativeReExtractedWithAnotherShapeHandsItsEventOverFromItsNewShape() {
        Fact report = withEvent(randomFact(new Random(9), 1), "event-1");
        Fact first = withIdAndTopics(report, "00000000000000000000000000000001", List.of("trade"));
        Fact second = withIdAndTopics(report, "00000000000000000000000000000002", List.of("trade"));
        Fact reExtracted = withIdAndTopics(first, first.id(), List.of("energy")); // same event, another shape
        Fact earliest = withIdAndTopics(report, "00000000000000000000000000000000", List.of("security"));
        RoutedViews views = unbounded();
        for (Fact fact : List.of(first, second, reExtracted, earliest)) {
            views.apply(fact, 0);
        }
        // The earliest report now represents the event: its count leaves the re-extracted shape, not the first one.
        List<Fact> latest = List.of(reExtracted, second, earliest);
        for (String code : first.participants()) {
            assertThat(Json.write(views.country(code))).as(code).isEqualTo(Json.write(recomputedCountry(code, latest)));
        }
        assertThat(views.country("CN").topics()).extracting(Count::key).containsExactly("security");
    }

    @Test
    void aFactAppliedToAViewItIsNotInLeavesItUnchanged() {
        Fact fact = withParticipantsAndTopics(randomFact(new Random(10), 1), List.of("CN", "RU"), List.of("trade"));
        CountryFold.State germany = new CountryFold.State("DE", LIMIT, FactSource.NONE);
        CountryView before = germany.view();
        assertThat(germany.apply(FoldedFact.of(fact, FactSource.NO_LOCATOR))).isFalse();
        assertThat(germany.view()).isSameAs(before);
        assertThat(germany.retract(fact.id())).isFalse();
    }

    @Test
    void aViewIsMaterialisedOnceAndAgainOnlyAfterAChange() {
        RoutedViews views = unbounded();
        Random random = new Random(1);
        Fact first = randomFact(random, 1);
        views.apply(first, 0);
        String code = first.participants().get(0);
        CountryView view = views.country(code);
        assertThat(views.country(code)).isSameAs(view);

        assertThat(views.apply(first, 0)).isEmpty();
        assertThat(views.country(code)).isSameAs(view);

        Fact second = new Fact(Ids.factId("other", FactType.TALKS, first.participants(), null, 0), "other", "test",
                FactType.TALKS, first.participants(), null, List.of(), null, null, null, null, List.of(), 0.5,
                new Evidence("s", 0, 1), new ExtractorInfo("rules", "1"));
        assertThat(views.apply(second, 1)).containsAll(first.participants());
        assertThat(views.country(code)).isNotSameAs(view);
        assertThat(views.country(code).facts()).contains(first, second);
        assertThat(view.facts()).containsExactly(first); // a view handed out never changes
    }

    @Test
    void factsAreOrderedMostRecentFirstUndatedLastAndTiesByIdAsTheirStringsWould() {
        Random random = new Random(3);
        RoutedViews views = unbounded();
        List<Fact> all = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String date = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> String.format("--%02d-%02d", 1 + random.nextInt(2), 1 + random.nextInt(3));
                default -> String.format("%d-%02d-%02d", 1999 + random.nextInt(3), 1 + random.nextInt(2), 1 + random.nextInt(3));
            };
            Fact fact = withIdAndDate(randomFact(random, i), Ids.factId("doc", FactType.TALKS, List.of("CN"), date, i), date);
            all.add(fact);
            views.apply(fact, i);
        }
        assertThat(views.country("CN").facts()).containsExactlyElementsOf(all.stream().sorted(RECENT_FIRST).toList());
    }

    @Test
    void aDateOutsideTheSchemaIsRefusedWithTheReasonAndIdsOfAnyFormStillIdentifyFacts() {
        Random random = new Random(4);
        RoutedViews views = unbounded();
        for (String date : List.of("2019-3-1", "2019-03-0x", "２０１９-03-01", "2019-03")) {
            Fact fact = withIdAndDate(randomFact(random, 1), "f1", date);
            assertThatThrownBy(() -> views.apply(fact, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(date);
        }
        Fact short1 = withIdAndDate(randomFact(random, 2), "f1", null);
        Fact short2 = withIdAndDate(short1, "f2", null);
        views.apply(short1, 0);
        views.apply(short2, 1);
        assertThat(views.country("CN").reportCount()).isEqualTo(2);
        views.retract(short1);
        assertThat(views.country("CN").facts()).containsExactly(short2);
    }

    @Test
    void aRecordWhoseOutlineIsValidButWholeFactIsNotIsCountedAndLeftOutOfTheListsItWouldHead() {
        Random random = new Random(6);
        Fact valid = withIdAndDate(randomFact(random, 1), Ids.factId("doc", FactType.TALKS, List.of("CN"), null, 1), "2019-01-01");
        List<byte[]> values = new ArrayList<>(List.of(Json.bytes(valid)));
        RoutedViews views = new RoutedViews(LIMIT, locator -> FactReader.read(values.get((int) locator)));
        views.apply(values.get(0), 0);
        String broken = new String(Json.bytes(withIdAndDate(valid, Ids.factId("doc", FactType.TALKS, List.of("CN"), null, 2),
                "2020-01-01")), StandardCharsets.UTF_8).replaceFirst("\\{\"text\":\"s\",\"start\":0", "{\"text\":5,\"start\":0");
        assertThat(broken).contains("{\"text\":5,");
        byte[] record = broken.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> FactReader.read(record)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("text");

        assertThat(views.apply(record, 1)).contains("CN");
        assertThat(views.country("CN").reportCount()).isEqualTo(2);
        assertThat(views.country("CN").facts()).containsExactly(valid);
    }

    @Test
    void aRetractionReplayedAfterAFailedReadBackFillsTheListAndReportsTheChange() {
        Random random = new Random(8);
        List<Fact> facts = new ArrayList<>();
        for (int day = 1; day <= 4; day++) {
            String date = String.format("2019-02-%02d", day);
            facts.add(withIdAndDate(randomFact(random, day), Ids.factId("doc", FactType.TALKS, List.of("CN"), date, day), date));
        }
        boolean[] logReachable = {false};
        RoutedViews views = new RoutedViews(2, locator -> {
            if (!logReachable[0]) {
                throw new IllegalStateException("the log is unreachable");
            }
            return facts.get((int) locator);
        });
        for (int i = 0; i < facts.size(); i++) {
            views.apply(Json.bytes(facts.get(i)), i);
        }
        assertThatThrownBy(() -> views.retract(facts.get(3))).isInstanceOf(IllegalStateException.class);

        logReachable[0] = true; // the batch is replayed
        assertThat(views.retract(facts.get(3))).contains("CN");
        assertThat(views.country("CN").facts()).containsExactly(facts.get(2), facts.get(1));
    }

    /** Views whose lists hold every fact: nothing is ever read back. */
    private static RoutedViews unbounded() {
        return new RoutedViews(Integer.MAX_VALUE, FactSource.NONE);
    }

    private static Fact withEvent(Fact fact, String eventId) {
        return new Fact(fact.id(), fact.documentId(), fact.source(), fact.type(), fact.participants(), fact.initiator(),
                fact.persons(), fact.date(), fact.endDate(), fact.location(), fact.title(), fact.topics(),
                fact.confidence(), fact.evidence(), fact.extractor(), eventId, null, null, null);
    }

    private static Fact withParticipantsAndTopics(Fact fact, List<String> participants, List<String> topics) {
        return new Fact(fact.id(), fact.documentId(), fact.source(), fact.type(), participants, null, fact.persons(),
                fact.date(), fact.endDate(), fact.location(), fact.title(), topics, fact.confidence(), fact.evidence(),
                fact.extractor(), fact.eventId(), null, null, null);
    }

    private static Fact withIdAndTopics(Fact fact, String id, List<String> topics) {
        return new Fact(id, fact.documentId(), fact.source(), fact.type(), fact.participants(), fact.initiator(),
                fact.persons(), fact.date(), fact.endDate(), fact.location(), fact.title(), topics, fact.confidence(),
                fact.evidence(), fact.extractor(), fact.eventId(), null, null, null);
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
        String eventId = random.nextInt(3) == 0 ? "event-" + random.nextInt(40) : null;
        return new Fact(Ids.factId(document, type, participants, date, ordinal), document, "test", type, participants,
                participants.get(random.nextInt(participants.size())), List.of(), date, null, null,
                type == FactType.AGREEMENT_SIGNED ? "协议" + ordinal : null, topics, 0.9, new Evidence("s", 0, 1),
                new ExtractorInfo("rules", "1"), eventId, null, null, null);
    }

    /**
     * The same fact id and views (its id names its participants; the router sends it to the views of its participants
     * and topics); another initiator, title and confidence; sometimes another date or another event.
     */
    private static Fact reExtracted(Fact fact, Random random) {
        List<String> participants = fact.participants();
        List<String> topics = fact.topics();
        String eventId = switch (random.nextInt(6)) {
            case 0 -> null;
            case 1 -> "event-" + random.nextInt(40);
            default -> fact.eventId();
        };
        String date = switch (random.nextInt(4)) {
            case 0 -> "2030-01-01"; // moves it first
            case 1 -> null; // moves it last
            default -> fact.date();
        };
        return new Fact(fact.id(), fact.documentId(), fact.source(), fact.type(), participants,
                random.nextBoolean() ? null : participants.get(random.nextInt(participants.size())), fact.persons(),
                date, fact.endDate(), "北京", "标题", topics, 0.5, fact.evidence(), fact.extractor(),
                eventId, null, null, null);
    }

    // --- the views recomputed from scratch, the simplest way ---------------------------------------------------

    private static final Comparator<Fact> RECENT_FIRST = Comparator.comparing(Fact::recencyKey).reversed()
            .thenComparing(Fact::id);

    /** Each event's representative: of its reports (same event id, else alone), the one with the smallest id. */
    private static List<Fact> representatives(List<Fact> facts) {
        Map<String, Fact> events = new TreeMap<>();
        facts.forEach(fact -> events.merge(fact.eventId() != null ? fact.eventId() : fact.id(), fact,
                (a, b) -> a.id().compareTo(b.id()) <= 0 ? a : b));
        return List.copyOf(events.values());
    }

    private static CountryView recomputedCountry(String code, Collection<Fact> all) {
        List<Fact> facts = all.stream().filter(fact -> fact.involves(code)).sorted(RECENT_FIRST).toList();
        List<Fact> events = representatives(facts);
        Map<String, Map<FactType, Integer>> byType = new TreeMap<>();
        events.forEach(fact -> fact.participants().stream().filter(p -> !p.equals(code)).forEach(other ->
                byType.computeIfAbsent(other, key -> new EnumMap<>(FactType.class)).merge(fact.type(), 1, Integer::sum)));
        List<Count> ranked = rank(events.stream().flatMap(fact -> fact.participants().stream().filter(p -> !p.equals(code))));
        Predicate<Fact> made = fact -> fact.type() == FactType.VISIT && code.equals(fact.initiator());
        Predicate<Fact> received = fact -> fact.type() == FactType.VISIT && fact.initiator() != null
                && !code.equals(fact.initiator());
        Predicate<Fact> agreements = fact -> fact.type() == FactType.AGREEMENT_SIGNED;
        Predicate<Fact> statements = fact -> fact.type() == FactType.STATEMENT_SIGNED;
        return new CountryView(code, events.size(),
                ranked.stream().map(c -> new io.communique.model.Counterpart(c.key(), c.count(), byType.get(c.key()))).toList(),
                refs(code, facts, made), refs(code, facts, received), refs(code, facts, agreements),
                refs(code, facts, statements),
                rank(events.stream().flatMap(fact -> fact.topics().stream())),
                facts.stream().limit(LIMIT).toList(), facts.size(),
                (int) events.stream().filter(made).count(), (int) events.stream().filter(received).count(),
                (int) events.stream().filter(agreements).count(), (int) events.stream().filter(statements).count());
    }

    private static TopicView recomputedTopic(String id, Collection<Fact> all) {
        List<Fact> facts = all.stream().filter(fact -> fact.topics().contains(id)).sorted(RECENT_FIRST).toList();
        List<Fact> events = representatives(facts);
        return new TopicView(id, events.size(), rank(events.stream().flatMap(fact -> fact.participants().stream())),
                facts.stream().limit(LIMIT).toList(), facts.size());
    }

    private static List<FactRef> refs(String code, List<Fact> facts, Predicate<Fact> which) {
        return facts.stream().filter(which).limit(LIMIT).map(fact -> FactRef.of(fact, code)).toList();
    }

    private static List<Count> rank(Stream<String> keys) {
        Map<String, Integer> counts = new TreeMap<>();
        keys.forEach(key -> counts.merge(key, 1, Integer::sum));
        return counts.entrySet().stream().map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(Count::count).reversed().thenComparing(Count::key)).toList();
    }
}
