package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchedMessagesTest {
    private static byte[] fact(int n, int padding) {
        return ("{\"id\":\"f" + n + "\",\"pad\":\"" + "x".repeat(padding) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theFactsOfAPollGoOutInOneMessageInTheirOrder() throws Exception {
        BatchedMessages batch = new BatchedMessages("facts");
        batch.add(fact(1, 0));
        batch.add(fact(2, 0));
        List<byte[]> messages = batch.drain();
        assertThat(messages).hasSize(1);
        JsonNode message = Json.MAPPER.readTree(messages.get(0));
        assertThat(message.get("type").asText()).isEqualTo("facts");
        assertThat(message.get("facts").findValuesAsText("id")).containsExactly("f1", "f2");
        assertThat(batch.drain()).isEmpty();
    }

    @Test
    void manyFactsAreSplitIntoMessagesOfOneFrameEachWithNoneLostOrReordered() throws Exception {
        BatchedMessages batch = new BatchedMessages("facts");
        for (int n = 0; n < 300; n++) {
            batch.add(fact(n, 1000));
        }
        List<byte[]> messages = batch.drain();
        assertThat(messages).hasSizeGreaterThan(1)
                .allSatisfy(message -> assertThat(message.length).isLessThanOrEqualTo(LiveClients.MAX_FRAME_BYTES));
        List<String> ids = new ArrayList<>();
        for (byte[] message : messages) {
            ids.addAll(Json.MAPPER.readTree(message).get("facts").findValuesAsText("id"));
        }
        assertThat(ids).hasSize(300).startsWith("f0", "f1").endsWith("f299");
        assertThat(ids).isSortedAccordingTo((a, b) -> Integer.compare(Integer.parseInt(a.substring(1)),
                Integer.parseInt(b.substring(1))));
    }

    @Test
    void aFactLargerThanAFrameStillGoesOutWhole() throws Exception {
        BatchedMessages batch = new BatchedMessages("facts");
        batch.add(fact(1, 10));
        batch.add(fact(2, LiveClients.MAX_FRAME_BYTES));
        batch.add(fact(3, 10));
        List<byte[]> messages = batch.drain();
        assertThat(messages).hasSize(3);
        assertThat(Json.MAPPER.readTree(messages.get(1)).get("facts").get(0).get("id").asText()).isEqualTo("f2");
    }
}
