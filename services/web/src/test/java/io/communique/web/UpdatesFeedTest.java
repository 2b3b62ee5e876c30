package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.CloudEvents;
import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static io.communique.testing.TopicChecks.awaitTrue;
import static io.communique.web.RunningWeb.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The updates feed on a real broker and a real web verticle: a client that keeps a copy by applying
 * {@code /api/updates} from an empty copy holds exactly what {@code /api/facts} lists after additions, corrections
 * and retractions; and an export plus the updates since its cursor does too.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class UpdatesFeedTest {
    @RegisterExtension
    static final RunningWeb running = new RunningWeb();
    static final String[] COUNTERPARTS = {"RU", "US", "EG", "BR", "FR", "DE", "JP"};

    /** A client's copy: the facts by id, and the cursor it asks from next. */
    static final class Copy {
        final Map<String, JsonNode> facts = new TreeMap<>();
        final Map<String, Integer> kinds = new TreeMap<>();
        String cursor = "";

        /** Applies pages of updates until the feed says there are no more at once. */
        Copy sync(int limit) throws Exception {
            boolean more = true;
            while (more) {
                HttpResponse<String> response = get("/api/updates?limit=" + limit + "&since="
                        + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                JsonNode page = Json.MAPPER.readTree(response.body());
                assertThat(page.get("changes").size()).isLessThanOrEqualTo(limit);
                for (JsonNode change : page.get("changes")) {
                    String kind = change.get("change").asText();
                    kinds.merge(kind, 1, Integer::sum);
                    if (kind.equals("retracted")) {
                        assertThat(change.has("fact")).isFalse();
                        facts.remove(change.get("id").asText());
                    } else {
                        assertThat(change.get("fact").get("id").asText()).isEqualTo(change.get("id").asText());
                        facts.put(change.get("id").asText(), change.get("fact"));
                    }
                }
                cursor = page.get("cursor").asText();
                more = page.get("more").asBoolean();
            }
            return this;
        }
    }

    /** Every fact /api/facts lists, page by page. */
    static Map<String, JsonNode> listed() throws Exception {
        Map<String, JsonNode> facts = new TreeMap<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode page = Json.MAPPER.readTree(get("/api/facts?limit=1000&offset=" + offset).body());
            page.forEach(fact -> facts.put(fact.get("id").asText(), fact));
            if (page.size() < 1000) {
                return facts;
            }
        }
    }

    @Test
    void aCopyKeptByTheUpdatesFeedEndsEqualToTheListedFactsRetractionsIncluded() throws Exception {
        Copy copy = new Copy().sync(70); // whatever the other tests left
        copy.kinds.clear();
        List<Fact> first = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            first.add(fact("round-trip", i, "first version"));
        }
        publish(first, CloudEvents.FACT_TYPE);
        awaitCaughtUp();

        copy.sync(70);
        assertThat(copy.facts).isEqualTo(listed()).containsKeys(first.stream().map(Fact::id).toArray(String[]::new));
        assertThat(copy.kinds).isEqualTo(Map.of("added", 600));
        String afterFirst = copy.cursor;

        List<Fact> corrected = new ArrayList<>();
        for (int i = 0; i < 600; i += 3) {
            corrected.add(fact("round-trip", i, "corrected")); // same id, other title
        }
        List<Fact> retracted = new ArrayList<>();
        for (int i = 1; i < 600; i += 5) {
            retracted.add(first.get(i));
        }
        List<Fact> added = new ArrayList<>();
        for (int i = 600; i < 700; i++) {
            added.add(fact("round-trip", i, "first version"));
        }
        publish(corrected, CloudEvents.FACT_TYPE);
        publish(retracted, CloudEvents.FACT_RETRACTED_TYPE);
        publish(added, CloudEvents.FACT_TYPE);
        publish(added.subList(0, 10), CloudEvents.FACT_TYPE); // delivered again, unchanged: no update
        publish(added.subList(90, 100), CloudEvents.FACT_RETRACTED_TYPE); // added and retracted since the cursor
        awaitCaughtUp();

        copy.kinds.clear();
        copy.sync(70);
        Map<String, JsonNode> listed = listed();
        assertThat(copy.facts).isEqualTo(listed).doesNotContainKeys(retracted.stream().map(Fact::id).toArray(String[]::new));
        Set<String> retractedIds = retracted.stream().map(Fact::id).collect(java.util.stream.Collectors.toSet());
        long correctedNotRetracted = corrected.stream().filter(fact -> !retractedIds.contains(fact.id())).count();
        assertThat(copy.kinds).containsEntry("added", 90).containsEntry("retracted", retracted.size() + 10)
                .containsEntry("changed", (int) correctedNotRetracted);
        assertThat(copy.facts.get(corrected.get(0).id()).get("title").asText()).isEqualTo("corrected");

        Copy fresh = new Copy().sync(1000);
        assertThat(fresh.facts).isEqualTo(listed);
        assertThat(fresh.cursor).isEqualTo(copy.cursor);
        JsonNode nothingNew = Json.MAPPER.readTree(get("/api/updates?since=" + copy.cursor).body());
        assertThat(nothingNew.get("changes")).isEmpty();
        assertThat(nothingNew.get("cursor").asText()).isEqualTo(copy.cursor);
        assertThat(afterFirst).isNotEqualTo(copy.cursor);
    }

    @Test
    void anExportAndTheUpdatesSinceItsCursorMakeAnExactCopy() throws Exception {
        List<Fact> facts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            facts.add(fact("export-then-updates", i, "first version"));
        }
        publish(facts, CloudEvents.FACT_TYPE);
        awaitCaughtUp();
        HttpResponse<String> export = get("/api/export/facts?format=jsonl");
        Copy copy = new Copy();
        copy.cursor = export.headers().firstValue(FactExport.CURSOR_HEADER).orElseThrow();
        for (String line : export.body().split("\n")) {
            JsonNode fact = Json.MAPPER.readTree(line);
            copy.facts.put(fact.get("id").asText(), fact);
        }
        publish(List.of(fact("export-then-updates", 0, "corrected"), fact("export-then-updates", 50, "new")),
                CloudEvents.FACT_TYPE);
        publish(List.of(facts.get(1)), CloudEvents.FACT_RETRACTED_TYPE);
        awaitCaughtUp();

        copy.sync(1000);
        assertThat(copy.facts).isEqualTo(listed());
        assertThat(copy.kinds).isEqualTo(Map.of("changed", 1, "added", 1, "retracted", 1));
    }

    @Test
    void aMalformedCursorOrLimitIsAProblem400() throws Exception {
        for (String query : List.of("since=yesterday", "since=0:1,x", "limit=0", "limit=10001", "since=0:99999999999999999999")) {
            HttpResponse<String> response = get("/api/updates?" + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    /** Fact i of a series: CN and one of seven counterparts (so several partitions), with this title. */
    static Fact fact(String series, int i, String title) {
        String doc = Ids.documentId(series + " " + i);
        List<String> participants = List.of("CN", COUNTERPARTS[i % COUNTERPARTS.length]).stream().sorted().toList();
        String date = String.format("2018-%02d-%02d", 1 + i % 12, 1 + i % 28);
        return new Fact(Ids.factId(doc, FactType.TALKS, participants, date, 0), doc, "test", FactType.TALKS,
                participants, "CN", List.of(), date, null, null, title, List.of(), 0.9, new Evidence("s", 0, 1),
                new ExtractorInfo("rules", "1"));
    }

    static void publish(List<Fact> facts, String type) {
        running.publish(facts, type);
    }

    static void awaitCaughtUp() throws Exception {
        awaitTrue("the web caught up with the fact topic", 60, () -> await(running.web.lag()) == 0);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return TestHttp.get(running.web.port(), path);
    }

}
