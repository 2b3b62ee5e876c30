package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.EventView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.communique.web.ApiTest.assertProblem;
import static io.communique.web.ApiTest.options;
import static io.communique.web.ApiTest.request;
import static io.communique.web.ApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters of the dashboard on a real HTTP server: {@code GET /api/totals} counts the events of the event views
 * held (one per occasion, however many reports) and the reports in them, per country and topic, and follows new
 * versions and tombstones of the views; {@code GET /api/events?topic=} lists a topic's events.
 */
class EventTotalsTest {
    static Vertx vertx;
    static HttpServer server;
    static final LiveState state = new LiveState();

    static final Fact TRADE_TALKS_ZH = report("zh", "2017-07-04", List.of("trade"));
    static final Fact TRADE_TALKS_EN = report("en", "2017-07-04", List.of("trade", "energy"));
    static final Fact CALL = report("call", "2017-08-01", List.of());
    /** The talks, reported twice; a phone call reported once. */
    static final EventView TALKS = event("a", FactType.TALKS, List.of(TRADE_TALKS_ZH, TRADE_TALKS_EN));
    static final EventView PHONE_CALL = event("b", FactType.PHONE_CALL, List.of(CALL));

    static Fact report(String text, String date, List<String> topics) {
        String doc = Ids.documentId(text);
        List<String> parties = List.of("CN", "RU");
        return new Fact(Ids.factId(doc, FactType.TALKS, parties, date, 0), doc, "test", FactType.TALKS, parties, null,
                List.of(), date, null, null, null, topics, 0.9, new Evidence(text, 0, text.length()),
                new ExtractorInfo("rules", "1"));
    }

    static EventView event(String idLetter, FactType type, List<Fact> reports) {
        return new EventView(idLetter.repeat(32), type, List.of("CN", "RU"), null, List.of(), reports.get(0).date(),
                null, null, null, reports.size(), reports, List.of(), List.of());
    }

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        for (Fact fact : List.of(TRADE_TALKS_ZH, TRADE_TALKS_EN, CALL)) {
            state.apply(Topics.FACTS, "CN|RU", Json.bytes(fact), null);
        }
        // The talks first with one report, then again with both: the new version replaces the old one's counts.
        state.apply(Topics.VIEWS_EVENT, TALKS.id(), Json.bytes(event("a", FactType.TALKS, List.of(TRADE_TALKS_ZH))), null);
        state.apply(Topics.VIEWS_EVENT, TALKS.id(), Json.bytes(TALKS), null);
        state.apply(Topics.VIEWS_EVENT, PHONE_CALL.id(), Json.bytes(PHONE_CALL), null);
        server = ApiTest.serve(vertx, state, options(0));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static JsonNode get(String path) throws Exception {
        return TestHttp.getJson(server.actualPort(), path);
    }

    @Test
    void theTotalsCountEachOccasionOnceWithItsReportsAndEveryFactHeld() throws Exception {
        JsonNode totals = get("/api/totals");
        assertThat(totals.path("facts").asInt()).isEqualTo(3);
        assertThat(totals.path("events").asInt()).isEqualTo(2);
        assertThat(totals.path("reports").asInt()).isEqualTo(3);
        assertThat(totals.path("eventsByType").path("TALKS").asInt()).isEqualTo(1);
        assertThat(totals.path("eventsByType").path("PHONE_CALL").asInt()).isEqualTo(1);
        assertThat(totals.path("eventsByType").path("VISIT").asInt()).isZero();

        JsonNode russia = get("/api/totals?country=RU");
        assertThat(russia.path("country").asText()).isEqualTo("RU");
        assertThat(russia.path("events").asInt()).isEqualTo(2);
        assertThat(russia.path("reports").asInt()).isEqualTo(3);
        assertThat(get("/api/totals?topic=trade").path("events").asInt()).isEqualTo(1);
        assertThat(get("/api/totals?topic=trade").path("reports").asInt()).isEqualTo(2);
        assertThat(get("/api/totals?topic=energy").path("events").asInt()).isEqualTo(1);
        assertThat(get("/api/totals?country=FR").path("events").asInt()).isZero();
    }

    @Test
    void aTopicListsItsEventsAsThePublishedBytes() throws Exception {
        assertThat(send(request(server, "/api/events?topic=energy")).body())
                .isEqualTo("[" + new String(state.event(TALKS.id())) + "]");
        assertThat(send(request(server, "/api/events?topic=culture")).body()).isEqualTo("[]");
        assertProblem(send(request(server, "/api/events?topic=%3Cb%3E")), 400, "topic");
    }

    @Test
    void malformedTotalsQueriesAre400s() throws Exception {
        assertProblem(send(request(server, "/api/totals?country=ru")), 400, "country");
        assertProblem(send(request(server, "/api/totals?topic=Trade!")), 400, "topic");
        assertProblem(send(request(server, "/api/totals?country=RU&topic=trade")), 400, "not both");
    }

    @Test
    void aTombstoneTakesAnEventOutOfTheTotals() throws Exception {
        LiveState alone = new LiveState();
        alone.apply(Topics.VIEWS_EVENT, TALKS.id(), Json.bytes(TALKS), null);
        assertThat(alone.countryTotals("CN")).containsEntry("events", 1).containsEntry("reports", 2);
        alone.apply(Topics.VIEWS_EVENT, TALKS.id(), null, null);
        assertThat(alone.countryTotals("CN")).containsEntry("events", 0).containsEntry("reports", 0);
        assertThat(alone.topicTotals("trade")).containsEntry("events", 0);
        assertThat(alone.totals()).containsEntry("events", 0);
    }
}
