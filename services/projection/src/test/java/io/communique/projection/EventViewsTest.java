package io.communique.projection;

import io.communique.model.CloudEvents;
import io.communique.model.EventIds;
import io.communique.model.EventView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.testing.TopicChecks.readAll;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event views as the projection publishes them, against a real broker: reports of the same parties in two languages
 * become one event, and a re-extraction that moves a report to another day splits it again, removing the merged
 * event's view.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EventViewsTest {
    @RegisterExtension
    static final RunningProjection projection = new RunningProjection();

    @Test
    void reportsOfOneEncounterAreOneEventUntilAReExtractionMovesOneToAnotherDay() throws Exception {
        Fact chinese = report("2024年7月3日，两国外长在阿拉木图举行会谈。", FactType.TALKS, "2024-07-03");
        Fact english = report("The foreign ministers met in Almaty on July 2, local time.", FactType.MEETING, "2024-07-02");
        send(chinese, CloudEvents.FACT_TYPE);
        send(english, CloudEvents.FACT_TYPE);

        awaitTrue("one event with both reports", 30, () -> liveEvents().size() == 1
                && liveEvents().values().iterator().next().reports().size() == 2);
        EventView merged = liveEvents().values().iterator().next();
        assertThat(merged.documentCount()).isEqualTo(2);
        assertThat(merged.joins()).singleElement().extracting(EventView.Join::agreed)
                .isEqualTo(List.of("parties", "type family", "date ±1 day"));

        // The English report's document is extracted again and now dates the meeting a week earlier.
        Fact redated = report(english.evidence().text(), FactType.MEETING, "2024-06-26");
        send(english, CloudEvents.FACT_RETRACTED_TYPE);
        send(redated, CloudEvents.FACT_TYPE);

        awaitTrue("two events, one report each", 30, () -> liveEvents().size() == 2);
        assertThat(liveEvents().values()).allSatisfy(event -> assertThat(event.reports()).hasSize(1));
        assertThat(liveEvents().values()).flatExtracting(EventView::reports).extracting(Fact::id)
                .containsExactlyInAnyOrder(chinese.id(), redated.id());
        assertThat(liveEvents()).doesNotContainKey(merged.id()); // its view is removed, not left empty
    }

    /** The latest view of every event id that has one: tombstones remove. */
    private static Map<String, EventView> liveEvents() {
        Map<String, EventView> live = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readAll(projection.settings.bootstrapServers(), Topics.VIEWS_EVENT)) {
            if (record.value() == null) {
                live.remove(record.key());
            } else {
                live.put(record.key(), Json.read(record.value(), EventView.class));
            }
        }
        return live;
    }

    private static void send(Fact fact, String type) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact));
        record.headers().add(CloudEvents.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        projection.producer.send(record).get();
    }

    /** A fact between China and Kazakhstan as the extractor gives it; its document is the sentence. */
    private static Fact report(String sentence, FactType type, String date) {
        String document = Ids.documentId(sentence);
        List<String> parties = List.of("CN", "KZ");
        Fact fact = new Fact(Ids.factId(document, type, parties, date, 0), document, "test", type, parties, null,
                List.of(), date, null, null, null, List.of(), 0.9, new Evidence(sentence, 0, sentence.length()),
                new ExtractorInfo("rules", "test"));
        return EventIds.link(fact, 0);
    }
}
