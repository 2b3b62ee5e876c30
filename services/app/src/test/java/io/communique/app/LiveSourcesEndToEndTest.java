package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.testing.TestHttp;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app with a news site served locally: a feed item's article becomes facts that reach a dashboard
 * WebSocket client and the API once, however often the feed is polled; a file dropped into the inbox does too.
 */
class LiveSourcesEndToEndTest {
    static final String CHILE_TALKS = "2019年4月29日，国家主席习近平在北京人民大会堂同智利总统皮涅拉举行会谈。两国元首同意深化合作。";
    static final String MEXICO_TALKS = "2018年11月30日，国家主席习近平在布宜诺斯艾利斯同墨西哥总统培尼亚举行会谈。";
    static final String ARGENTINA_TALKS = "2018年12月2日，国家主席习近平在布宜诺斯艾利斯同阿根廷总统马克里举行会谈。";

    @TempDir
    static Path dataDir;
    static Vertx site;
    static HttpServer server;
    static final AtomicReference<String> feed = new AtomicReference<>();
    static final AtomicInteger feedRequests = new AtomicInteger();
    static final AtomicInteger articleRequests = new AtomicInteger();
    static Communique app;

    @BeforeAll
    static void start() throws Exception {
        site = Vertx.vertx();
        feed.set(rss(""));
        server = site.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/feed.xml")) {
                feedRequests.incrementAndGet();
                request.response().putHeader("Content-Type", "application/rss+xml").end(feed.get());
            } else if (request.path().equals("/news/mexico.html")) {
                request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(
                        "<html lang=\"zh\"><body><article><p>" + MEXICO_TALKS + "</p></article></body></html>");
            } else if (request.path().equals("/news/chile.html")) {
                articleRequests.incrementAndGet();
                request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(
                        "<html lang=\"zh\"><body><nav>首页</nav><article><p>" + CHILE_TALKS + "</p></article></body></html>");
            } else {
                request.response().setStatusCode(404).end();
            }
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        AppConfig config = AppConfig.fromEnv(Map.of(
                        "FEEDS", siteUrl("/feed.xml") + " 500ms",
                        "ALLOW_PRIVATE_URLS", "true"))
                .with(0, dataDir, TestApps.SEEDS, null, 0);
        app = Communique.start(config);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        site.close();
    }

    @Test
    void aNewFeedItemReachesTheDashboardAsFactsOnceHoweverOftenTheFeedIsPolled() throws Exception {
        Vertx client = Vertx.vertx();
        try {
            List<JsonNode> messages = new CopyOnWriteArrayList<>();
            EndToEndTest.connectWebSocket(client, app.httpPort(), text -> messages.add(readTree(text)));
            awaitTrue("an empty feed polled", () -> feedRequests.get() >= 1);

            feed.set(rss("<item><title>习近平同智利总统会谈</title><link>" + siteUrl("/news/chile.html") + "</link>"
                    + "<pubDate>Mon, 29 Apr 2019 10:00:00 GMT</pubDate><description>会谈</description></item>"));
            awaitTrue("a Chile fact on the WebSocket", () -> EndToEndTest.liveFacts(messages)
                    .anyMatch(f -> f.get("participants").toString().contains("\"CL\"")));

            int polled = feedRequests.get();
            awaitTrue("three more polls", () -> feedRequests.get() >= polled + 3);
            assertThat(articleRequests.get()).isEqualTo(1);
            JsonNode facts = readTree(get("/api/facts?country=CL").body());
            Set<String> documents = new HashSet<>();
            facts.forEach(fact -> documents.add(fact.get("documentId").asText()));
            assertThat(documents).hasSize(1);
            JsonNode document = readTree(get("/api/documents/" + documents.iterator().next()).body());
            assertThat(document.get("url").asText()).isEqualTo(siteUrl("/news/chile.html"));
            assertThat(document.get("published").asText()).isEqualTo("2019-04-29");
        } finally {
            client.close();
        }
    }

    @Test
    void aReportDroppedIntoTheInboxBecomesFactsAndMovesToProcessed() throws Exception {
        Path inbox = dataDir.resolve("inbox");
        Path staging = dataDir.resolve("argentina.txt");
        Files.writeString(staging, ARGENTINA_TALKS, StandardCharsets.UTF_8);
        Files.move(staging, inbox.resolve("argentina.txt")); // written, then renamed in: complete when it appears

        awaitTrue("moved to processed", () -> Files.exists(inbox.resolve("processed").resolve("argentina.txt")));
        awaitTrue("Argentina's facts in the API", () -> readTree(get("/api/facts?country=AR").body()).size() > 0);
    }

    @Test
    void anArticlePostedByUrlIsFetchedAndItsFactsAcceptedAndEverySourceReportsItsState() throws Exception {
        HttpResponse<String> response = TestHttp.post(app.httpPort(), "/api/documents", app.apiToken(),
                "application/json", "{\"url\": \"" + siteUrl("/news/mexico.html") + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        assertThat(readTree(response.body()).get("facts").size()).isPositive();
        awaitTrue("Mexico's facts in the API", () -> readTree(get("/api/facts?country=MX").body()).size() > 0);

        JsonNode sources = readTree(get("/api/sources").body());
        Set<String> kinds = new HashSet<>();
        sources.forEach(source -> kinds.add(source.get("kind").asText()));
        assertThat(kinds).contains("feed", "inbox");
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static String siteUrl(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    static String rss(String items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Local news</title>"
                + "<link>http://127.0.0.1/</link><description>written for this test</description>" + items
                + "</channel></rss>";
    }

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return TestHttp.get(app.httpPort(), path);
    }

    static void awaitTrue(String what, Await.Condition condition) throws Exception {
        Await.until(what, Duration.ofSeconds(60), condition);
    }

    static JsonNode readTree(String json) {
        return TestHttp.json(json);
    }
}
