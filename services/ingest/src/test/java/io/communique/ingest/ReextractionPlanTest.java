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
        assertThat(plan.leftTheirEvent()).isEmpty();
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

        assertThat(ReextractionPlan.of(List.of(agreement), List.of(retitled)).leftTheirEvent()).containsExactly(agreement);
        assertThat(ReextractionPlan.of(List.of(agreement), List.of(relocated)).leftTheirEvent()).isEmpty();
        ReextractionPlan fromOldExtractor = ReextractionPlan.of(List.of(titled("《经贸协定》")), List.of(agreement));
        assertThat(fromOldExtractor.changed()).containsExactly(agreement);
        assertThat(fromOldExtractor.leftTheirEvent()).isEmpty(); // it was in no event
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
}
