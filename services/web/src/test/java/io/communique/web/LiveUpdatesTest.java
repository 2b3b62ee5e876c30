package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Json;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a dashboard's update says: slim facts, the latest few, the rest counted; corrections and retractions coalesced. */
class LiveUpdatesTest {
    private static final LivePace PACE = new LivePace(250, 3);

    private static Fact fact(int n, String title, String evidence) {
        return new Fact("f" + n, "d" + n, "xinhua", FactType.VISIT, List.of("CN", "RU"), "CN", List.of("Xi Jinping"),
                "2017-07-03", "2017-07-04", "Moscow", title, List.of("trade"), 0.9, new Evidence(evidence, 10, 20),
                new ExtractorInfo("rules", "1"));
    }

    private static JsonNode drain(LiveUpdates updates) throws Exception {
        return Json.MAPPER.readTree(updates.drain(42));
    }

    @Test
    void aSlimFactHasWhatTheFeedShowsAndAShortEvidence() throws Exception {
        LiveUpdates updates = new LiveUpdates(PACE);
        updates.fact(fact(1, "联合声明", "习近平".repeat(100)));
        JsonNode update = drain(updates);

        assertThat(update.get("type").asText()).isEqualTo("update");
        assertThat(update.get("factTotal").asInt()).isEqualTo(42);
        JsonNode slim = update.get("facts").get(0);
        List<String> fields = new ArrayList<>();
        slim.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "documentId", "type", "participants", "initiator", "date", "endDate",
                "title", "evidence");
        assertThat(slim.get("id").asText()).isEqualTo("f1");
        assertThat(slim.get("type").asText()).isEqualTo("VISIT");
        assertThat(slim.get("participants").toString()).isEqualTo("[\"CN\",\"RU\"]");
        assertThat(slim.get("title").asText()).isEqualTo("联合声明");
        String evidence = slim.get("evidence").asText();
        assertThat(evidence.codePointCount(0, evidence.length())).isEqualTo(LiveUpdates.EVIDENCE_CHARS);
        assertThat(evidence).startsWith("习近平习近平").endsWith("…");
        assertThat(LiveUpdates.shortened("short")).isEqualTo("short");
    }

    @Test
    void anUpdateListsTheLatestFactsAndCountsTheOthersAsOmitted() throws Exception {
        LiveUpdates updates = new LiveUpdates(PACE);
        for (int n = 0; n < 1000; n++) {
            updates.fact(fact(n, "t", "e"));
        }
        JsonNode update = drain(updates);

        assertThat(update.get("facts").findValuesAsText("id")).containsExactly("f997", "f998", "f999");
        assertThat(update.get("omitted").get("facts").asInt()).isEqualTo(997);
        assertThat(updates.isEmpty()).isTrue();
        updates.fact(fact(1000, "t", "e"));
        assertThat(drain(updates).get("omitted").get("facts").asInt()).isZero();
    }

    @Test
    void aCorrectionReplacesThePendingVersionAndARetractionRemovesIt() throws Exception {
        LiveUpdates updates = new LiveUpdates(PACE);
        updates.fact(fact(1, "first", "e"));
        updates.fact(fact(2, "first", "e"));
        updates.fact(fact(1, "corrected", "e"));
        updates.retraction("f2");
        updates.retraction("f9");
        JsonNode update = drain(updates);

        assertThat(update.get("facts")).hasSize(1);
        assertThat(update.get("facts").get(0).get("title").asText()).isEqualTo("corrected");
        assertThat(update.get("retracted").toString()).isEqualTo("[\"f2\",\"f9\"]");
        assertThat(update.get("omitted").toString()).isEqualTo("{\"facts\":0,\"retracted\":0}");

        updates.retraction("f3");
        updates.fact(fact(3, "again", "e")); // published again after its retraction
        JsonNode again = drain(updates);
        assertThat(again.get("facts").findValuesAsText("id")).containsExactly("f3");
        assertThat(again.get("retracted")).isEmpty();
    }
}
