package io.communique.web;

import io.communique.ingest.FailingExtractor;
import io.communique.ingest.TestKafka;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static io.communique.web.ApiTest.assertProblem;
import static io.communique.web.ApiTest.post;
import static io.communique.web.ApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports posted to the real HTTP server and handed over the event bus to the real ingest verticle, whose extractor
 * fails on one of them, with a real broker behind it.
 */
class ExtractionFailureTest {
    static final String EGYPT_TALKS = "2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。";
    static Vertx vertx;
    static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = TestKafka.vertxWithIngest(new FailingExtractor());
        server = ApiTest.serve(vertx, new LiveState(), ApiTest.options(0));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void aReportTheExtractorFailsOnIsA422ProblemWithoutRetryAfterAndNothingIsStored() throws Exception {
        String report = EGYPT_TALKS + FailingExtractor.MARKER;
        HttpResponse<String> response = send(post(server, "text/plain; charset=utf-8", report.getBytes(StandardCharsets.UTF_8)));
        assertProblem(response, 422, "the extractor failed on this report");
        assertThat(response.headers().firstValue("Retry-After")).as("sending it again would fail again").isEmpty();
        assertThat(TestKafka.readAll(Topics.DOCUMENTS)).noneMatch(record ->
                new String(record.value(), StandardCharsets.UTF_8).contains(FailingExtractor.MARKER));
    }

    @Test
    void aReportTheExtractorTakesIsAcceptedByTheSameServer() throws Exception {
        HttpResponse<String> response = send(post(server, "text/plain; charset=utf-8",
                ("会谈见报。" + EGYPT_TALKS).getBytes(StandardCharsets.UTF_8)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(response.body()).contains("documentId");
    }
}
