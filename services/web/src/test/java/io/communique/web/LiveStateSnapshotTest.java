package io.communique.web;

import io.communique.model.CloudEvents;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot a new client starts from carries the number of facts held, which the overview's counter shows. */
class LiveStateSnapshotTest {
    static int factTotal(LiveState state) throws Exception {
        return Json.MAPPER.readTree(state.snapshot()).get("factTotal").asInt();
    }

    @Test
    void theSnapshotsFactTotalCountsEveryFactHeldNotTheFeed() throws Exception {
        LiveState state = new LiveState();
        for (int i = 0; i < LiveState.FEED_LENGTH + 30; i++) {
            Fact fact = FactExportTest.fact(i, "s");
            state.apply(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact), null);
        }
        assertThat(factTotal(state)).isEqualTo(LiveState.FEED_LENGTH + 30);
        Fact first = FactExportTest.fact(0, "s");
        state.apply(Topics.FACTS, Topics.factKey(first), Json.bytes(FactExportTest.fact(0, "corrected")), null);
        assertThat(factTotal(state)).isEqualTo(LiveState.FEED_LENGTH + 30);
        state.apply(Topics.FACTS, Topics.factKey(first), Json.bytes(first), CloudEvents.FACT_RETRACTED_TYPE);
        assertThat(factTotal(state)).isEqualTo(LiveState.FEED_LENGTH + 29);
    }
}
