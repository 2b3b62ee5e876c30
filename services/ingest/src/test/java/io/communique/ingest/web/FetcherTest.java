package io.communique.ingest.web;

import io.communique.ingest.FixtureServer;
import io.communique.ingest.FixtureServer.Fixture;
import io.communique.model.net.FetchException;
import io.communique.model.net.FetchOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The guarded fetcher against a real local HTTP server. */
class FetcherTest {
    static final String PAGE = "<html><body><article><p>国家主席习近平会见来访的总统。</p></article></body></html>";
    static Vertx vertx;
    static FixtureServer site;
    /** Loopback is allowed here so the local server can be reached at all; everything else is guarded as usual. */
    static Fetcher fetcher;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        site = FixtureServer.start(vertx);
        fetcher = new Fetcher(vertx, new FetchOptions(10_000, 10_000, true));
    }

    @AfterAll
    static void stop() {
        site.close();
        vertx.close();
    }

    @Test
    void fetchesAnArticleWithAUserAgentNamingCommunique() {
        site.serve("/a.html", "text/html; charset=utf-8", PAGE);
        assertThat(await(fetcher.article(site.url("/a.html"))).text()).isEqualTo("国家主席习近平会见来访的总统。");
        assertThat(site.userAgents()).last().asString().startsWith("Communique/");
    }

    @Test
    void loopbackIsRefusedWithoutAllowPrivateUrlsAndNothingIsSent() {
        site.serve("/private.html", "text/html", PAGE);
        Fetcher strict = new Fetcher(vertx, new FetchOptions(1000, 10_000, false));
        assertThat(failureOf(strict.article(site.url("/private.html"))))
                .satisfies(e -> assertThat(e.code()).isEqualTo(400))
                .hasMessageContaining("loopback");
        assertThat(site.hits("/private.html")).isZero();
    }

    @Test
    void aRedirectIsCheckedLikeTheFirstUrlSoItCannotReachTheMetadataService() {
        site.set("/moved", new Fixture(302, null, "", "/a2.html", 0));
        site.serve("/a2.html", "text/html", PAGE);
        assertThat(await(fetcher.article(site.url("/moved"))).text()).isNotBlank();

        site.set("/sneaky", new Fixture(302, null, "", "http://169.254.169.254/latest/meta-data/", 0));
        assertThat(failureOf(fetcher.article(site.url("/sneaky")))).satisfies(e -> assertThat(e.code()).isEqualTo(400));
        site.set("/to-file", new Fixture(301, null, "", "file:///etc/passwd", 0));
        assertThat(failureOf(fetcher.article(site.url("/to-file")))).satisfies(e -> assertThat(e.code()).isEqualTo(400));
    }

    @Test
    void aBodyOverTheSizeLimitIsAbandoned() {
        site.serve("/big.html", "text/html", "<html><body><p>" + "长".repeat(20_000) + "</p></body></html>");
        assertThat(failureOf(fetcher.article(site.url("/big.html"))))
                .satisfies(e -> assertThat(e.code()).isEqualTo(502))
                .hasMessageContaining("larger than 10000 bytes");
    }

    @Test
    void aSlowServerTimesOut() {
        site.serve("/warm.html", "text/html", PAGE);
        await(fetcher.article(site.url("/warm.html"))); // a cold JVM's first exchange is slow in itself
        site.set("/slow.html", new Fixture(200, "text/html", PAGE, null, 5000));
        Fetcher impatient = new Fetcher(vertx, new FetchOptions(300, 10_000, true));
        assertThat(failureOf(impatient.article(site.url("/slow.html"))))
                .satisfies(e -> assertThat(e.code()).isEqualTo(502))
                .hasMessageContaining("timed out");
    }

    @Test
    void errorStatusesAndNonHtmlPagesAreUnreachableArticles() {
        assertThat(failureOf(fetcher.article(site.url("/missing.html")))).hasMessageContaining("HTTP 404")
                .satisfies(e -> assertThat(e.code()).isEqualTo(502));
        site.serve("/doc.pdf", "application/pdf", "%PDF-1.4");
        assertThat(failureOf(fetcher.article(site.url("/doc.pdf")))).hasMessageContaining("not an HTML page")
                .satisfies(e -> assertThat(e.code()).isEqualTo(502));
    }

    @Test
    void requestsToOneHostGoOneAtATime() {
        try (FixtureServer quiet = FixtureServer.start(vertx)) { // its own counters, the same host 127.0.0.1
            for (int i = 0; i < 3; i++) {
                quiet.set("/queued" + i + ".html", new Fixture(200, "text/html", PAGE, null, 100));
            }
            List<Future<ArticleText.Article>> all = List.of(
                    fetcher.article(quiet.url("/queued0.html")), fetcher.article(quiet.url("/queued1.html")),
                    fetcher.article(quiet.url("/queued2.html")));
            await(Future.all(all));
            assertThat(quiet.hits("/queued2.html")).isEqualTo(1);
            assertThat(quiet.maxConcurrentRequests()).isEqualTo(1);
        }
    }

    @Test
    void conditionalRequestsGetNotModified() {
        site.serve("/feed.xml", "application/rss+xml", "<rss/>");
        Fetcher.Page first = await(fetcher.get(site.url("/feed.xml"), Map.of()));
        Fetcher.Page second = await(fetcher.get(site.url("/feed.xml"), Map.of("If-None-Match", first.etag())));
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.notModified()).isTrue();
    }

    static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static FetchException failureOf(Future<?> future) {
        try {
            future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(FetchException.class);
            return (FetchException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected the fetch to fail");
    }
}
