package io.communique.projection;

import io.communique.testing.BadValues;
import io.communique.kafka.BadRecord;
import io.communique.kafka.DeadLetters;
import io.communique.model.CloudEvents;
import io.communique.model.EventCodes;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.testing.TopicChecks.groupLag;
import static io.communique.testing.TopicChecks.header;
import static io.communique.testing.TopicChecks.letters;
import static io.communique.testing.TopicChecks.readAll;
import static io.communique.testing.TopicChecks.where;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bad record of each kind between two good facts, on the fact topic (the router's) and on each routed topic (the
 * country, topic and event projections'), against a real broker and the real projection: the good facts reach the views, the bad record is
 * dead-lettered exactly once naming its consumer, and the consumer's lag returns to 0 (no replay loop).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BadFactRecordsTest {
    private static final String EVENT_GROUP = "communique-projection-event";

    @RegisterExtension
    static final RunningProjection projection = new RunningProjection();

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadValues.class)
    void theRouterDeadLettersABadFactRecordOnceAndRoutesTheFactsBehindIt(BadValues bad) throws Exception {
        String country = country(bad, 'R');
        Fact before = talks(country, 1), after = talks(country, 2);
        String key = "CN|" + country;
        send(fact(Topics.FACTS, key, before));
        RecordMetadata badAt = send(bad.record(Topics.FACTS, key, Json.bytes(before), Topics.MAX_FACT_BYTES));
        send(fact(Topics.FACTS, key, after));

        assertCountryViewLists(country, before, after);
        assertDeadLetteredOnce(FactRouter.GROUP, Topics.FACTS, badAt, bad);
        awaitTrue("the router's lag back to 0", 30, () -> groupLag(projection.settings.bootstrapServers(), FactRouter.GROUP, Topics.FACTS) == 0);
        Thread.sleep(1500); // a replaying consumer would letter it again within its 1 s retry delay
        assertDeadLetteredOnce(FactRouter.GROUP, Topics.FACTS, badAt, bad);
    }

    /** A projection: the routed topic it reads, its group, the views it publishes and how a routed fact is keyed. */
    private record Routed(String name, String topic, String group, String views, Function<Fact, String> key) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> projectionsAndBadValues() {
        List<Routed> projections = List.of(
                new Routed("country", Topics.FACTS_BY_COUNTRY, "communique-projection-country", Topics.VIEWS_COUNTRY,
                        fact -> fact.participants().get(1)),
                new Routed("topic", Topics.FACTS_BY_TOPIC, "communique-projection-topic", Topics.VIEWS_TOPIC,
                        fact -> fact.topics().get(0)),
                new Routed("event", Topics.FACTS_BY_PARTIES, "communique-projection-event", Topics.VIEWS_EVENT,
                        Topics::factKey));
        return projections.stream().flatMap(routed -> Stream.of(BadValues.values())
                .map(bad -> Arguments.of(routed, bad)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("projectionsAndBadValues")
    void aProjectionDeadLettersABadRoutedRecordOnceAndFoldsTheFactsBehindIt(Routed routed, BadValues bad)
            throws Exception {
        String country = country(bad, "PQS".charAt(List.of("country", "topic", "event").indexOf(routed.name())));
        Fact before = talks(country, 1), after = talks(country, 2);
        send(fact(routed.topic(), routed.key().apply(before), before));
        RecordMetadata badAt = send(bad.record(routed.topic(), routed.key().apply(before), Json.bytes(before),
                Topics.MAX_FACT_BYTES));
        send(fact(routed.topic(), routed.key().apply(after), after));

        awaitTrue("views of " + routed + " holding the good facts", 30, () -> {
            List<String> views = readAll(projection.settings.bootstrapServers(), routed.views()).stream()
                    .filter(view -> view.value() != null)
                    .map(view -> new String(view.value(), StandardCharsets.UTF_8)).toList();
            return List.of(before, after).stream().allMatch(fact -> views.stream().anyMatch(view -> view.contains(fact.id())));
        });
        assertDeadLetteredOnce(routed.group(), routed.topic(), badAt, bad);
        awaitTrue("the " + routed + " projection's lag back to 0", 30,
                () -> groupLag(projection.settings.bootstrapServers(), routed.group(), routed.topic()) == 0);
        Thread.sleep(1500);
        assertDeadLetteredOnce(routed.group(), routed.topic(), badAt, bad);
    }

    @Test
    void theEventProjectionDeadLettersAReportTheResolverCannotTakeOnceAndPublishesTheEventsBehindIt() throws Exception {
        Fact before = talks("RV", 1), after = talks("RV", 2);
        // Well-formed, so it passes every shape check, but no such day: the resolver's date arithmetic throws on it.
        Fact impossible = talks("RV", "2019-02-30");
        String key = Topics.factKey(before);
        send(fact(Topics.FACTS_BY_PARTIES, key, before));
        RecordMetadata badAt = send(fact(Topics.FACTS_BY_PARTIES, key, impossible));
        send(fact(Topics.FACTS_BY_PARTIES, key, after));

        awaitTrue("event views of the good reports", 30, () -> {
            List<String> views = readAll(projection.settings.bootstrapServers(), Topics.VIEWS_EVENT).stream()
                    .filter(view -> view.value() != null).map(view -> new String(view.value(), StandardCharsets.UTF_8)).toList();
            return views.stream().anyMatch(view -> view.contains(before.id()))
                    && views.stream().anyMatch(view -> view.contains(after.id()));
        });
        String origin = where(Topics.FACTS_BY_PARTIES, badAt.partition(), badAt.offset());
        awaitTrue("a letter for " + origin, 30, () -> letters(projection.settings.bootstrapServers(), EVENT_GROUP).containsKey(origin));
        awaitTrue("the event projection's lag back to 0", 30,
                () -> groupLag(projection.settings.bootstrapServers(), EVENT_GROUP, Topics.FACTS_BY_PARTIES) == 0);
        Thread.sleep(1500); // a replaying consumer would letter it again within its 1 s retry delay
        List<ConsumerRecord<String, byte[]>> letters = letters(projection.settings.bootstrapServers(), EVENT_GROUP).get(origin);
        assertThat(letters).as("letters for " + origin).hasSize(1);
        ConsumerRecord<String, byte[]> letter = letters.get(0);
        assertThat(header(letter, DeadLetters.KIND)).isEqualTo(BadRecord.Kind.PROCESSING_FAILED.code());
        assertThat(header(letter, DeadLetters.REASON)).contains("event resolver").contains("2019-02-30");
        assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo(EVENT_GROUP);
        assertThat(header(letter, DeadLetters.TOPIC)).isEqualTo(Topics.FACTS_BY_PARTIES);
        assertThat(header(letter, DeadLetters.OFFSET)).isEqualTo(String.valueOf(badAt.offset()));
    }

    /** A country code of its own per test, so that views and letters of tests never mix. */
    private static String country(BadValues bad, char prefix) {
        return prefix + String.valueOf((char) ('A' + bad.ordinal()));
    }

    private static void assertCountryViewLists(String country, Fact... facts) throws Exception {
        awaitTrue("the country view of " + country + " listing the good facts", 30, () -> {
            List<ConsumerRecord<String, byte[]>> views = readAll(projection.settings.bootstrapServers(), Topics.VIEWS_COUNTRY).stream()
                    .filter(view -> country.equals(view.key()) && view.value() != null).toList();
            if (views.isEmpty()) {
                return false;
            }
            String latest = new String(views.get(views.size() - 1).value(), StandardCharsets.UTF_8);
            return List.of(facts).stream().allMatch(fact -> latest.contains(fact.id()));
        });
    }

    private static void assertDeadLetteredOnce(String consumer, String topic, RecordMetadata at, BadValues bad) throws Exception {
        String origin = where(topic, at.partition(), at.offset());
        awaitTrue("a letter for " + origin, 30, () -> letters(projection.settings.bootstrapServers(), consumer).containsKey(origin));
        List<ConsumerRecord<String, byte[]>> letters = letters(projection.settings.bootstrapServers(), consumer).get(origin);
        assertThat(letters).as("letters for " + origin).hasSize(1);
        ConsumerRecord<String, byte[]> letter = letters.get(0);
        assertThat(header(letter, DeadLetters.KIND)).isEqualTo(bad.kind().code());
        assertThat(header(letter, DeadLetters.REASON)).isNotBlank();
        assertThat(header(letter, DeadLetters.CONSUMER)).isEqualTo(consumer);
    }

    private static RecordMetadata send(ProducerRecord<String, byte[]> record) throws Exception {
        return projection.producer.send(record).get();
    }

    private static ProducerRecord<String, byte[]> fact(String topic, String key, Fact fact) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, Json.bytes(fact));
        record.headers().add(CloudEvents.TYPE_HEADER, CloudEvents.FACT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /** A fact as the extractor writes them, nested objects and event id included. */
    private static Fact talks(String country, int day) {
        return talks(country, String.format("2019-05-%02d", day));
    }

    private static Fact talks(String country, String date) {
        String document = Ids.documentId("report " + country + date);
        List<String> participants = List.of("CN", country);
        String id = Ids.factId(document, FactType.TALKS, participants, date, 0);
        return new Fact(id, document, "test", FactType.TALKS, participants, "CN", List.of("习近平"), date, null, "北京",
                null, List.of("trade"), 0.9, new Evidence("s", 0, 1), new ExtractorInfo("rules", "1"), id, null,
                new EventCodes("046", "CONSULT", null), null);
    }
}
