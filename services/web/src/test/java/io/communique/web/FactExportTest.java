package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.EventCodes;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactCursor;
import io.communique.model.FactQuery;
import io.communique.model.FactRows;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import static io.communique.testing.TestHttp.sendForBytes;
import static io.communique.testing.TopicChecks.awaitSteady;
import static io.communique.web.ApiTest.assertProblem;
import static io.communique.web.ApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/export/facts} on a real HTTP server: formats, filters, gzip, and a client that stops reading. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FactExportTest {
    static Vertx vertx;
    static HttpServer server;
    static final LiveState state = new LiveState();
    static final List<Fact> FACTS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        for (int i = 0; i < 1200; i++) {
            Fact fact = fact(i, "evidence " + i);
            FACTS.add(fact);
            state.apply(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact), null);
        }
        server = ApiTest.serve(vertx, state, ApiTest.options(0));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static final FactType[] TYPES = FactType.values();
    static final String[] COUNTERPARTS = {"RU", "US", "EG", "BR", "FR"};

    /** Fact i: CN and one of five counterparts, a type, a day of 2017 (every 7th without year), a topic or two. */
    static Fact fact(int i, String evidence) {
        String doc = Ids.documentId("export " + i);
        List<String> participants = List.of("CN", COUNTERPARTS[i % COUNTERPARTS.length]).stream().sorted().toList();
        FactType type = TYPES[i % TYPES.length];
        String day = String.format("%02d-%02d", 1 + i % 12, 1 + i % 28);
        String date = i % 7 == 0 ? "--" + day : "2017-" + day;
        List<String> topics = i % 2 == 0 ? List.of("trade", "energy") : List.of("security");
        return new Fact(Ids.factId(doc, type, participants, date, 0), doc, "test", type, participants, "CN",
                List.of("习近平"), date, null, "Beijing, \"West\" Hall", "A title, with a comma", topics, 0.75,
                new Evidence(evidence, 0, evidence.length()), new ExtractorInfo("rules", "1"), "e".repeat(32), null,
                new EventCodes("042", "CONSULT", "visit"), null);
    }

    static HttpRequest.Builder request(String path) {
        return ApiTest.request(server, path);
    }

    static List<String> lines(String body) {
        return body.isEmpty() ? List.of() : List.of(body.split("\n"));
    }

    @Test
    void jsonLinesHoldEveryFactOnceAsPublishedInListingOrder() throws Exception {
        HttpResponse<String> response = send(request("/api/export/facts?format=jsonl"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).contains("attachment", "communique-facts.jsonl"));
        assertThat(response.headers().firstValue(FactExport.CURSOR_HEADER)).hasValue(state.store().cursor().toString());
        List<String> expected = state.facts(FactQuery.ALL, 0, Integer.MAX_VALUE).stream().map(Json::write).toList();
        assertThat(lines(response.body())).hasSize(FACTS.size()).containsExactlyElementsOf(expected);
    }

    @Test
    void filtersKeepTheFactsOfTheCountryTypeTopicAndDates() throws Exception {
        String query = "country=RU&type=TALKS&topic=trade&since=2017-03-01&until=2017-09-30";
        List<String> expected = FACTS.stream()
                .filter(f -> f.involves("RU") && f.type() == FactType.TALKS && f.topics().contains("trade"))
                .filter(f -> !f.date().startsWith("--") && f.date().compareTo("2017-03-01") >= 0
                        && f.date().compareTo("2017-09-30") <= 0)
                .map(Fact::id).sorted().toList();
        assertThat(expected).isNotEmpty();
        List<String> exported = lines(send(request("/api/export/facts?" + query)).body()).stream()
                .map(line -> Json.read(line, Fact.class).id()).sorted().toList();
        assertThat(exported).isEqualTo(expected);
        assertThat(send(request("/api/export/facts?country=JP")).body()).isEmpty();
    }

    @Test
    void csvHasTheDocumentedColumnsAndOneQuotedRowPerFactWithListsJoinedBySemicolons() throws Exception {
        HttpResponse<String> response = send(request("/api/export/facts?format=csv&country=EG"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<List<String>> rows = Csv.parse(response.body());
        assertThat(rows.get(0)).isEqualTo(FactRows.COLUMNS);
        List<Fact> egypt = state.facts(new FactQuery("EG", null, null, null, null, null), 0, Integer.MAX_VALUE);
        assertThat(rows).hasSize(egypt.size() + 1);
        Fact first = egypt.get(0);
        List<String> row = rows.get(1);
        assertThat(row).hasSize(FactRows.COLUMNS.size());
        assertThat(column(row, "id")).isEqualTo(first.id());
        assertThat(column(row, "participants")).isEqualTo("CN;EG");
        assertThat(column(row, "topics")).isEqualTo(String.join(";", first.topics()));
        assertThat(column(row, "location")).isEqualTo("Beijing, \"West\" Hall");
        assertThat(column(row, "title")).isEqualTo("A title, with a comma");
        assertThat(column(row, "confidence")).isEqualTo("0.75");
        assertThat(column(row, "cameo")).isEqualTo("042");
        assertThat(column(row, "partOf")).isEmpty();
        assertThat(column(row, "evidence")).isEqualTo(first.evidence().text());
    }

    /** docs/api.md lists the columns in a table under "Export": its first cells, in order. */
    @Test
    void theCsvColumnsAreTheOnesDocsApiMdListsInTheirOrder() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("../../docs/api.md"));
        String table = docs.substring(docs.indexOf("| column | what |"));
        table = table.substring(0, table.indexOf("\n\n"));
        List<String> documented = new ArrayList<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("`([A-Za-z]+)`").matcher("");
        for (String line : table.lines().skip(2).toList()) {
            names.reset(line.split("\\|")[1]);
            while (names.find()) {
                documented.add(names.group(1));
            }
        }
        assertThat(documented).isEqualTo(FactRows.COLUMNS);
    }

    static String column(List<String> row, String name) {
        return row.get(FactRows.COLUMNS.indexOf(name));
    }

    @Test
    void gzipIsSentWhenTheClientAcceptsItAndUnzipsToTheSameBytes() throws Exception {
        byte[] plain = sendForBytes(request("/api/export/facts?format=csv")).body();
        HttpResponse<byte[]> zipped = sendForBytes(request("/api/export/facts?format=csv")
                .header("Accept-Encoding", "br;q=1.0, gzip;q=0.8"));
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThan(plain.length / 4);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        HttpResponse<byte[]> refused = sendForBytes(request("/api/export/facts?format=csv")
                .header("Accept-Encoding", "gzip;q=0"));
        assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(refused.body()).isEqualTo(plain);
    }

    @Test
    void malformedParametersAreProblem400s() throws Exception {
        assertProblem(send(request("/api/export/facts?format=xml")), 400, "format must be jsonl or csv");
        assertProblem(send(request("/api/export/facts?country=ru")), 400, "country");
        assertProblem(send(request("/api/export/facts?type=PARTY")), 400, "type must be one of");
        assertProblem(send(request("/api/export/facts?topic=Trade!")), 400, "topic");
        assertProblem(send(request("/api/export/facts?since=2017")), 400, "since and until");
        assertProblem(send(request("/api/export/facts?since=2017-05-01&until=2017-04-01")), 400, "until");
    }

    /**
     * A client that reads the first 64 KB and then nothing: the export stops reading the store once the socket
     * buffers are full, and sends the rest, every fact once, when the client reads again.
     */
    @Test
    void anExportReadsTheStoreNoFasterThanTheClientTakesIt() throws Exception {
        LiveState big = new LiveState();
        int total = 40_000;
        String evidence = "中".repeat(300);
        List<FactStore.Input> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(new FactStore.Input(Topics.FACTS, 0, i, Json.bytes(fact(i, evidence + i)), null));
        }
        big.store().apply(batch); // one transaction, as the web's followers write a poll's batch
        AtomicLong pulled = new AtomicLong();
        FactSource stored = big.store().source(vertx.createSharedWorkerExecutor("test-store", 2));
        FactSource counting = new FactSource() {
            @Override
            public Future<Page> facts(FactQuery query, Fact after, int max) {
                return stored.facts(query, after, max).onSuccess(page -> pulled.addAndGet(page.facts().size()));
            }

            @Override
            public Future<Updates> updates(FactCursor since, int max) {
                return stored.updates(since, max);
            }

            @Override
            public FactCursor cursor() {
                return stored.cursor();
            }
        };
        Router router = Router.router(vertx);
        router.get("/export").handler(new FactExport(counting, vertx.createSharedWorkerExecutor("test-export", 2)));
        HttpServer exporter = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(64 * 1024); // before connecting, or the kernel may grow it to megabytes
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), exporter.actualPort()));
            socket.getOutputStream().write(("GET /export HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            in.readNBytes(64 * 1024);
            long stalledAt = awaitSteady("the export waiting for the client", 30, Duration.ofMillis(500), pulled::get);
            assertThat(stalledAt).as("facts read from the store while the client reads nothing").isLessThan(total / 4);
            byte[] rest = in.readAllBytes();
            String body = new String(rest, StandardCharsets.UTF_8);
            long facts = body.split("\"documentId\":", -1).length - 1;
            assertThat(pulled.get()).isEqualTo(total);
            assertThat(facts).as("facts after the first 64 KB").isBetween(total - 100L, (long) total);
            System.out.printf("export of %d facts: %d read from the store while the client read nothing%n", total, stalledAt);
            assertThat(body).endsWith("0\r\n\r\n"); // the chunked body's end: the export completed
        } finally {
            exporter.close();
        }
    }

    /** An RFC 4180 reader for the test's checks. */
    static final class Csv {
        static List<List<String>> parse(String text) throws IOException {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    row.add(field.toString());
                    field.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            if (quoted || field.length() > 0 || !row.isEmpty()) {
                throw new IOException("the CSV does not end with a complete row");
            }
            return rows;
        }
    }
}
