package io.communique.ingest.inbox;

import io.communique.ingest.FailingExtractor;
import io.communique.ingest.SourceStatus;
import io.communique.ingest.TestKafka;
import io.communique.model.Document;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.communique.ingest.TestKafka.await;
import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.ingest.TestKafka.documents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files dropped into a real folder, ingested through the real ingest verticle into a real broker; its extractor fails
 * on reports marked {@link FailingExtractor#MARKER}, as the real one does on none.
 */
class InboxVerticleTest {
    /** The document limit these tests run with (the app's is MAX_DOCUMENT_BYTES, the same as for a POST). */
    static final int MAX_BYTES = 4096;
    static final String REPORT = "2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。";
    @TempDir
    static Path dataDir;
    static Path inbox;
    static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = TestKafka.vertxWithIngest(new FailingExtractor());
        inbox = dataDir.resolve("inbox");
        await(SourceStatus.serve(vertx));
        await(vertx.deployVerticle(new InboxVerticle(inbox, MAX_BYTES)));
    }

    /** Waits until {@code name} is in failed/ beside its reason; returns the reason. */
    static String awaitFailed(String name) throws Exception {
        Path reason = inbox.resolve("failed").resolve(name + ".reason.txt");
        awaitTrue(name + " in failed/", () -> Files.exists(reason));
        assertThat(inbox.resolve(name)).as(name + " left the inbox").doesNotExist();
        return Files.readString(reason);
    }

    /** Whether any record of the documents topic holds {@code text}. */
    static boolean published(String text) {
        return TestKafka.readAll(Topics.DOCUMENTS).stream()
                .anyMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(text));
    }

    @Test
    void aSymbolicLinkIsNeverFollowedButSetAsideInFailed() throws Exception {
        Path token = Files.writeString(dataDir.resolve("api-token"), "secret-token-4f1c9e");
        Path report = Files.writeString(dataDir.resolve("report.txt"), REPORT + "（链接目标）");
        Files.createSymbolicLink(inbox.resolve("token.txt"), token);
        Files.createSymbolicLink(inbox.resolve("linked.txt"), report);
        Files.createSymbolicLink(inbox.resolve("dangling.json"), dataDir.resolve("nowhere.json"));

        for (String name : List.of("token.txt", "linked.txt", "dangling.json")) {
            assertThat(awaitFailed(name)).as(name).contains("symbolic link");
            assertThat(inbox.resolve("failed").resolve(name)).as("moved as the link itself").isSymbolicLink();
        }
        assertThat(token).hasContent("secret-token-4f1c9e");
        assertThat(report).exists();
        assertThat(published("secret-token-4f1c9e")).isFalse();
        assertThat(published("（链接目标）")).as("not even a link to a good report is followed").isFalse();
    }

    @Test
    void aFileAboveTheDocumentLimitIsSetAsideUnreadAndOneAtTheLimitIsIngested() throws Exception {
        byte[] reportBytes = (REPORT + "（限内）").getBytes(StandardCharsets.UTF_8);
        byte[] atLimit = Arrays.copyOf(reportBytes, MAX_BYTES);
        Arrays.fill(atLimit, reportBytes.length, MAX_BYTES, (byte) '\n');
        byte[] overLimit = Arrays.copyOf(atLimit, MAX_BYTES + 1);
        overLimit[MAX_BYTES] = '\n';
        Files.write(inbox.resolve("over.txt"), new String(overLimit, StandardCharsets.UTF_8)
                .replace("（限内）", "（超限）").getBytes(StandardCharsets.UTF_8));
        Files.write(inbox.resolve("at.txt"), atLimit);

        assertThat(awaitFailed("over.txt")).contains("document limit of " + MAX_BYTES + " bytes");
        awaitTrue("at.txt processed", () -> Files.exists(inbox.resolve("processed").resolve("at.txt")));
        assertThat(published("（超限）")).isFalse();
        assertThat(published("（限内）")).isTrue();
    }

    @Test
    void aFileTheExtractorFailsOnIsSetAsideOnceAndNotRetried() throws Exception {
        Files.writeString(inbox.resolve("bug.txt"), REPORT + FailingExtractor.MARKER);
        Files.write(inbox.resolve("latin1.txt"), new byte[]{'C', 'a', 'f', (byte) 0xE9, ' ', 't', 'a', 'l', 'k', 's'});

        assertThat(awaitFailed("bug.txt")).contains("the extractor failed on this report");
        assertThat(awaitFailed("latin1.txt")).contains("not UTF-8");
        Thread.sleep(2500); // two more polls
        assertThat(inbox.resolve("bug.txt")).doesNotExist();
        assertThat(inbox.resolve("failed").resolve("bug.txt")).exists();
        assertThat(published(FailingExtractor.MARKER)).isFalse();
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    @Test
    void textHtmlAndJsonFilesAreIngestedAndMovedToProcessed() throws Exception {
        Map<String, String> files = Map.of(
                "talks.txt", "2018年3月5日，国家主席习近平在北京同巴西总统特梅尔举行会谈。（收件箱文本）",
                "visit.html", "<html lang=\"zh\"><body><nav>导航</nav><article><p>2017年11月12日，国家主席习近平抵达河内，"
                        + "对越南进行国事访问。（收件箱网页）</p></article></body></html>",
                "call.json", new JsonObject().put("text", "2020年2月7日，国家主席习近平应约同美国总统特朗普通电话。（收件箱JSON）")
                        .put("published", "2020-02-07").put("language", "zh").put("url", "https://news.example/call").encode());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(inbox.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }

        awaitTrue("all three processed", () -> files.keySet().stream()
                .allMatch(name -> Files.exists(inbox.resolve("processed").resolve(name))));
        assertThat(files.keySet()).noneMatch(name -> Files.exists(inbox.resolve(name)));
        assertThat(documents("inbox/talks.txt")).singleElement().satisfies(d -> assertThat(d.text()).contains("巴西总统"));
        Document html = documents("inbox/visit.html").get(0);
        assertThat(html.text()).startsWith("2017年11月12日").doesNotContain("导航");
        assertThat(html.language()).isEqualTo("zh");
        Document json = documents("https://news.example/call").get(0);
        assertThat(json.source()).isEqualTo("inbox/call.json");
        assertThat(json.published()).isEqualTo("2020-02-07");
    }

    @Test
    void filesThatCannotBeDocumentsMoveToFailedBesideTheirReason() throws Exception {
        Map<String, String> reasons = Map.of(
                "notes.pdf", "unsupported file type",
                "empty.txt", "empty report",
                "broken.json", "not a JSON object",
                "trailing.json", "not a JSON object",
                "undated.json", "published must be a date as YYYY-MM-DD",
                "blank.json", "the report text is empty");
        Files.writeString(inbox.resolve("notes.pdf"), "%PDF-1.4");
        Files.writeString(inbox.resolve("empty.txt"), "  \n");
        Files.writeString(inbox.resolve("broken.json"), "{\"text\": ");
        Files.writeString(inbox.resolve("trailing.json"), "{\"text\": \"2019年3月5日，习近平会见智利总统。\"} {\"more\": 1}");
        Files.writeString(inbox.resolve("undated.json"), "{\"text\": \"会谈。\", \"published\": \"last Monday\"}");
        Files.writeString(inbox.resolve("blank.json"), "{\"language\": \"zh\"}");

        Path failed = inbox.resolve("failed");
        awaitTrue("all six failed", () -> reasons.keySet().stream()
                .allMatch(name -> Files.exists(failed.resolve(name + ".reason.txt"))));
        reasons.forEach((name, reason) -> {
            assertThat(failed.resolve(name)).exists();
            assertThat(inbox.resolve(name)).doesNotExist();
            try {
                assertThat(Files.readString(failed.resolve(name + ".reason.txt"))).as(name).contains(reason);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        JsonObject status = await(vertx.eventBus().<JsonArray>request(SourceStatus.ADDRESS, null).map(m -> m.body()))
                .stream().map(JsonObject.class::cast).filter(s -> s.getString("kind").equals("inbox")).findFirst().orElseThrow();
        assertThat(status.getLong("errors")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void aFileStillBeingWrittenIsNotTakenUntilItStopsChanging() throws Exception {
        Path growing = inbox.resolve("growing.txt");
        Files.writeString(growing, "2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。");
        for (int i = 0; i < 6; i++) { // keeps growing for three polls
            Thread.sleep(500);
            Files.writeString(growing, "双方签署了协定。", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            assertThat(inbox.resolve("processed").resolve("growing.txt")).doesNotExist();
        }
        awaitTrue("taken once complete", () -> Files.exists(inbox.resolve("processed").resolve("growing.txt")));
        assertThat(documents("inbox/growing.txt")).singleElement()
                .satisfies(d -> assertThat(d.text()).endsWith("双方签署了协定。".repeat(6)));
    }
}
