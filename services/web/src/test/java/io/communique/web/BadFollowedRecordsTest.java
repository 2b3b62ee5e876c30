package io.communique.web;

import io.communique.testing.BadValues;
import io.communique.model.CloudEvents;
import io.communique.model.CountryView;
import io.communique.model.Document;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.web.RunningWeb.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web's followers of the fact, document and view topics, on a real broker: a bad record of each kind between two
 * good ones is skipped exactly once (the topic's own group dead-letters it: see the router's and the repair's tests),
 * the good ones are served, and the followers' lag returns to 0. A view's tombstone removes the view.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class BadFollowedRecordsTest {
    @RegisterExtension
    static final RunningWeb running = new RunningWeb();

    @ParameterizedTest(name = "{0}")
    @EnumSource(BadValues.class)
    void aBadFactRecordIsSkippedOnceAndTheFactsAroundItAreServed(BadValues bad) throws Exception {
        String country = "W" + (char) ('A' + bad.ordinal());
        Fact before = talks(country, 1), after = talks(country, 2);
        String key = "CN|" + country;
        long skipped = running.web.skippedRecords();
        send(fact(key, before));
        send(bad.record(Topics.FACTS, key, Json.bytes(before), Topics.MAX_FACT_BYTES));
        send(fact(key, after));

        awaitServed("/api/facts?country=" + country, before.id(), after.id());
        assertSkippedOnceAndCaughtUp(skipped);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BadValues.class, names = {"NULL_VALUE", "NOT_JSON", "TRAILING_CONTENT", "WRONG_SHAPE"})
    void aBadDocumentRecordIsSkippedOnceAndTheDocumentsAroundItAreServed(BadValues bad) throws Exception {
        Document before = document(bad + " before"), after = document(bad + " after");
        long skipped = running.web.skippedRecords();
        send(new ProducerRecord<>(Topics.DOCUMENTS, before.id(), Json.bytes(before)));
        send(bad.record(Topics.DOCUMENTS, "bad-" + bad, Json.bytes(before), Integer.MAX_VALUE));
        send(new ProducerRecord<>(Topics.DOCUMENTS, after.id(), Json.bytes(after)));

        awaitServed("/api/documents/" + before.id(), before.id());
        awaitServed("/api/documents/" + after.id(), after.id());
        assertSkippedOnceAndCaughtUp(skipped);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = BadValues.class, names = {"NOT_JSON", "TRAILING_CONTENT", "WRONG_SHAPE"})
    void aBadViewRecordIsSkippedOnceAndTheNextVersionOfTheViewIsServed(BadValues bad) throws Exception {
        String country = "V" + (char) ('A' + bad.ordinal());
        Fact first = talks(country, 1), second = talks(country, 2);
        long skipped = running.web.skippedRecords();
        send(new ProducerRecord<>(Topics.VIEWS_COUNTRY, country, Json.bytes(view(country, first))));
        send(bad.record(Topics.VIEWS_COUNTRY, country, Json.bytes(view(country, first)), Integer.MAX_VALUE));
        send(new ProducerRecord<>(Topics.VIEWS_COUNTRY, country, Json.bytes(view(country, first, second))));

        awaitServed("/api/countries/" + country, first.id(), second.id());
        assertSkippedOnceAndCaughtUp(skipped);
    }

    @Test
    void aViewTombstoneRemovesTheViewAndIsNoFault() throws Exception {
        String country = "VZ";
        long skipped = running.web.skippedRecords();
        send(new ProducerRecord<>(Topics.VIEWS_COUNTRY, country, Json.bytes(view(country, talks(country, 1)))));
        awaitServed("/api/countries/" + country, talks(country, 1).id());
        send(new ProducerRecord<>(Topics.VIEWS_COUNTRY, country, null));

        awaitTrue("the view removed", 30, () -> get("/api/countries/" + country).statusCode() == 404);
        awaitTrue("the followers' lag back to 0", 30, () -> await(running.web.lag()) == 0);
        assertThat(running.web.skippedRecords()).isEqualTo(skipped);
    }

    private static void assertSkippedOnceAndCaughtUp(long skippedBefore) throws Exception {
        awaitTrue("the followers' lag back to 0", 30, () -> await(running.web.lag()) == 0);
        Thread.sleep(1500); // a follower reading the batch again would skip it again within its retry delay
        assertThat(running.web.skippedRecords()).as("records skipped").isEqualTo(skippedBefore + 1);
    }

    private static void awaitServed(String path, String... ids) throws Exception {
        awaitTrue(path + " serving " + List.of(ids), 30, () -> {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 && List.of(ids).stream().allMatch(response.body()::contains);
        });
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return TestHttp.get(running.web.port(), path);
    }

    private static void send(ProducerRecord<String, byte[]> record) throws Exception {
        running.producer.send(record).get();
    }

    private static ProducerRecord<String, byte[]> fact(String key, Fact fact) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FACTS, key, Json.bytes(fact));
        record.headers().add(CloudEvents.TYPE_HEADER, CloudEvents.FACT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static CountryView view(String country, Fact... facts) {
        return new CountryView(country, facts.length, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(facts), facts.length, 0, 0, 0, 0);
    }

    private static Document document(String marker) {
        return Document.of("2018年3月5日，习近平同特梅尔举行会谈。（" + marker + "）", "test", null, "zh", null,
                Instant.now().toString());
    }

    private static Fact talks(String country, int day) {
        String date = String.format("2019-05-%02d", day);
        String document = Ids.documentId("report " + country + day);
        List<String> participants = List.of("CN", country);
        return new Fact(Ids.factId(document, FactType.TALKS, participants, date, 0), document, "test", FactType.TALKS,
                participants, "CN", List.of(), date, null, null, null, List.of(), 0.9, new Evidence("s", 0, 1),
                new ExtractorInfo("rules", "1"));
    }

}
