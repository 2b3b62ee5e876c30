package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.communique.web.ApiTest.assertProblem;
import static io.communique.web.ApiTest.request;
import static io.communique.web.ApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/facts} page by page on the real HTTP server: by key however deep, by offset only so far. */
class FactPagingTest {
    static Vertx vertx;
    static HttpServer server;
    static final LiveState state = new LiveState();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        for (int i = 0; i < 250; i++) { // many facts share a date, some have no year: the id breaks ties
            Fact fact = FactExportTest.fact(i, "evidence " + i);
            state.apply(Topics.FACTS, Topics.factKey(fact), Json.bytes(fact), null);
        }
        server = ApiTest.serve(vertx, state, ApiTest.options(0));
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    private static List<String> ids(HttpResponse<String> page) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode fact : Json.MAPPER.readTree(page.body())) {
            ids.add(fact.get("id").asText());
        }
        return ids;
    }

    /** Every page of the listing, each from the previous one's {@code Communique-Next}; checks each page's Link. */
    private static List<String> pagedByKey(String filters, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        String path = "/api/facts?limit=" + limit + filters;
        for (int pages = 0; path != null; pages++) {
            assertThat(pages).as("pages of " + limit).isLessThan(1000);
            HttpResponse<String> page = send(request(server, path));
            assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
            ids.addAll(ids(page));
            String next = page.headers().firstValue(FactRoutes.NEXT_HEADER).orElse(null);
            String link = page.headers().firstValue("Link").orElse(null);
            if (next == null) {
                assertThat(link).isNull();
                assertThat(ids(page).size()).isLessThan(limit);
                path = null;
            } else {
                assertThat(link).startsWith("</api/facts?after=" + next).endsWith(">; rel=\"next\"");
                path = link.substring(1, link.indexOf('>'));
            }
        }
        return ids;
    }

    @Test
    void pagesByKeyListEveryFactOnceInListingOrderWithAndWithoutFilters() throws Exception {
        for (String filters : List.of("", "&country=RU", "&type=TALKS&since=2017-03-01")) {
            List<String> whole = ids(send(request(server, "/api/facts?limit=1000" + filters)));
            assertThat(whole).as(filters).hasSizeGreaterThan(10);
            assertThat(pagedByKey(filters, 7)).as(filters).isEqualTo(whole);
        }
    }

    @Test
    void anOffsetBeyondTheLimitIsA400ThatSaysToPageByKey() throws Exception {
        assertThat(send(request(server, "/api/facts?offset=" + FactRoutes.MAX_OFFSET)).body()).isEqualTo("[]");
        assertProblem(send(request(server, "/api/facts?offset=" + (FactRoutes.MAX_OFFSET + 1))), 400, "after=");
        HttpResponse<String> first = send(request(server, "/api/facts?limit=5"));
        String next = first.headers().firstValue(FactRoutes.NEXT_HEADER).orElseThrow();
        assertThat(ids(send(request(server, "/api/facts?limit=5&after=" + next))))
                .isEqualTo(ids(send(request(server, "/api/facts?limit=5&offset=5"))));
        assertProblem(send(request(server, "/api/facts?after=" + next + "&offset=5")), 400, "not both");
        assertProblem(send(request(server, "/api/facts?after=yesterday")), 400, "Communique-Next");
    }

    @Test
    void aKeyIsTheRecencyThenTheId() {
        assertThat(FactPageKey.parse("2017-07-04.14ec4a5f")).isEqualTo(new FactPageKey("2017-07-04", "14ec4a5f"));
        assertThat(FactPageKey.parse(".14ec4a5f")).as("an undated fact").isEqualTo(new FactPageKey("", "14ec4a5f"));
        assertThat(FactPageKey.parse("0000-07-04.ab").toString()).isEqualTo("0000-07-04.ab");
        assertThat(FactPageKey.parse("2017-07-04")).isNull();
        assertThat(FactPageKey.parse("2017-07-04.a&b")).isNull();
    }
}
