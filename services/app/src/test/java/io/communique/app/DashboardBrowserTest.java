package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ReducedMotion;
import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;
import io.communique.testing.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard as a person sees it: the whole app on a real broker, driven through Debian's headless Chromium.
 * Each test leaves a screenshot of its page in target/screenshots/ (README shows copies of them). The tests share one
 * app; their order only keeps the screenshots of the seed's pages on the bare seed, before the posts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
    /** Debian's browser, installed by .ci/run: nothing here may download one. */
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Generous: the machine is shared, and the first render waits for Kafka and the socket. */
    static final double TIMEOUT_MS = 30_000;

    /** performance.mark of the overview's first frame painting active countries (frontend pages/overview.ts). */
    static final String FIRST_RENDER_MARK = "communique:first-render";
    static final int FIRST_RENDER_RUNS = 5;
    /** Not the budget (1 s): only a page that hangs fails. */
    static final double FIRST_RENDER_SANITY_MS = 10_000;
    /** Issue 4's budget for the JavaScript the overview loads. */
    static final long OVERVIEW_JS_BUDGET_GZIP_BYTES = 300 * 1024;

    /** A report about talks with a country the seed does not mention, written for this test. */
    static final String KENYA_TALKS = "2018年9月1日，国家主席习近平在北京人民大会堂同肯尼亚总统肯雅塔举行会谈。";
    static final String SCRIPT = "<script>window.__pwned=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__pwned=1\">";
    /** A real report with markup in its sentences, so that it reaches the evidence of its facts too. */
    static final String HOSTILE = "2019年5月15日，国家主席习近平在北京同希腊总理齐普拉斯举行会谈" + SCRIPT + "。"
            + IMG + "双方签署了经济技术合作协定。";

    /** Reports dated by day and month only, and the day each was published: [published, text]. */
    static final String[][] DATED_REPORTS = {
            {"2016-03-09", "3月8日，国家主席习近平在北京人民大会堂同埃及总统塞西举行会谈。"},
            {"2017-11-21", "11月20日，国务院总理李克强在北京同巴西总统罗塞夫举行会谈。双方签署了经济合作协定。"},
            {"2019-06-06", "6月5日，国家主席习近平在北京人民大会堂同肯尼亚总统肯雅塔举行会谈。"},
    };
    /**
     * One occasion reported twice, written for this test: in Chinese on the day, in English the next day, which dates
     * it by that day ("on Wednesday") and names the place in English. The resolver makes one event of them, with the
     * date and the place as disagreements.
     */
    static final List<Map<String, String>> CHILE_TALKS = List.of(
            Map.of("published", "2024-11-05", "language", "zh",
                    "url", "https://news.example/zh/cn-cl-talks",
                    "text", "新华社北京11月5日电 11月5日，国家主席习近平在北京人民大会堂同智利总统博里奇举行会谈。两国元首同意加强合作。"),
            Map.of("published", "2024-11-06", "language", "en",
                    "url", "https://news.example/en/cn-cl-talks",
                    "text", "Chinese President Xi Jinping held talks with Chilean President Gabriel Boric in Beijing on Wednesday."));

    @TempDir
    static Path dataDir;
    static Communique app;
    static Playwright playwright;
    static Browser browser;

    BrowserContext context;
    /** Uncaught exceptions and Content-Security-Policy violations of every page of a test: there must be none. */
    final List<String> pageProblems = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(installed).as("CI runs the browser tests: Debian's chromium must be at %s (.ci/run installs it)",
                    CHROMIUM).isTrue();
        }
        assumeTrue(installed, "browser tests skipped: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        Files.createDirectories(SCREENSHOTS);
        // The app (its broker, mostly) and the browser start side by side: each takes many seconds on a busy machine.
        CompletableFuture<Communique> starting = CompletableFuture.supplyAsync(() -> TestApps.start(dataDir));
        try {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setTimeout(TIMEOUT_MS)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
        } finally {
            app = starting.join();
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close(); // closes the browser too
        }
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void openContext() {
        // English labels and a laptop-sized viewport: what README's screenshots show. Reduced motion: the pages then
        // scroll at once, so a screenshot never catches one mid-scroll.
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://127.0.0.1:" + app.httpPort())
                .setLocale("en-US")
                .setViewportSize(1280, 800)
                .setReducedMotion(ReducedMotion.REDUCE));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.onPage(page -> {
            page.onPageError(error -> pageProblems.add("uncaught: " + error));
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    pageProblems.add("CSP: " + message.text());
                }
            });
        });
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    @Order(1)
    void overviewShowsTheSeedLiveWithRussiaAndGermanyActiveOnTheMap() {
        Page page = openLive("/");
        assertThat(page.locator("#map path[data-code=RU]").first()).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(page.locator("#map path[data-code=DE]").first()).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(page.locator("#countries li[data-code=RU]")).isVisible();
        assertThat(page.locator("#countries li[data-code=DE]")).isVisible();
        assertThat(page.locator("#feed li[data-fact-id]").first()).isVisible();
        screenshot(page, "overview");
        assertThat(pageProblems).isEmpty();
    }

    @Test
    @Order(2)
    void firstRenderOfTheSeedOverviewIsMeasuredAndItsScriptsStayWithinBudget() throws Exception {
        // Each load in a fresh context: nothing cached, as on a first visit. The figure is reported, not asserted
        // (the machine is shared); the bound only catches a page that hangs.
        List<Double> firstRenders = new ArrayList<>();
        for (int run = 0; run < FIRST_RENDER_RUNS; run++) {
            try (BrowserContext fresh = browser.newContext(new Browser.NewContextOptions()
                    .setBaseURL("http://127.0.0.1:" + app.httpPort()).setLocale("en-US").setViewportSize(1280, 800))) {
                Page page = fresh.newPage();
                page.navigate("/");
                page.waitForFunction("mark => performance.getEntriesByName(mark).length > 0", FIRST_RENDER_MARK,
                        new Page.WaitForFunctionOptions().setTimeout(TIMEOUT_MS));
                assertThat(page.locator("#map path[data-code=RU]").first()).hasClass(Pattern.compile("\\bactive\\b"));
                firstRenders.add(((Number) page.evaluate("mark => performance.getEntriesByName(mark)[0].startTime",
                        FIRST_RENDER_MARK)).doubleValue());
                if (run == 0) {
                    assertOverviewScriptsWithinBudget(fresh, page);
                }
            }
        }
        List<Double> sorted = firstRenders.stream().sorted().toList();
        System.out.printf("First render of the seed overview (navigation start to the first frame painting the active"
                + " map), %d fresh loads: %s ms, median %.0f ms%n", sorted.size(),
                sorted.stream().map(ms -> String.format("%.0f", ms)).toList(), sorted.get(sorted.size() / 2));
        assertThat(sorted).allSatisfy(ms -> assertThat(ms).isLessThan(FIRST_RENDER_SANITY_MS));
    }

    @Test
    @Order(3)
    void theMapOpensRussiasPageWhereAFactExpandsToItsEvidenceAndItsDocument() {
        Page page = openLive("/");
        // A click on a country opens it, and the back button returns. (Russia's bounding box, which spans the
        // antimeridian, is centred on the ocean: a click there would hit no country, so Germany takes the click.)
        page.locator("#map path[data-code=DE]").first().click();
        assertThat(page).hasURL(Pattern.compile("#/country/DE$"));
        page.goBack();
        assertThat(page).hasURL(Pattern.compile(":\\d+/$"));
        // Active countries are keyboard links too.
        Locator russia = page.locator("#map path[data-code=RU]").first();
        assertThat(russia).hasAttribute("tabindex", "0");
        russia.focus();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(Pattern.compile("#/country/RU$"));
        // The seed: China's president visited Russia, on a map with its arc.
        assertThat(page.locator("#counterparts li[data-code=CN]")).isVisible();
        assertThat(page.locator("#visits-received li[data-fact-id]").first()).isVisible();
        assertThat(page.locator("#country-map .arc.received").first()).isAttached();
        assertThat(page.locator("#events li[data-event-id]").first()).isVisible();
        screenshot(page, "country");

        Locator fact = page.locator("#facts li[data-fact-id]").first();
        Locator details = fact.locator("details");
        assertThat(details).not().hasAttribute("open", "");
        details.locator("summary").click();
        assertThat(details).hasAttribute("open", "");
        Locator evidence = details.locator(".evidence");
        assertThat(evidence).isVisible();
        assertThat(evidence).hasText(Pattern.compile("\\S"));

        // The evidence leads to the report, the fact's sentence highlighted in it.
        String factId = fact.getAttribute("data-fact-id");
        details.locator("a.doc-link").click();
        assertThat(page).hasURL(Pattern.compile("#/document/[0-9a-f]{64}\\?fact=" + factId + "$"));
        Locator mark = page.locator("#doc-text mark[data-fact-ids~=\"" + factId + "\"]").first();
        assertThat(mark).isVisible();
        assertThat(page.locator("#doc-facts li[data-fact-id=\"" + factId + "\"]")).isVisible();
        screenshot(page, "document");

        page.goBack();
        assertThat(page).hasURL(Pattern.compile("#/country/RU$"));
        assertThat(page.locator("#facts li[data-fact-id]").first()).isVisible();
        assertThat(pageProblems).isEmpty();
    }

    @Test
    @Order(4)
    void aTopicOpensToTheCountriesRaisingItAndTheNetworkLinksChinaAndRussia() {
        Page page = openLive("/");
        // The busiest topic of the seeds, whichever it is: the countries raising it, most first.
        page.locator("#topics a[data-topic]").first().click();
        assertThat(page).hasURL(Pattern.compile("#/topic/[^/?]+$"));
        assertThat(page.locator("#topic-countries li[data-code]").first()).isVisible();
        // Its events, each with the number of its reports, and the count of them all from the server's totals.
        assertThat(page.locator("#events li[data-event-id] .report-count").first())
                .hasAttribute("data-reports", Pattern.compile("[1-9][0-9]*"));
        assertThat(page.locator("[data-kpi=events]")).hasText(Pattern.compile("^[1-9][0-9,]*$"));
        assertThat(page.locator("#facts li[data-fact-id]").first()).isVisible();
        screenshot(page, "topic");

        page.locator("header nav a[href=\"#/network\"]").click();
        assertThat(page.locator("#network-canvas")).isVisible();
        assertThat(page.locator("#network-links li[data-link=\"CN|RU\"]")).isVisible();
        screenshot(page, "network");
        assertThat(pageProblems).isEmpty();
    }

    @Test
    @Order(5)
    void aReportPostedOnTheIngestPageArrivesInTheLiveFeedOfAnOpenOverviewWithoutReload() {
        Page overview = openLive("/");
        overview.evaluate("() => { window.__sameDocument = true; }");
        // The seed is shown, Kenya not yet: what follows can only come as a live update.
        assertThat(overview.locator("#map path[data-code=RU]").first()).hasClass(Pattern.compile("\\bactive\\b"));
        Locator kenya = overview.locator("#map path[data-code=KE]").first();
        assertThat(kenya).hasClass(Pattern.compile("\\bcountry\\b"));
        assertThat(kenya).not().hasClass(Pattern.compile("\\bactive\\b"));

        Page ingest = openLive("/#/ingest");
        List<String> factIds = post(ingest, KENYA_TALKS, "2018-09-01");
        assertThat(factIds).isNotEmpty();
        // The whole page from its top (where the sticky header belongs), showing the report as well as its facts.
        ingest.evaluate("() => window.scrollTo(0, 0)");
        ingest.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("ingest.png")).setFullPage(true));

        for (String id : factIds) {
            assertThat(overview.locator("#feed li[data-fact-id=\"" + id + "\"]")).isVisible();
        }
        overview.locator("#feed").scrollIntoViewIfNeeded();
        screenshot(overview, "live-feed");
        assertThat(kenya).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(overview.locator("#countries li[data-code=KE]")).isVisible();
        assertThat(overview.evaluate("() => window.__sameDocument")).as("the overview was not reloaded").isEqualTo(true);
        assertThat(pageProblems).isEmpty();
    }

    @Test
    @Order(6)
    void aReportWithScriptAndImgMarkupShowsThoseCharactersAndRunsNothing() {
        Page page = openLive("/#/ingest");
        List<String> factIds = post(page, HOSTILE, null);
        assertThat(factIds).isNotEmpty();
        Locator evidence = page.locator("#ingest-result .evidence");
        assertThat(evidence.first()).isAttached();
        assertThat(String.join("\n", evidence.allTextContents())).contains(SCRIPT);

        page.locator("#ingest-document-link").click();
        Locator text = page.locator("#doc-text");
        assertThat(text).containsText(SCRIPT);
        assertThat(text).containsText(IMG);
        assertThat(page.locator("#doc-text mark[data-fact-ids]").first()).isVisible();
        for (Locator markup : List.of(page.locator("#main script"), page.locator("#main img"))) {
            assertThat(markup).hasCount(0);
        }

        // The same facts on the overview's feed, expanded: still text.
        page.navigate("/#/");
        Locator item = page.locator("#feed li[data-fact-id=\"" + factIds.get(0) + "\"]");
        item.locator("summary").click();
        assertThat(item.locator(".evidence")).containsText(Pattern.compile("<script>|<img"));
        assertThat(page.evaluate("() => typeof window.__pwned")).isEqualTo("undefined");
        assertThat(pageProblems).isEmpty();
    }

    @Test
    @Order(7)
    void contentSecurityPolicyForbidsInlineScripts() {
        Page page = context.newPage();
        Response response = page.navigate("/");
        String policy = response.headerValue("content-security-policy");
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");

        // What the header means to the browser: an inline script that reaches the page anyhow does not run.
        Object[] ran = new Object[1];
        ConsoleMessage refusal = page.waitForConsoleMessage(new Page.WaitForConsoleMessageOptions()
                .setPredicate(message -> message.text().contains("Content Security Policy")), () -> ran[0] = page.evaluate(
                "() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
                        + " document.head.append(s); return typeof window.__inline; }"));
        assertThat(ran[0]).isEqualTo("undefined");
        assertThat(refusal.text()).contains("inline").contains("script-src 'self'");
    }

    @Test
    @Order(8)
    void theTimeLapsePlaysAPeriodsFactsOnTheMapPausesChangesSpeedAndSeeks() throws Exception {
        // Reports whose dates have no year: the published date gives it, so the time-lapse can place their facts.
        List<String> factIds = new ArrayList<>();
        for (String[] report : DATED_REPORTS) {
            factIds.addAll(postPublished(report[0], report[1]));
        }
        assertThat(factIds).hasSizeGreaterThanOrEqualTo(DATED_REPORTS.length);
        Page page = openLive("/");
        for (String id : factIds) {
            assertThat(page.locator("#feed li[data-fact-id=\"" + id + "\"]")).isAttached(); // in the live state now
        }
        page.locator("header nav a[href=\"#/timelapse\"]").click();
        // The default period: the span of the dated facts the page knows.
        assertThat(page.locator("#timelapse-from")).hasValue(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
        assertThat(page.locator("#timelapse-to")).hasValue(Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));

        page.locator("#timelapse-from").fill("2016-01-01");
        page.locator("#timelapse-to").fill("2019-12-31");
        page.locator("#timelapse-speed").fill("50"); // about 30 s for the period: time to pause it midway
        page.locator("#timelapse-start").click();
        assertThat(page).hasURL(Pattern.compile("#/timelapse\\?from=2016-01-01&to=2019-12-31&speed=50$"));
        Locator play = page.locator("#timelapse-play");
        Locator count = page.locator("#timelapse-count");
        Locator date = page.locator("#timelapse-date");
        Locator seek = page.locator("#timelapse-seek");
        Locator status = page.locator("#timelapse-status");
        assertThat(play).hasAttribute("aria-pressed", "true");
        // It plays: the clock moves, the first fact (Egypt, March 2016) arrives and colours its country.
        assertThat(count).hasAttribute("data-count", Pattern.compile("[1-9]\\d*"));
        assertThat(page.locator("#timelapse-map path[data-code=EG]").first()).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(page.locator("#timelapse-facts li[data-fact-id]").first()).isAttached();
        assertThat(seek).not().hasValue("0");

        // Pause stops the clock and the facts.
        play.click();
        assertThat(play).hasAttribute("aria-pressed", "false");
        String pausedAt = date.getAttribute("datetime");
        String shown = count.getAttribute("data-count");
        page.waitForTimeout(1_500);
        assertThat(date).hasAttribute("datetime", pausedAt);
        assertThat(count).hasAttribute("data-count", shown);

        // Faster: the server confirms 1000 days a second, and the rest of the period plays out.
        page.locator("#timelapse-speed").fill("1000");
        page.locator("#timelapse-speed").blur();
        assertThat(date).hasAttribute("data-speed", "1000");
        play.click();
        assertThat(status).hasText("End of the time-lapse");
        assertThat(date).hasAttribute("datetime", "2019-12-31");
        assertThat(play).hasAttribute("aria-pressed", "false");
        int total = Integer.parseInt(count.textContent().replaceAll(".*/\\s*", "").replace(",", "").trim());
        assertThat(total).isGreaterThanOrEqualTo(factIds.size());
        assertThat(count).hasAttribute("data-count", String.valueOf(total));
        for (String code : List.of("EG", "BR", "KE")) {
            assertThat(page.locator("#timelapse-map path[data-code=" + code + "]").first()).hasClass(Pattern.compile("\\bactive\\b"));
        }
        screenshot(page, "timelapse");

        // The slider goes back to 1 Jan 2017: only what happened before is shown (Egypt's talks, not Brazil's).
        seek.fill(String.valueOf(ChronoUnit.DAYS.between(LocalDate.parse("2016-01-01"), LocalDate.parse("2017-01-01"))));
        assertThat(date).hasAttribute("datetime", "2017-01-01");
        assertThat(status).not().hasText(Pattern.compile("\\S"));
        assertThat(page.locator("#timelapse-map path[data-code=BR]").first()).not().hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(page.locator("#timelapse-map path[data-code=EG]").first()).hasClass(Pattern.compile("\\bactive\\b"));
        int before2017 = Integer.parseInt(count.getAttribute("data-count"));
        assertThat(before2017).isPositive().isLessThan(total);
        // Play from there again: to the end.
        play.click();
        assertThat(date).hasAttribute("datetime", "2019-12-31");
        assertThat(count).hasAttribute("data-count", String.valueOf(total));
        assertThat(page.locator("#timelapse-map path[data-code=BR]").first()).hasClass(Pattern.compile("\\bactive\\b"));
        assertThat(pageProblems).isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** A new tab on the path, once its socket is live (the snapshot is then on its way). */
    @Test
    @Order(9)
    void inTheAutoThemeTheDashboardFollowsTheSystemsSchemeAsItChanges() {
        Page page = openLive("/");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(21, 24, 28)");
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        assertThat(page.locator("html")).hasAttribute("data-theme", "light");
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(246, 247, 249)");
        page.locator("#theme-toggle").click(); // auto -> light
        page.locator("#theme-toggle").click(); // light -> dark, whatever the system's scheme
        assertThat(page.locator("html")).hasAttribute("data-theme", "dark");
        assertThat(pageProblems).isEmpty();
    }

    @Test
    @Order(10)
    void theApiReferenceRendersEveryOperationOfTheOpenApiDocumentFromThisServerAlone() throws Exception {
        JsonNode document = TestHttp.getJson(app.httpPort(), "/api/openapi.json");
        int operations = 0;
        for (JsonNode path : document.get("paths")) {
            operations += path.size();
        }
        List<String> foreign = new CopyOnWriteArrayList<>();
        String origin = "http://127.0.0.1:" + app.httpPort() + "/";
        context.onRequest(request -> {
            if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) {
                foreign.add(request.url());
            }
        });
        Page page = openLive("/#/api");
        assertThat(page.locator("header nav a[href=\"#/api\"]")).hasAttribute("aria-current", "page");
        assertThat(page.locator("#api-reference .opblock")).hasCount(operations);
        Locator export = page.locator("#api-reference #operations-export-exportFacts");
        assertThat(export).isVisible();
        export.locator(".opblock-summary").click();
        assertThat(export.locator(".parameters")).containsText("until");
        screenshot(page, "api-reference");
        assertThat(foreign).as("requests to other origins").isEmpty();
        assertThat(pageProblems).isEmpty();
    }

    private Page openLive(String path) {
        Page page = context.newPage();
        page.navigate(path);
        assertThat(page.locator("#connection[data-state=live]")).isAttached();
        return page;
    }

    @Test
    @Order(11)
    void anEventPageShowsEveryReportOfOneOccasionInTwoLanguagesWhyTheyAreOneAndWhereTheyDisagree() throws Exception {
        String zh = postReport(CHILE_TALKS.get(0)).get(0);
        String en = postReport(CHILE_TALKS.get(1)).get(0);
        // The event view is resolved from the routed facts after they are accepted: wait until it holds both reports.
        Await.until("one event of Chile with both reports", Duration.ofSeconds(30), () -> {
            JsonNode events = Json.MAPPER.readTree(get("/api/events?country=CL"));
            return events.size() == 1 && events.get(0).path("reports").size() == 2;
        });

        // Chile's page lists the occasion once, with its two reports beside it; its counters are the server's totals.
        Page page = openLive("/#/country/CL");
        Locator event = page.locator("#events li[data-event-id]");
        assertThat(event).hasCount(1);
        assertThat(event.locator(".report-count")).hasAttribute("data-reports", "2");
        assertThat(page.locator("[data-kpi=events]")).hasText("1");
        assertThat(page.locator("[data-kpi=reports]")).hasText("2");
        String eventId = event.getAttribute("data-event-id");
        event.locator("a.event-link").click();
        assertThat(page).hasURL(Pattern.compile("#/event/" + eventId + "$"));

        // The event, both reports with their sources and cited sentences, why the English one joined, the disagreements.
        assertThat(page.locator("#event-report-count")).hasAttribute("data-count", "2");
        assertThat(page.locator("#event-summary [data-field=type]")).hasText("Talks");
        Locator reports = page.locator("#event-reports li.report");
        assertThat(reports).hasCount(2);
        Locator chinese = page.locator("#event-reports li[data-fact-id=\"" + zh + "\"]");
        Locator english = page.locator("#event-reports li[data-fact-id=\"" + en + "\"]");
        assertThat(chinese.locator("mark.cited")).containsText("同智利总统博里奇举行会谈");
        assertThat(english.locator("mark.cited")).hasText("Chinese President Xi Jinping held talks with Chilean President"
                + " Gabriel Boric in Beijing on Wednesday.");
        assertThat(chinese.locator(".report-source a")).hasText("news.example");
        assertThat(chinese.locator(".report-source a")).hasAttribute("href", CHILE_TALKS.get(0).get("url"));
        assertThat(english.locator(".report-source a")).hasAttribute("href", CHILE_TALKS.get(1).get("url"));
        assertThat(chinese.locator(".report-fields [data-field=date]")).containsText("2024");
        assertThat(english.locator(".report-join .agreed")).containsText("date ±1 day");
        Locator dates = page.locator("#event-conflicts li[data-field=date]");
        assertThat(dates).containsText("2024-11-05");
        assertThat(dates).containsText("2024-11-06");
        Locator places = page.locator("#event-conflicts li[data-field=location]");
        assertThat(places).containsText("北京");
        assertThat(places).containsText("Beijing");
        screenshot(page, "event");

        // A report links to its document, the sentence marked there.
        english.locator("a.doc-link").click();
        assertThat(page.locator("#doc-text mark[data-fact-ids~=\"" + en + "\"]").first()).isVisible();

        // The overview counts every fact the server holds, not those the page loaded, and the events beside them.
        JsonNode totals = Json.MAPPER.readTree(get("/api/totals"));
        Page overview = openLive("/");
        assertThat(overview.locator("[data-counter=facts] .counter-value")).hasText(String.format(Locale.US, "%,d", totals.path("facts").asInt()));
        assertThat(overview.locator("[data-counter=events] .counter-value")).hasText(String.format(Locale.US, "%,d", totals.path("events").asInt()));
    }

    /** Talks with a country no other test reports, for the alerts of a watch on it. */
    static final String PERU_TALKS = "2019年4月29日，国家主席习近平在北京人民大会堂同秘鲁总统比斯卡拉举行会谈。";

    @Test
    @Order(12)
    void aWatchsAlertLightsTheBadgeOfAnOpenPageItsPanelListsItAndWithPermissionItIsABrowserNotification()
            throws Exception {
        HttpResponse<String> created = TestHttp.post(app.httpPort(), "/api/watches", app.apiToken(), "application/json",
                "{\"name\": \"Peru\", \"countries\": [\"PE\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        // The user said yes to notifications; the page's Notification is the browser's, its titles also noted here.
        context.grantPermissions(List.of("notifications"));
        context.addInitScript("(() => { const Real = window.Notification; window.__notified = [];"
                + " window.Notification = class extends Real { constructor(title, options) { super(title, options);"
                + " window.__notified.push(title); } }; })()");
        Page page = openLive("/");
        Locator badge = page.locator("#alerts-badge");
        assertThat(badge).isVisible();
        assertThat(badge.locator(".badge")).hasCount(0);

        List<String> factIds = postPublished("2019-04-29", PERU_TALKS);
        assertThat(factIds).isNotEmpty();
        assertThat(badge.locator(".badge")).hasText("1");
        assertThat(badge).hasAttribute("aria-label", "Alerts: 1");
        page.waitForFunction("() => window.__notified.length === 1");
        assertThat(page.evaluate("() => window.__notified[0]")).isEqualTo("Alerts: Peru");

        badge.click();
        Locator panel = page.locator("#alerts-panel");
        assertThat(panel).isVisible();
        assertThat(panel.locator("li[data-alert]")).hasCount(1);
        assertThat(panel.locator("li[data-alert]").first()).containsText("Peru");
        assertThat(panel).containsText("Browser notifications are on");
        assertThat(badge.locator(".badge")).hasCount(0);
        screenshot(page, "alerts");
        assertThat(pageProblems).isEmpty();
    }

    /** Talks with a country no other test reports, for the watch this test creates on the Watches page. */
    static final String MONGOLIA_TALKS = "2019年4月25日，国家主席习近平在北京同蒙古国总统巴特图勒嘎举行会谈。";

    @Test
    @Order(13)
    void aWatchCreatedOnTheWatchesPageIsListedAlertsOnItsReportAndIsDeletedWithTheSessionsToken() throws Exception {
        Page page = openLive("/");
        page.locator("header nav a[href='#/watches']").click();
        assertThat(page).hasURL(Pattern.compile("#/watches$"));
        assertThat(page.locator("#watch-form")).isVisible();
        Locator badge = page.locator("#alerts-badge");
        assertThat(badge.locator(".badge")).hasCount(0);

        // A wrong token: the server's 401 problem, and no watch.
        page.locator("#watch-name").fill("Mongolia");
        page.locator("#watch-countries").fill("mn");
        page.locator("#watch-token").fill("not-the-token");
        page.locator("#watch-submit").click();
        Locator status = page.locator("#watch-status");
        assertThat(status).hasClass(Pattern.compile("\\berror\\b"));
        assertThat(status).containsText("401");
        assertThat(status).containsText("A valid access token is required");
        assertThat(page.locator("#watches li[data-watch-id]").filter(new Locator.FilterOptions().setHasText("Mongolia")))
                .hasCount(0);

        // The right token, but half a pair: the server's 400 says what is wrong.
        page.locator("#watch-token").fill(app.apiToken());
        page.locator("#watch-pair-a").fill("CN");
        page.locator("#watch-submit").click();
        assertThat(status).containsText("400");
        assertThat(status).containsText("pair must name two different countries");

        page.locator("#watch-pair-a").fill("");
        page.locator("#watch-submit").click();
        assertThat(status).containsText("Watch created: Mongolia");
        Locator watch = page.locator("#watches-list li[data-watch-id]").filter(new Locator.FilterOptions().setHasText("Mongolia"));
        assertThat(watch).hasCount(1);
        assertThat(watch.locator("[data-field=countries] a[data-code=MN]")).isVisible();
        assertThat(watch.locator("[data-field=createdAt] time")).isVisible();
        String id = watch.getAttribute("data-watch-id");
        assertThat(get("/api/watches")).contains(id);
        // The token is kept for this tab only: never in localStorage nor in the URL.
        assertThat(page.evaluate("() => sessionStorage.getItem('communique.session-token')")).isEqualTo(app.apiToken());
        assertThat(page.evaluate("() => JSON.stringify(localStorage)").toString()).doesNotContain(app.apiToken());
        assertThat(page.url()).doesNotContain(app.apiToken());

        List<String> factIds = postPublished("2019-04-25", MONGOLIA_TALKS);
        assertThat(factIds).isNotEmpty();
        assertThat(badge.locator(".badge")).hasText("1");
        page.evaluate("() => window.scrollTo(0, 0)");
        screenshot(page, "watches");

        watch.locator("button.watch-delete").click();
        assertThat(status).containsText("Watch deleted: Mongolia");
        assertThat(page.locator("#watches li[data-watch-id=\"" + id + "\"]")).hasCount(0);
        assertThat(get("/api/watches")).doesNotContain(id);
        assertThat(pageProblems).isEmpty();
    }

    /** Posts the report through the ingest page's form and waits until every accepted fact has arrived. */
    private List<String> post(Page page, String report, String published) {
        page.locator("#ingest-token").fill(app.apiToken());
        page.locator("#ingest-text").fill(report);
        if (published != null) {
            page.locator("#ingest-published").fill(published);
        }
        page.locator("#ingest-submit").click();
        Locator facts = page.locator("#ingest-result li[data-fact-id]");
        assertThat(facts.first()).isAttached();
        assertThat(page.locator("#ingest-result li[data-pending]")).hasCount(0);
        return facts.all().stream().map(fact -> fact.getAttribute("data-fact-id")).toList();
    }

    /** Posts a Chinese report with its published date (JSON, as the ingest page does); returns its fact ids. */
    private static List<String> postPublished(String published, String text) throws IOException, InterruptedException {
        return postReport(Map.of("text", text, "published", published, "language", "zh"));
    }

    /** Posts a report as {@code POST /api/documents} takes it in JSON (text, published, language, url); returns its fact ids. */
    private static List<String> postReport(Map<String, String> report) throws IOException, InterruptedException {
        String body = Json.MAPPER.writeValueAsString(report);
        HttpResponse<String> response = TestHttp.expect(202,
                TestHttp.post(app.httpPort(), "/api/documents", app.apiToken(), "application/json", body));
        List<String> ids = new ArrayList<>();
        Json.MAPPER.readTree(response.body()).path("facts").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** A GET of the app's API; fails unless it answers 200. */
    private static String get(String path) throws IOException, InterruptedException {
        return TestHttp.getOk(app.httpPort(), path);
    }

    /** Every script the overview loaded, gzipped as a server would send it: within the budget, and no other page's. */
    private static void assertOverviewScriptsWithinBudget(BrowserContext context, Page page) throws IOException {
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) page.evaluate("() => performance.getEntriesByType('resource')"
                + ".map(e => e.name).filter(n => /\\.js(\\?|$)/.test(n))");
        assertThat(scripts).isNotEmpty().noneMatch(url -> url.matches(".*/(country|topic|event|eventlist|network|document|ingest|streams|timelapse)-[^/]*\\.js"));
        long gzipped = 0;
        for (String url : scripts) {
            APIResponse response = context.request().get(url);
            assertThat(response.ok()).as(url).isTrue();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(response.body());
            }
            gzipped += out.size();
        }
        System.out.printf("Overview JavaScript: %d files, %.1f KB gzipped (budget %d KB)%n", scripts.size(),
                gzipped / 1024.0, OVERVIEW_JS_BUDGET_GZIP_BYTES / 1024);
        assertThat(gzipped).isLessThanOrEqualTo(OVERVIEW_JS_BUDGET_GZIP_BYTES);
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }
}
