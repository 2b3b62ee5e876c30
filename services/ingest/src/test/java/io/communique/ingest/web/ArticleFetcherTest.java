package io.communique.ingest.web;

import io.communique.ingest.FixtureServer;
import io.communique.ingest.TestKafka;
import io.communique.model.Document;
import io.communique.model.net.FetchOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Articles by URL over the event bus, through the real ingest verticle into a real broker. */
class ArticleFetcherTest {
    static final String PAGE = """
            <html lang="zh"><body><nav>首页 国际 财经</nav><article>
            <p>2017年6月8日，国家主席习近平在阿斯塔纳同哈萨克斯坦总统纳扎尔巴耶夫举行会谈。</p>
            <p>两国元首一致同意，推动中哈全面战略伙伴关系迈上新台阶。</p></article>
            <footer>版权所有</footer></body></html>""";
    static Vertx vertx;
    static FixtureServer site;

    @BeforeAll
    static void start() {
        vertx = TestKafka.vertxWithIngest();
        site = FixtureServer.start(vertx);
        TestKafka.await(vertx.deployVerticle(new ArticleFetcher(new FetchOptions(10_000, 1_000_000, true))));
    }

    @AfterAll
    static void stop() {
        site.close();
        vertx.close();
    }

    @Test
    void anArticleUrlBecomesOneDocumentWithTheMainTextAndIsAnsweredLikeIngest() {
        site.serve("/kz.html", "text/html; charset=utf-8", PAGE);
        String url = site.url("/kz.html");
        JsonObject reply = request(vertx, new JsonObject().put("url", url).put("published", "2017-06-08"));

        assertThat(reply.getString("documentId")).hasSize(64);
        assertThat(reply.getJsonArray("facts")).isNotNull();
        List<Document> documents = TestKafka.documents(url);
        assertThat(documents).singleElement().satisfies(document -> {
            assertThat(document.id()).isEqualTo(reply.getString("documentId"));
            assertThat(document.text()).startsWith("2017年6月8日").doesNotContain("首页").doesNotContain("版权所有");
            assertThat(document.published()).isEqualTo("2017-06-08");
            assertThat(document.language()).isEqualTo("zh");
            assertThat(document.source()).isEqualTo(ArticleFetcher.SOURCE);
        });
    }

    @Test
    void badUrlsAndMetadataAre400AndUnreachablePagesAre502() {
        assertThat(failureCode(vertx, new JsonObject().put("url", "ftp://example.org/x"))).isEqualTo(400);
        assertThat(failureCode(vertx, new JsonObject())).isEqualTo(400);
        assertThat(failureCode(vertx, new JsonObject().put("url", site.url("/kz.html")).put("published", "8 June")))
                .isEqualTo(400);
        assertThat(failureCode(vertx, new JsonObject().put("url", site.url("/gone.html")))).isEqualTo(502);
    }

    @Test
    void withoutAllowPrivateUrlsLoopbackIsRefusedAndWithoutIngestTheAnswerIs503() {
        Vertx strict = Vertx.vertx();
        Vertx noIngest = Vertx.vertx();
        try {
            TestKafka.await(strict.deployVerticle(new ArticleFetcher(new FetchOptions(10_000, 1_000_000, false))));
            site.serve("/inside.html", "text/html", PAGE);
            assertThat(failureCode(strict, new JsonObject().put("url", site.url("/inside.html")))).isEqualTo(400);
            assertThat(site.hits("/inside.html")).isZero();

            // No ingest verticle listening stands for Kafka being unavailable: ingest's own 503 maps the same way.
            TestKafka.await(noIngest.deployVerticle(new ArticleFetcher(new FetchOptions(10_000, 1_000_000, true))));
            assertThat(failureCode(noIngest, new JsonObject().put("url", site.url("/inside.html")))).isEqualTo(503);
        } finally {
            strict.close();
            noIngest.close();
        }
    }

    static JsonObject request(Vertx vertx, JsonObject body) {
        return TestKafka.await(vertx.eventBus().<JsonObject>request(ArticleFetcher.ADDRESS, body).map(m -> m.body()));
    }

    static int failureCode(Vertx vertx, JsonObject body) {
        Future<?> reply = vertx.eventBus().request(ArticleFetcher.ADDRESS, body);
        try {
            reply.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ReplyException.class);
            return ((ReplyException) e.getCause()).failureCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure for " + body);
    }
}
