package io.communique.ingest.feed;

import io.communique.ingest.FailingExtractor;
import io.communique.ingest.FixtureServer;
import io.communique.ingest.SourceStatus;
import io.communique.ingest.TestKafka;
import io.communique.model.net.FetchOptions;
import io.communique.model.Document;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static io.communique.ingest.TestKafka.await;
import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.ingest.TestKafka.documents;
import static org.assertj.core.api.Assertions.assertThat;

/** Feeds served by a real local HTTP server, polled into the real ingest verticle and a real broker. */
class FeedVerticleTest {
    static final FetchOptions LOOPBACK_ALLOWED = new FetchOptions(10_000, 1_000_000, true);
    static Vertx vertx;
    static FixtureServer site;

    @TempDir
    Path dataDir;
    final List<String> deployments = new ArrayList<>();

    @BeforeAll
    static void start() {
        vertx = TestKafka.vertxWithIngest(new FailingExtractor());
        await(SourceStatus.serve(vertx));
        site = FixtureServer.start(vertx);
    }

    @AfterAll
    static void stop() {
        site.close();
        vertx.close();
    }

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> await(vertx.undeploy(id)));
    }

    @Test
    void newItemsAreIngestedOnceAcrossPollsAndARestartResumesWithoutReingesting() throws Exception {
        site.serve("/one/feed.xml", "application/rss+xml", rss(
                item("哈萨克斯坦会谈", "/one/a1.html", "Sun, 08 Jun 2017 10:00:00 GMT", "摘要一"),
                item("越南国事访问", "/one/a2.html", "Sun, 12 Nov 2017 09:00:00 GMT", "摘要二")));
        article("/one/a1.html", "2017年6月8日，国家主席习近平在阿斯塔纳同哈萨克斯坦总统举行会谈。");
        article("/one/a2.html", "2017年11月12日，国家主席习近平抵达河内，对越南进行国事访问。");
        String feed = site.url("/one/feed.xml");
        String deployment = deploy(feed + " 200ms");

        awaitTrue("both items ingested", () -> documents(site.url("/one/a1.html")).size() == 1
                && documents(site.url("/one/a2.html")).size() == 1);
        Document first = documents(site.url("/one/a1.html")).get(0);
        assertThat(first.published()).isEqualTo("2017-06-08");
        assertThat(first.source()).isEqualTo(feed);
        assertThat(first.text()).contains("哈萨克斯坦总统");

        site.serve("/one/feed.xml", "application/rss+xml", rss(
                item("新的会见", "/one/a3.html", "Mon, 13 Nov 2017 09:00:00 GMT", "摘要三"),
                item("哈萨克斯坦会谈", "/one/a1.html", "Sun, 08 Jun 2017 10:00:00 GMT", "摘要一"),
                item("越南国事访问", "/one/a2.html", "Sun, 12 Nov 2017 09:00:00 GMT", "摘要二")));
        article("/one/a3.html", "2017年11月13日，国家主席习近平在河内会见越南国会主席。");
        awaitTrue("the new item ingested", () -> documents(site.url("/one/a3.html")).size() == 1);

        await(vertx.undeploy(deployment));
        deployments.remove(deployment);
        int feedHits = site.hits("/one/feed.xml");
        deploy(feed + " 200ms");
        awaitTrue("polled again after the restart", () -> site.hits("/one/feed.xml") >= feedHits + 2);

        assertThat(site.hits("/one/a1.html")).isEqualTo(1);
        assertThat(site.hits("/one/a2.html")).isEqualTo(1);
        assertThat(site.hits("/one/a3.html")).isEqualTo(1);
        for (String page : new String[]{"/one/a1.html", "/one/a2.html", "/one/a3.html"}) {
            assertThat(documents(site.url(page))).as(page).hasSize(1);
        }
    }

    @Test
    void anUnchangedFeedCostsOneConditionalRequestPerPoll() throws Exception {
        site.serve("/quiet/feed.xml", "application/rss+xml",
                rss(item("会见", "/quiet/a.html", "Tue, 05 Mar 2019 08:00:00 GMT", "摘要")));
        article("/quiet/a.html", "2019年3月5日，国家主席习近平在北京会见来访的智利总统。");
        deploy(site.url("/quiet/feed.xml") + " 100ms");

        awaitTrue("several polls", () -> site.hits("/quiet/feed.xml") >= 5);
        // Every poll after the first was answered 304, and the article page was fetched once.
        assertThat(site.notModified("/quiet/feed.xml")).isGreaterThanOrEqualTo(site.hits("/quiet/feed.xml") - 2);
        assertThat(site.hits("/quiet/a.html")).isEqualTo(1);
        assertThat(documents(site.url("/quiet/a.html"))).hasSize(1);
    }

    @Test
    void aBrokenFeedOrPageLandsInTheErrorStateWhileTheOtherFeedsCarryOn() throws Exception {
        site.set("/broken/feed.xml", new FixtureServer.Fixture(500, "text/plain", "down", null, 0));
        site.serve("/garbage/feed.xml", "application/xml", "this is not a feed");
        site.serve("/mixed/feed.atom", "application/atom+xml", atom(
                entry("埃及会谈", "/mixed/gone.html", "2019-04-25T08:00:00Z",
                        "2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。"),
                entry("巴西会谈", "/mixed/ok.html", "2018-03-05T08:00:00Z", "摘要")));
        article("/mixed/ok.html", "2018年3月5日，国家主席习近平在北京人民大会堂同巴西总统特梅尔举行会谈。");
        String broken = site.url("/broken/feed.xml");
        String garbage = site.url("/garbage/feed.xml");
        String mixed = site.url("/mixed/feed.atom");
        deploy(broken + " 100ms," + garbage + " 100ms," + mixed + " 100ms");

        awaitTrue("the good article", () -> documents(site.url("/mixed/ok.html")).size() == 1);
        awaitTrue("the missing page's item, from its summary", () -> documents(site.url("/mixed/gone.html")).size() == 1);
        assertThat(documents(site.url("/mixed/gone.html")).get(0).text()).isEqualTo("""
                埃及会谈
                2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。""");
        assertThat(documents(site.url("/mixed/ok.html")).get(0).published()).isEqualTo("2018-03-05");

        JsonObject brokenStatus = status(broken);
        assertThat(brokenStatus.getString("state")).isEqualTo("error");
        assertThat(brokenStatus.getString("kind")).isEqualTo("feed");
        assertThat(brokenStatus.getLong("errors")).isPositive();
        assertThat(brokenStatus.getString("lastError")).contains("HTTP 500");
        assertThat(status(garbage).getString("lastError")).contains("not a readable RSS or Atom feed");
        JsonObject mixedStatus = status(mixed);
        assertThat(mixedStatus.getLong("itemsSeen")).isEqualTo(2);
        assertThat(mixedStatus.getLong("errors")).isEqualTo(1);
        assertThat(mixedStatus.getString("lastError")).contains("gone.html").contains("HTTP 404");
        assertThat(mixedStatus.getString("lastPoll")).isNotNull();
    }

    @Test
    void anItemTheExtractorFailsOnIsRefusedOnceAndNeverRetriedWhileTheItemsAroundItAreIngested() throws Exception {
        site.serve("/failing/feed.xml", "application/rss+xml", rss(
                item("之前", "/failing/before.html", "Tue, 05 Mar 2019 08:00:00 GMT", "摘要"),
                item("失败", "/failing/bug.html", "Wed, 06 Mar 2019 08:00:00 GMT", "摘要"),
                item("之后", "/failing/after.html", "Thu, 07 Mar 2019 08:00:00 GMT", "摘要")));
        article("/failing/before.html", "2019年3月5日，国家主席习近平在北京会见来访的秘鲁总统。");
        article("/failing/bug.html", "2019年3月6日，国家主席习近平在北京会见来访的古巴总统。" + FailingExtractor.MARKER);
        article("/failing/after.html", "2019年3月7日，国家主席习近平在北京会见来访的乌拉圭总统。");
        String feed = site.url("/failing/feed.xml");
        deploy(feed + " 100ms");

        awaitTrue("the items around the failing one ingested", () -> documents(site.url("/failing/before.html")).size() == 1
                && documents(site.url("/failing/after.html")).size() == 1);
        // The feed changes, so it is read again: the refused item is remembered as taken, not fetched again.
        site.serve("/failing/feed.xml", "application/rss+xml", rss(
                item("新的", "/failing/new.html", "Fri, 08 Mar 2019 08:00:00 GMT", "摘要"),
                item("之前", "/failing/before.html", "Tue, 05 Mar 2019 08:00:00 GMT", "摘要"),
                item("失败", "/failing/bug.html", "Wed, 06 Mar 2019 08:00:00 GMT", "摘要"),
                item("之后", "/failing/after.html", "Thu, 07 Mar 2019 08:00:00 GMT", "摘要")));
        article("/failing/new.html", "2019年3月8日，国家主席习近平在北京会见来访的智利总统。");
        awaitTrue("the new item ingested", () -> documents(site.url("/failing/new.html")).size() == 1);

        assertThat(documents(site.url("/failing/bug.html"))).isEmpty();
        assertThat(site.hits("/failing/bug.html")).as("the failing page fetched once").isEqualTo(1);
        JsonObject status = status(feed);
        assertThat(status.getLong("errors")).isEqualTo(1);
        assertThat(status.getString("lastError")).contains("bug.html").contains("refused");
    }

    @Test
    void theSameArticleFromTwoFeedsIsOneDocument() throws Exception {
        String shared = "/shared/story.html";
        article(shared, "2016年9月3日，国家主席习近平在杭州会见美国总统奥巴马。");
        site.serve("/two-a/feed.xml", "application/rss+xml",
                rss(item("杭州会见", shared, "Sat, 03 Sep 2016 12:00:00 GMT", "甲")));
        site.serve("/two-b/feed.atom", "application/atom+xml",
                atom(entry("Xi meets Obama", shared, "2016-09-03T12:00:00Z", "乙")));
        deploy(site.url("/two-a/feed.xml") + " 100ms," + site.url("/two-b/feed.atom") + " 100ms");

        awaitTrue("both feeds polled", () -> status(site.url("/two-a/feed.xml")).getString("lastPoll") != null
                && status(site.url("/two-b/feed.atom")).getString("lastPoll") != null
                && site.hits("/two-b/feed.atom") >= 2 && site.hits("/two-a/feed.xml") >= 2);
        assertThat(site.hits(shared)).isEqualTo(1);
        assertThat(documents(site.url(shared))).hasSize(1);
    }

    // --- fixtures and helpers ------------------------------------------------------------------------------------

    private String deploy(String feeds) {
        String id = await(vertx.deployVerticle(new FeedVerticle(dataDir.resolve("feeds.txt"), feeds, 60_000,
                dataDir.resolve("sources"), LOOPBACK_ALLOWED)));
        deployments.add(id);
        return id;
    }

    private static void article(String path, String paragraph) {
        site.serve(path, "text/html; charset=utf-8", "<html><body><nav>首页 新闻</nav><article><p>" + paragraph
                + "</p></article><footer>版权</footer></body></html>");
    }

    private static JsonObject status(String name) {
        JsonArray all = await(vertx.eventBus().<JsonArray>request(SourceStatus.ADDRESS, null).map(m -> m.body()));
        return all.stream().map(JsonObject.class::cast).filter(s -> s.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no status for " + name + " in " + all));
    }

    private static String item(String title, String path, String pubDate, String description) {
        return "<item><title>" + title + "</title><link>" + site.url(path) + "</link><guid isPermaLink=\"false\">"
                + path + "#rss</guid><pubDate>" + pubDate + "</pubDate><description>" + description
                + "</description></item>";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Test news</title>"
                + "<link>" + site.url("/") + "</link><description>fixtures</description><language>zh</language>"
                + String.join("", items) + "</channel></rss>";
    }

    private static String entry(String title, String path, String published, String summary) {
        return "<entry><title>" + title + "</title><link href=\"" + site.url(path) + "\"/><id>urn:test:" + path
                + "</id><published>" + published + "</published><updated>" + published + "</updated><summary>"
                + summary + "</summary></entry>";
    }

    private static String atom(String... entries) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Test atom</title><id>urn:test:feed</id><updated>2019-04-25T08:00:00Z</updated>"
                + Arrays.stream(entries).collect(Collectors.joining()) + "</feed>";
    }
}
