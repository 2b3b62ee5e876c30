package io.communique.projection;

import io.communique.model.CloudEvents;
import io.communique.model.EventIds;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.testing.TopicChecks.groupLag;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of facts on the fact topic, retractions among them, against a real broker and the real projection: once the
 * router and the projections have drained it in their batches of many polls, the published views are exactly those
 * a rebuild of the same log gives.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class BurstTest {
    private static final int FACTS = 6000;
    private static final List<String> COUNTRIES = List.of("RU", "US", "KZ", "FR", "DE", "BR", "IN", "ZA", "EG", "JP");

    @RegisterExtension
    static final RunningProjection projection = new RunningProjection();

    @Test
    void aDrainedBurstLeavesTheViewsThatARebuildOfTheSameLogGives() throws Exception {
        for (int i = 0; i < FACTS; i++) {
            Fact fact = talks(i);
            send(fact, CloudEvents.FACT_TYPE);
            if (i % 10 == 9) {
                send(talks(i - 5), CloudEvents.FACT_RETRACTED_TYPE); // a fact folded a while ago leaves its views
            }
        }
        projection.producer.flush();

        String bootstrap = projection.settings.bootstrapServers();
        awaitTrue("every group's lag 0", 240, () -> ProjectionVerticle.groupInputs().entrySet().stream().allMatch(
                group -> lagOf(bootstrap, group) == 0));
        JsonObject rebuilt = projection.verticle.rebuild().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

        assertThat(rebuilt.getJsonArray("rebuilt")).hasSize(3).allSatisfy(kind -> {
            JsonObject result = (JsonObject) kind;
            assertThat(result.getLong("factsFolded")).as(result.encode()).isPositive();
            assertThat(result.getInteger("viewsChanged")).as(result.encode()).isZero();
            assertThat(result.getInteger("viewsRemoved")).as(result.encode()).isZero();
        });
    }

    private static long lagOf(String bootstrap, Map.Entry<String, String> group) {
        try {
            return groupLag(bootstrap, group.getKey(), group.getValue());
        } catch (Exception e) {
            return -1; // not known yet
        }
    }

    private static void send(Fact fact, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
        record.headers().add(CloudEvents.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        projection.producer.send(record);
    }

    /** The {@code n}th fact of the burst: China and one of ten countries, on one of 60 days, about one of 7 topics. */
    private static Fact talks(int n) {
        String sentence = "report " + n;
        String document = Ids.documentId(sentence);
        List<String> parties = List.of("CN", COUNTRIES.get(n % COUNTRIES.size()));
        String date = String.format("2024-%02d-%02d", 1 + n / 28 % 2, 1 + n % 28);
        Fact fact = new Fact(Ids.factId(document, FactType.TALKS, parties, date, 0), document, "test", FactType.TALKS,
                parties, "CN", List.of(), date, null, null, null, List.of("topic-" + n % 7), 0.9,
                new Evidence(sentence, 0, sentence.length()), new ExtractorInfo("rules", "test"));
        return EventIds.link(fact, 0);
    }
}
