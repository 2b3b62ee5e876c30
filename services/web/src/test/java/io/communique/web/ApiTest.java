package io.communique.web;

import io.communique.model.CountryView;
import io.communique.model.EventView;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's routes on a real HTTP server, fed directly with records (no Kafka, no ingest verticle behind it). */
class ApiTest {
    static Vertx vertx;
    static HttpServer server;
    static final LiveState state = new LiveState();
    static final Fact TALKS = fact();

    static Fact fact() {
        String doc = Ids.documentId("test");
        List<String> participants = List.of("CN", "RU");
        return new Fact(Ids.factId(doc, FactType.TALKS, participants, "2017-07-04", 0), doc, "test", FactType.TALKS,
                participants, null, List.of(), "2017-07-04", null, null, null, List.of(), 0.9,
                new Evidence("<script>alert(1)</script>", 0, 25), new ExtractorInfo("rules", "1"));
    }

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        state.apply(Topics.FACTS, "CN|RU", Json.bytes(TALKS), null);
        state.apply(Topics.VIEWS_COUNTRY, "RU", Json.bytes(new CountryView("RU", 1, List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(TALKS), 1, 0, 0, 0, 0)), null);
        state.apply(Topics.VIEWS_EVENT, TALKS_EVENT.id(), Json.bytes(TALKS_EVENT), null);
        state.apply(Topics.VIEWS_EVENT, OLDER_VISIT.id(), Json.bytes(OLDER_VISIT), null);
        state.apply(Topics.VIEWS_EVENT, RETRACTED.id(), Json.bytes(RETRACTED), null);
        server = serve(0);
    }

    /** The talks reported twice, an earlier visit reported once, and an event whose only report was retracted. */
    static final EventView TALKS_EVENT = new EventView("a".repeat(32), FactType.TALKS, List.of("CN", "RU"), null,
            List.of(), "2017-07-04", null, "莫斯科", null, 2, List.of(TALKS, TALKS),
            List.of(new EventView.Conflict("location", List.of("Moscow", "莫斯科"))),
            List.of(new EventView.Join(TALKS.id(), TALKS.id(), List.of("parties", "same report, same day"))));
    static final EventView OLDER_VISIT = new EventView("b".repeat(32), FactType.VISIT, List.of("CN", "DE"), "CN",
            List.of(), "2017-07-03", "2017-07-08", null, null, 1, List.of(TALKS), List.of(), List.of());
    static final EventView RETRACTED = new EventView("c".repeat(32), null, List.of(), null, List.of(), null, null, null,
            null, 0, List.of(), List.of(), List.of());

    static final String TOKEN = "test-token-0123456789";

    /** Serves the API on a free port with the given write limit (0 = none). */
    static HttpServer serve(int writesPerMinute) throws Exception {
        return serve(vertx, state, options(writesPerMinute));
    }

    /** The tests' options: bodies up to 1000 bytes, {@link #TOKEN}, one allowed foreign origin, {@link #HOSTS}. */
    static WebVerticle.Options options(int writesPerMinute) {
        return options(writesPerMinute, HOSTS);
    }

    static WebVerticle.Options options(int writesPerMinute, Set<String> allowedHosts) {
        return options(writesPerMinute, AUTH_FAILURES_PER_MINUTE, allowedHosts);
    }

    static WebVerticle.Options options(int writesPerMinute, int authFailuresPerMinute, Set<String> allowedHosts) {
        return options(writesPerMinute, authFailuresPerMinute, allowedHosts, ReadLimits.DEFAULT);
    }

    static WebVerticle.Options options(int writesPerMinute, int authFailuresPerMinute, Set<String> allowedHosts,
                                       ReadLimits limits) {
        return new WebVerticle.Options("127.0.0.1", 0, 1000, 1024 * 1024, 2000, TOKEN, writesPerMinute,
                authFailuresPerMinute, Set.of("https://allowed.example"), allowedHosts, limits);
    }

    /** Enough for the wrong tokens these tests send from one address. */
    static final int AUTH_FAILURES_PER_MINUTE = 100;

    /** The Host names the tests' servers answer: the defaults, and a public name. */
    static final Set<String> HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "news.example");

    /**
     * Serves the API of {@code vertx} (with whatever verticles it runs) on a free loopback port, with the server
     * options the web verticle uses; Kafka counts as up.
     */
    static HttpServer serve(Vertx vertx, LiveState state, WebVerticle.Options options) throws Exception {
        Api api = new Api(vertx, state, () -> new Health("127.0.0.1:1", true, true, null), new LiveClients(1024 * 1024),
                options, () -> Future.failedFuture("no Kafka behind this test"));
        return vertx.createHttpServer(options.server()).requestHandler(api.router()).listen()
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return TestHttp.send(request);
    }

    static HttpRequest.Builder request(String path) {
        return request(server, path);
    }

    static HttpRequest.Builder request(HttpServer target, String path) {
        return TestHttp.request(target.actualPort(), path);
    }

    static HttpRequest.Builder post(String contentType, byte[] body) {
        return post(server, contentType, body);
    }

    static HttpRequest.Builder post(HttpServer target, String contentType, byte[] body) {
        HttpRequest.Builder builder = TestHttp.withToken(request(target, "/api/documents"), TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return contentType == null ? builder : builder.header("Content-Type", contentType);
    }

    static void assertProblem(HttpResponse<String> response, int status, String detailPart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains(detailPart).doesNotContain("Exception");
    }

    @Test
    void countryViewIsServedAsThePublishedBytes() throws Exception {
        HttpResponse<String> response = send(request("/api/countries/ru"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(new String(state.country("RU")));
    }

    @Test
    void unknownCountryTopicDocumentAndEndpointAreProblem404s() throws Exception {
        assertProblem(send(request("/api/countries/XX")), 404, "XX");
        assertProblem(send(request("/api/topics/nothing")), 404, "nothing");
        assertProblem(send(request("/api/documents/" + "0".repeat(64))), 404, "no document");
        assertProblem(send(request("/api/nowhere")), 404, "no such endpoint");
    }

    @Test
    void factsCanBeFilteredAndMalformedFiltersAre400s() throws Exception {
        assertThat(send(request("/api/facts?country=RU&type=TALKS&since=2017-01-01")).body()).contains(TALKS.id());
        assertThat(send(request("/api/facts?type=VISIT")).body()).isEqualTo("[]");
        assertThat(send(request("/api/facts?document=" + TALKS.documentId())).body()).contains(TALKS.id());
        assertThat(send(request("/api/facts?document=" + "f".repeat(64))).body()).isEqualTo("[]");
        assertProblem(send(request("/api/facts?document=x")), 400, "document");
        assertProblem(send(request("/api/facts?type=PARTY")), 400, "type must be one of");
        assertProblem(send(request("/api/facts?since=yesterday")), 400, "since must be a date");
        assertProblem(send(request("/api/facts?limit=0")), 400, "limit");
        assertThat(send(request("/api/facts?country=RU&offset=1")).body()).isEqualTo("[]"); // the next page: empty
        assertThat(send(request("/api/facts?country=RU&offset=0&limit=1")).body()).contains(TALKS.id());
        assertProblem(send(request("/api/facts?offset=-1")), 400, "offset");
        assertProblem(send(request("/api/facts?country=%3Cscript%3E")), 400, "country");
    }

    @Test
    void eventsAreListedMostRecentFirstFilteredByCountryAndTypeAsThePublishedBytes() throws Exception {
        String talks = new String(Json.bytes(TALKS_EVENT));
        String visit = new String(Json.bytes(OLDER_VISIT));
        HttpResponse<String> all = send(request("/api/events"));
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(all.body()).isEqualTo("[" + talks + "," + visit + "]");
        assertThat(Json.MAPPER.readTree(all.body()).get(0).get("reports")).hasSize(2);
        assertThat(send(request("/api/events?country=DE")).body()).isEqualTo("[" + visit + "]");
        assertThat(send(request("/api/events?country=RU&type=TALKS")).body()).isEqualTo("[" + talks + "]");
        assertThat(send(request("/api/events?type=PHONE_CALL")).body()).isEqualTo("[]");
        assertThat(send(request("/api/events?limit=1")).body()).isEqualTo("[" + talks + "]");
        assertProblem(send(request("/api/events?type=PARTY")), 400, "type must be one of");
        assertProblem(send(request("/api/events?limit=1001")), 400, "limit");
        assertProblem(send(request("/api/events?country=ru")), 400, "country");
    }

    @Test
    void oneEventIsServedByIdAndAnUnknownMalformedOrFullyRetractedOneIsAProblem404() throws Exception {
        HttpResponse<String> talks = send(request("/api/events/" + TALKS_EVENT.id()));
        assertThat(talks.statusCode()).isEqualTo(200);
        assertThat(talks.body()).isEqualTo(new String(Json.bytes(TALKS_EVENT)));
        assertProblem(send(request("/api/events/" + "d".repeat(32))), 404, "no facts about an event");
        assertProblem(send(request("/api/events/" + RETRACTED.id())), 404, RETRACTED.id());
        assertProblem(send(request("/api/events/%3Cscript%3E")), 404, "script");
    }

    @Test
    void anEventRemovedByARebuildsTombstoneIsNoLongerServed() throws Exception {
        EventView removed = new EventView("e".repeat(32), FactType.PHONE_CALL, List.of("CN", "FR"), null, List.of(),
                "2017-07-05", null, null, null, 1, List.of(TALKS), List.of(), List.of());
        state.apply(Topics.VIEWS_EVENT, removed.id(), Json.bytes(removed), null);
        assertThat(send(request("/api/events/" + removed.id())).statusCode()).isEqualTo(200);
        state.apply(Topics.VIEWS_EVENT, removed.id(), null, null);
        assertProblem(send(request("/api/events/" + removed.id())), 404, removed.id());
        assertThat(send(request("/api/events?country=FR")).body()).isEqualTo("[]");
    }

    @Test
    void badDocumentsAreRejectedWithProblemsSayingWhy() throws Exception {
        assertProblem(send(post("text/plain", new byte[0])), 400, "empty");
        assertProblem(send(post("text/plain", "   ".getBytes())), 400, "empty");
        assertProblem(send(post("text/plain", new byte[]{(byte) 0xC3, (byte) 0x28})), 400, "UTF-8");
        assertProblem(send(post("application/json", "{\"text\": ".getBytes())), 400, "JSON");
        assertProblem(send(post("application/json", "[1,2]".getBytes())), 400, "JSON object");
        assertProblem(send(post("application/json", "{\"text\": 5}".getBytes())), 400, "must be strings");
        assertProblem(send(post("application/json", "{\"text\": \"x\", \"published\": \"May 5\"}".getBytes())), 400,
                "published");
        assertProblem(send(post("text/plain", "x".repeat(1001).getBytes())), 413, "limit");
    }

    @Test
    void aBodyOfAnotherMediaTypeOrCharsetIsA415ProblemWhateverItsBytes() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertProblem(send(post("image/png", png)), 415, "not 'image/png'");
        assertProblem(send(post("image/png", new byte[0])), 415, "text/plain or application/json");
        assertProblem(send(post("application/xml", "<a/>".getBytes())), 415, "text/plain or application/json");
        assertProblem(send(post(null, "中俄两国元首举行会谈。".getBytes())), 415, "not 'nothing'");
        assertProblem(send(post("text/plain; charset=iso-8859-1", "x".getBytes())), 415, "only UTF-8");
        assertProblem(send(post("application/json; charset=\"UTF-16\"", "{}".getBytes())), 415, "only UTF-8");
        assertProblem(send(post("TEXT/PLAIN; Charset=\"UTF-8\"", new byte[0])), 400, "empty"); // accepted type, bad body
    }

    @Test
    void documentIsAnswered503WithRetryAfterWhenIngestCannotTakeIt() throws Exception {
        HttpResponse<String> response = send(post("text/plain; charset=utf-8", "中俄两国元首举行会谈。".getBytes()));
        assertProblem(response, 503, "");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void writesWithoutTheRightTokenAre401sAndReadsStayPublic() throws Exception {
        HttpRequest.Builder anonymous = request("/api/documents").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"));
        HttpResponse<String> missing = send(anonymous);
        assertProblem(missing, 401, "Authorization");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).isPresent();
        assertProblem(send(anonymous.header("Authorization", "Bearer wrong")), 401, "not valid");
        assertProblem(send(request("/api/admin/rebuild").POST(HttpRequest.BodyPublishers.noBody())), 401, "Authorization");
        assertThat(send(request("/api/countries")).statusCode()).isEqualTo(200);
    }

    @Test
    void writesBeyondThePerClientLimitAre429sWithRetryAfter() throws Exception {
        HttpServer limited = serve(2);
        try {
            HttpRequest.Builder write = request(limited, "/api/documents").header("Authorization", "Bearer " + TOKEN)
                    .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(""));
            assertThat(send(write).statusCode()).isEqualTo(400);
            assertThat(send(write).statusCode()).isEqualTo(400);
            HttpResponse<String> third = send(write);
            assertProblem(third, 429, "too many writes");
            assertThat(third.headers().firstValue("Retry-After").map(Long::parseLong)).hasValueSatisfying(
                    seconds -> assertThat(seconds).isBetween(1L, 60L));
        } finally {
            limited.close();
        }
    }

    @Test
    void webSocketsFromForeignOriginsAreRefused() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI ws = URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws");
        assertThat(client.newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(ws, new java.net.http.WebSocket.Listener() { })
                .handle((socket, error) -> error).get(10, TimeUnit.SECONDS))
                .isNotNull().hasRootCauseMessage("Unexpected HTTP response status code 403");
        java.net.http.WebSocket own = client.newWebSocketBuilder()
                .header("Origin", "http://127.0.0.1:" + server.actualPort())
                .buildAsync(ws, new java.net.http.WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        own.abort();
        java.net.http.WebSocket allowed = client.newWebSocketBuilder().header("Origin", "https://allowed.example")
                .buildAsync(ws, new java.net.http.WebSocket.Listener() { }).get(10, TimeUnit.SECONDS);
        allowed.abort();
    }

    @Test
    void timeLapseSessionPlaysThePeriodsFactsAndRejectsBadParameters() throws Exception {
        assertProblem(send(request("/ws/replay?from=2017-07-10&to=2017-07-01")), 400, "from and to");
        assertProblem(send(request("/ws/replay?from=2017-07-01&to=2017-07-10&speed=0")), 400, "speed");
        java.util.concurrent.CompletableFuture<String> fact = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket socket = TestHttp.CLIENT.newWebSocketBuilder().buildAsync(
                URI.create("ws://127.0.0.1:" + server.actualPort() + "/ws/replay?from=2017-07-01&to=2017-07-10&speed=1000"),
                new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                        if (data.toString().contains("replay-fact")) {
                            fact.complete(data.toString());
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"action\": \"play\"}", true);
        assertThat(fact.get(30, TimeUnit.SECONDS)).contains(TALKS.id());
        socket.abort();
    }

    @Test
    void everyResponseForbidsInlineScripts() throws Exception {
        assertThat(send(request("/api/countries")).headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'").doesNotContain("unsafe-inline");
    }

    @Test
    void streamsAnswer503WhenKafkasAdminApiDoesNot() throws Exception {
        assertProblem(send(request("/api/streams")), 503, "Admin API");
    }

    @Test
    void schemasAreServedPerTopic() throws Exception {
        assertThat(send(request("/api/schemas")).body()).contains(Topics.FACTS);
        assertThat(send(request("/api/schemas/" + Topics.FACTS)).body()).contains("\"$schema\"");
        assertProblem(send(request("/api/schemas/nope")), 404, "nope");
    }
}
