package io.communique.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {
    private static final List<String> CN_RU = List.of("CN", "RU");

    private static String id(FactType type, String date, String title) {
        return EventIds.of("f" + type + date + title, type, CN_RU, date, title, 0);
    }

    @Test
    void sameTypeFamilyPartiesAndDayGiveTheSameIdWhateverTheReport() {
        assertThat(id(FactType.TALKS, "2017-07-04", null)).hasSize(32).matches("[0-9a-f]{32}")
                .isEqualTo(EventIds.of("another fact", FactType.TALKS, CN_RU, "2017-07-04", null, 0))
                .isEqualTo(id(FactType.MEETING, "2017-07-04", null));
    }

    @Test
    void anotherDayTypeFamilyPartyOrOrdinalIsAnotherEvent() {
        String talks = id(FactType.TALKS, "2017-07-04", null);
        assertThat(talks).isNotEqualTo(id(FactType.TALKS, "2017-08-04", null))
                .isNotEqualTo(id(FactType.PHONE_CALL, "2017-07-04", null))
                .isNotEqualTo(EventIds.of("x", FactType.TALKS, List.of("CN", "DE"), "2017-07-04", null, 0))
                .isNotEqualTo(EventIds.of("x", FactType.TALKS, CN_RU, "2017-07-04", null, 1));
    }

    @Test
    void aDateWithoutYearKeysApartFromTheFullDate() {
        assertThat(id(FactType.VISIT, "--07-03", null)).isEqualTo(id(FactType.VISIT, "--07-03", null))
                .isNotEqualTo(id(FactType.VISIT, "2017-07-03", null));
    }

    @Test
    void anUndatedFactIsAnEventOfItsOwn() {
        assertThat(EventIds.of("a", FactType.TALKS, CN_RU, null, null, 0))
                .isNotEqualTo(EventIds.of("b", FactType.TALKS, CN_RU, null, null, 0))
                .isEqualTo(EventIds.of("a", FactType.TALKS, CN_RU, null, null, 0));
    }

    @Test
    void signedDocumentsAreKeyedByTheirTitleWithoutQuotesSpacingOrCase() {
        assertThat(id(FactType.AGREEMENT_SIGNED, "2019-06-05", "《中俄经贸合作协定》"))
                .isEqualTo(id(FactType.AGREEMENT_SIGNED, "2019-06-05", "中俄 经贸合作协定"))
                .isNotEqualTo(id(FactType.AGREEMENT_SIGNED, "2019-06-05", "《中俄能源合作协定》"))
                .isNotEqualTo(id(FactType.AGREEMENT_SIGNED, "2019-06-05", null));
        assertThat(id(FactType.STATEMENT_SIGNED, "2019-06-05", "\"Joint Statement\""))
                .isEqualTo(id(FactType.STATEMENT_SIGNED, "2019-06-05", "joint statement"));
        assertThat(id(FactType.TALKS, "2019-06-05", "a title")).isEqualTo(id(FactType.TALKS, "2019-06-05", null));
    }

    @Test
    void linkSetsTheEventIdAndKeepsEveryOtherField() {
        Fact fact = ContractsTest.sampleFact();
        Fact linked = EventIds.link(fact, 0);
        assertThat(linked.eventId()).isEqualTo(EventIds.of(fact.id(), fact.type(), fact.participants(), fact.date(),
                fact.title(), 0));
        assertThat(new Fact(linked.id(), linked.documentId(), linked.source(), linked.type(), linked.participants(),
                linked.initiator(), linked.persons(), linked.date(), linked.endDate(), linked.location(), linked.title(),
                linked.topics(), linked.confidence(), linked.evidence(), linked.extractor())).isEqualTo(fact);
    }

    @Test
    void eventViewSurvivesJsonRoundTripAndMatchesItsSchema() {
        Fact fact = EventIds.link(ContractsTest.sampleFact(), 0);
        EventView view = new EventView(fact.eventId(), fact.type(), fact.participants(), null, fact.persons(),
                fact.date(), null, fact.location(), null, 1, List.of(fact),
                List.of(new EventView.Conflict("location", List.of("Moscow", "莫斯科"))),
                List.of(new EventView.Join(fact.id(), "f".repeat(32), List.of("parties", "type family", "date ±1 day"))));
        byte[] json = Json.bytes(view);
        assertThat(Json.read(json, EventView.class)).isEqualTo(view);
        SchemaValidator validator = new SchemaValidator();
        assertThat(validator.problems(Topics.VIEWS_EVENT, json)).isEmpty();
        assertThat(validator.problems(Topics.VIEWS_EVENT, Json.write(view).replace("\"location\",", "\"colour\",")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }
}
