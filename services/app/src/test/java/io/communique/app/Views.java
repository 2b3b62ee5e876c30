package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.projection.CountryFold;
import io.communique.projection.TopicFold;
import io.communique.testing.TestHttp;
import io.communique.testing.TopicChecks;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The views as the app serves them over HTTP, and the same views rebuilt here from the fact log with the pure folds,
 * keyed "country/CN", "topic/trade". Values are the exact bytes, so two maps are equal only when every view is.
 */
final class Views {
    private Views() {
    }

    /**
     * {@code VIEW_RECENT} for the tests that look up every acknowledged fact in the views' lists (crashes, broker loss,
     * repair): long enough that the lists hold every fact, as bounded lists would otherwise hide a lost one.
     */
    static final int EVERY_FACT = 1_000_000;

    /** The configuration that sets {@link #EVERY_FACT}. */
    static final Map<String, String> LIST_EVERY_FACT = Map.of("VIEW_RECENT", Integer.toString(EVERY_FACT));

    /** Every country and topic view the app lists, as served. */
    static Map<String, Bytes> served(HttpClient http, int port) throws IOException, InterruptedException {
        Map<String, Bytes> views = new TreeMap<>();
        for (JsonNode country : Json.MAPPER.readTree(get(http, port, "/api/countries").body())) {
            String code = country.get("code").asText();
            views.put("country/" + code, new Bytes(get(http, port, "/api/countries/" + code).body()));
        }
        for (JsonNode topic : Json.MAPPER.readTree(get(http, port, "/api/topics").body())) {
            String id = topic.get("id").asText();
            views.put("topic/" + id, new Bytes(get(http, port, "/api/topics/" + id).body()));
        }
        return views;
    }

    /**
     * A clean rebuild: the fact topic read from its beginning with a plain consumer and folded from empty views whose
     * lists hold {@link #EVERY_FACT}, as the app of these tests is configured.
     */
    static Map<String, Bytes> rebuilt(String bootstrap) {
        Map<String, Fact> latest = new HashMap<>();
        for (byte[] value : readAll(bootstrap, Topics.FACTS)) {
            Fact fact = Json.read(value, Fact.class);
            latest.put(fact.id(), fact);
        }
        Map<String, List<Fact>> byCountry = new TreeMap<>();
        Map<String, List<Fact>> byTopic = new TreeMap<>();
        latest.values().forEach(fact -> {
            fact.participants().forEach(code -> byCountry.computeIfAbsent(code, key -> new ArrayList<>()).add(fact));
            fact.topics().forEach(id -> byTopic.computeIfAbsent(id, key -> new ArrayList<>()).add(fact));
        });
        Map<String, Bytes> views = new TreeMap<>();
        byCountry.forEach((code, facts) ->
                views.put("country/" + code, new Bytes(Json.bytes(CountryFold.view(code, facts, EVERY_FACT)))));
        byTopic.forEach((id, facts) -> views.put("topic/" + id, new Bytes(Json.bytes(TopicFold.view(id, facts, EVERY_FACT)))));
        return views;
    }

    /** Fact id → how many times it occurs in the served country views (once per participant is right). */
    static Map<String, Integer> factOccurrences(Map<String, Bytes> views) throws IOException {
        Map<String, Integer> occurrences = new HashMap<>();
        for (Map.Entry<String, Bytes> view : views.entrySet()) {
            if (view.getKey().startsWith("country/")) {
                for (JsonNode fact : Json.MAPPER.readTree(view.getValue().bytes()).get("facts")) {
                    occurrences.merge(fact.get("id").asText(), 1, Integer::sum);
                }
            }
        }
        return occurrences;
    }

    /**
     * Facts counted twice: ids that occur more than once within one view, plus views whose reportCount differs from
     * the number of facts they list (all of them, with lists of {@link #EVERY_FACT}). 0 when every view holds each
     * fact once.
     */
    static int doubled(Map<String, Bytes> views) throws IOException {
        int doubled = 0;
        for (Bytes view : views.values()) {
            JsonNode json = Json.MAPPER.readTree(view.bytes());
            Set<String> ids = new HashSet<>();
            for (JsonNode fact : json.get("facts")) {
                if (!ids.add(fact.get("id").asText())) {
                    doubled++;
                }
            }
            doubled += Math.abs(Math.min(json.get("reportCount").asInt(), EVERY_FACT) - json.get("facts").size());
        }
        return doubled;
    }

    /** The keys whose views differ between two maps (missing on one side counts). */
    static Set<String> differences(Map<String, Bytes> a, Map<String, Bytes> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.removeIf(key -> a.containsKey(key) && a.get(key).equals(b.get(key)));
        return keys;
    }

    static HttpResponse<byte[]> get(HttpClient http, int port, String path) throws IOException, InterruptedException {
        return http.send(TestHttp.request(port, path).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Every value of a topic from its beginning to its current end. */
    static List<byte[]> readAll(String bootstrap, String topic) {
        return records(bootstrap, topic).stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Every record of a topic from its beginning to its current end, read with assigned partitions (no group) by a
     * plain Kafka consumer, as any subscriber would.
     */
    static List<ConsumerRecord<String, byte[]>> records(String bootstrap, String topic) {
        return TopicChecks.readAll(bootstrap, topic);
    }

    /** Bytes with value equality, printed as text. */
    record Bytes(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes that && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.length() <= 200 ? text : text.substring(0, 200) + "…(" + bytes.length + " bytes)";
        }
    }
}
