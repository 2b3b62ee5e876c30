package io.communique.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ContractsTest {
    private final SchemaValidator validator = new SchemaValidator();

    static Fact sampleFact() {
        String documentId = Ids.documentId("中俄两国元首举行会谈。");
        List<String> participants = List.of("CN", "RU");
        return new Fact(Ids.factId(documentId, FactType.TALKS, participants, "2017-07-04", 0), documentId, "test",
                FactType.TALKS, participants, null, List.of("习近平", "普京"), "2017-07-04", null, "莫斯科", null,
                List.of("belt-and-road"), 0.9, new Evidence("中俄两国元首举行会谈。", 0, 11),
                new ExtractorInfo("rules", "1"));
    }

    @Test
    void sameTextGivesSameDocumentIdWhateverTheLineBreaksAndOuterSpace() {
        assertThat(Ids.documentId("  a\r\nb \n")).isEqualTo(Ids.documentId("a\nb"));
        assertThat(Ids.documentId("a\nb")).isNotEqualTo(Ids.documentId("a\nc"));
    }

    @Test
    void factIdDependsOnEveryIdentifyingField() {
        String doc = Ids.documentId("x");
        String id = Ids.factId(doc, FactType.VISIT, List.of("CN", "RU"), "2017-07-03", 0);
        assertThat(id).hasSize(32).isEqualTo(Ids.factId(doc, FactType.VISIT, List.of("CN", "RU"), "2017-07-03", 0));
        assertThat(id).isNotEqualTo(Ids.factId(doc, FactType.VISIT, List.of("CN", "RU"), "2017-07-03", 1));
        assertThat(id).isNotEqualTo(Ids.factId(doc, FactType.TALKS, List.of("CN", "RU"), "2017-07-03", 0));
        assertThat(id).isNotEqualTo(Ids.factId(doc, FactType.VISIT, List.of("CN", "DE"), "2017-07-03", 0));
        assertThat(id).isNotEqualTo(Ids.factId(doc, FactType.VISIT, List.of("CN", "RU"), null, 0));
    }

    @Test
    void factSurvivesJsonRoundTripAndMatchesItsSchema() {
        Fact fact = sampleFact();
        byte[] json = Json.bytes(fact);
        assertThat(Json.read(json, Fact.class)).isEqualTo(fact);
        assertThat(validator.problems(Topics.FACTS, json)).isEmpty();
    }

    @Test
    void schemaRejectsFactWithUnknownTypeOrMissingEvidence() {
        String bad = Json.write(sampleFact()).replace("\"TALKS\"", "\"PARTY\"");
        assertThat(validator.problems(Topics.FACTS, bad.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(validator.problems(Topics.FACTS, "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(validator.problems(Topics.FACTS, "not json".getBytes(StandardCharsets.UTF_8)))
                .singleElement().asString().startsWith("not JSON");
    }

    @Test
    void documentMatchesItsSchema() {
        Document document = Document.of("中俄两国元首举行会谈。", "seeds/000.txt", null, "zh", "2017-07-10",
                "2026-11-26T05:00:00Z");
        assertThat(validator.problems(Topics.DOCUMENTS, Json.bytes(document))).isEmpty();
    }

    static Watch sampleWatch() {
        return new Watch("0123456789abcdef0123456789abcdef", "China and Russia talk", List.of(), List.of("CN", "RU"),
                List.of(FactType.TALKS), List.of(), List.of("普京"), new Watch.Webhook("https://example.org/hook", "s3cret"),
                "2026-12-07T20:00:00Z");
    }

    @Test
    void watchAndAlertMatchTheirSchemasAndTheAlertIdIsTheWatchAndFact() {
        Watch watch = sampleWatch();
        assertThat(validator.problems(Topics.WATCHES, Json.bytes(watch))).isEmpty();
        assertThat(Json.read(Json.bytes(watch), Watch.class)).isEqualTo(watch);
        assertThat(Json.write(watch)).doesNotContain("empty");
        assertThat(Json.write(watch.withoutSecret())).doesNotContain("s3cret").contains("https://example.org/hook");
        Fact fact = sampleFact();
        Alert alert = new Alert(Ids.alertId(watch.id(), fact.id()), watch.id(), watch.name(), "2026-12-07T20:00:01Z", fact);
        assertThat(validator.problems(Topics.ALERTS, Json.bytes(alert))).isEmpty();
        assertThat(alert.id()).hasSize(32).isEqualTo(Ids.alertId(watch.id(), fact.id()))
                .isNotEqualTo(Ids.alertId(watch.id(), Ids.factId(fact.documentId(), FactType.TALKS, fact.participants(), null, 0)));
        assertThat(CloudEvents.alertHeaders(alert)).containsEntry("ce_id", alert.id())
                .containsEntry("ce_type", CloudEvents.ALERT_TYPE).containsEntry("ce_subject", fact.id());
        String badPair = Json.write(watch).replace("[\"CN\",\"RU\"]", "[\"CN\",\"RU\",\"US\"]");
        assertThat(validator.problems(Topics.WATCHES, badPair.getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void everyTopicHasASchema() {
        Topics.ALL.forEach(spec -> assertThat(Schemas.of(spec.name())).as(spec.name()).contains("\"$schema\""));
    }

    @Test
    void anEventViewPublishedBeforeJoinsExistedReadsWithNoJoins() throws Exception {
        String older = "{\"id\":\"e1\",\"type\":\"TALKS\",\"participants\":[\"CN\",\"FR\"],\"persons\":[],\"documentCount\":0,\"reports\":[],\"conflicts\":[]}";

        EventView view = Json.MAPPER.readValue(older, EventView.class);

        assertThat(view.joins()).isEmpty();
    }
}
