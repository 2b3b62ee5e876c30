package io.communique.ingest;

import io.communique.model.EventIds;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReextractionPlanTest {
    private static final String DOC = Ids.documentId("report");

    private static Fact fact(FactType type, String location, String version, String... participants) {
        List<String> sorted = List.of(participants).stream().sorted().toList();
        return new Fact(Ids.factId(DOC, type, sorted, null, 0), DOC, "test", type, sorted, null, List.of(), null, null,
                location, null, List.of(), 0.9, new Evidence("s", 0, 1), new ExtractorInfo("rules", version));
    }

    @Test
    void factsNoLongerFoundAreRetractedNewOnesAddedAndChangedOnesRepublished() {
        Fact talks = fact(FactType.TALKS, null, "1", "CN", "RU");
        Fact meeting = fact(FactType.MEETING, null, "1", "CN", "FR");
        Fact visit = fact(FactType.VISIT, null, "1", "CN", "DE");
        Fact visitWithPlace = fact(FactType.VISIT, "柏林", "2", "CN", "DE");
        Fact call = fact(FactType.PHONE_CALL, null, "2", "CN", "US");

        ReextractionPlan plan = ReextractionPlan.of(List.of(talks, meeting, visit),
                List.of(fact(FactType.TALKS, null, "2", "CN", "RU"), visitWithPlace, call));

        assertThat(plan.added()).containsExactly(call);
        assertThat(plan.changed()).containsExactly(visitWithPlace);
        assertThat(plan.retracted()).containsExactly(meeting);
        assertThat(plan.superseded()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1); // the talks differ only in the extractor version
        assertThat(plan.report()).isEqualTo(Map.of(
                "added", Map.of(FactType.PHONE_CALL, 1),
                "changed", Map.of(FactType.VISIT, 1),
                "retracted", Map.of(FactType.MEETING, 1),
                "unchanged", 1));
    }

    @Test
    void aChangedFactWhoseEventIdChangedIsRetractedFromItsOldEvent() {
        Fact agreement = EventIds.link(titled("《经贸协定》"), 0);
        Fact retitled = EventIds.link(titled("《经贸合作协定》"), 0);
        Fact relocated = EventIds.link(new Fact(agreement.id(), DOC, "test", agreement.type(), agreement.participants(),
                null, List.of(), agreement.date(), null, "北京", agreement.title(), List.of(), 0.9, agreement.evidence(),
                agreement.extractor()), 0);
        assertThat(retitled.eventId()).isNotEqualTo(agreement.eventId());

        assertThat(ReextractionPlan.of(List.of(agreement), List.of(retitled)).superseded()).containsExactly(agreement);
        assertThat(ReextractionPlan.of(List.of(agreement), List.of(relocated)).superseded()).isEmpty();
        ReextractionPlan fromOldExtractor = ReextractionPlan.of(List.of(titled("《经贸协定》")), List.of(agreement));
        assertThat(fromOldExtractor.changed()).containsExactly(agreement);
        assertThat(fromOldExtractor.superseded()).isEmpty(); // it was in no event
    }

    private static Fact titled(String title) {
        List<String> parties = List.of("CN", "EG");
        return new Fact(Ids.factId(DOC, FactType.AGREEMENT_SIGNED, parties, "2019-04-25", 0), DOC, "test",
                FactType.AGREEMENT_SIGNED, parties, null, List.of(), "2019-04-25", null, null, title, List.of(), 0.9,
                new Evidence("s", 0, 1), new ExtractorInfo("rules", "1"));
    }

    @Test
    void theSameExtractionChangesNothing() {
        List<Fact> facts = List.of(fact(FactType.TALKS, null, "1", "CN", "RU"));
        ReextractionPlan plan = ReextractionPlan.of(facts, facts);
        assertThat(plan.added()).isEmpty();
        assertThat(plan.changed()).isEmpty();
        assertThat(plan.retracted()).isEmpty();
    }

    @Test
    void aChangedFactThatNoLongerHasATopicIsRetractedFromThatTopicFirst() {
        Fact older = topics("1", "economy", "security");
        Fact current = topics("2", "economy");

        ReextractionPlan plan = ReextractionPlan.of(List.of(older), List.of(current));

        assertThat(plan.changed()).containsExactly(current);
        assertThat(plan.superseded()).containsExactly(older);
        assertThat(ReextractionPlan.of(List.of(current), List.of(older)).superseded()).isEmpty(); // a topic more leaves none
    }

    @Test
    void aVersionPublishedByAReingestWithoutRetractionIsRetractedEvenWhenTheCurrentOneIsUnchanged() {
        Fact first = topics("1", "economy", "security");
        Fact reingested = topics("2", "economy");

        ReextractionPlan plan = ReextractionPlan.of(List.of(first, reingested), List.of(reingested));

        assertThat(plan.superseded()).containsExactly(first);
        assertThat(plan.changed()).containsExactly(reingested); // published again, after the retraction
        assertThat(plan.unchanged()).isZero();
    }

    @Test
    void aFactNoLongerFoundIsRetractedWithEveryEarlierVersionThatReachedOtherViews() {
        Fact first = topics("1", "economy", "security");
        Fact second = topics("2", "economy");
        Fact third = topics("3", "economy");

        ReextractionPlan plan = ReextractionPlan.of(List.of(first, second, third), List.of());

        assertThat(plan.retracted()).containsExactly(third);
        assertThat(plan.superseded()).containsExactly(first);
    }

    private static Fact topics(String version, String... topics) {
        Fact talks = fact(FactType.TALKS, null, version, "CN", "RU");
        return new Fact(talks.id(), DOC, "test", talks.type(), talks.participants(), null, List.of(), null, null, null,
                null, List.of(topics), 0.9, talks.evidence(), talks.extractor());
    }
}
