package io.communique.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.communique.kafka.KafkaSettings;
import io.communique.model.Json;
import io.communique.model.SchemaValidator;
import io.communique.model.Schemas;
import io.communique.model.Topics;
import io.communique.model.Watch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Route;
import io.vertx.kafka.client.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.communique.web.ApiTest.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/openapi.json} against the router and the topic schemas: valid OpenAPI 3.1 (the official schema of
 * OpenAPI 3.1 documents, 2025-11-23, stored as a test resource), every route served is described, every route
 * described answers, and every example of a topic's value validates against the topic's JSON Schema.
 */
class OpenApiTest {
    static final String OAS_31_SCHEMA = "/openapi/oas-3.1-schema-2025-11-23.json";
    static Vertx vertx;
    static HttpServer server;
    /** Holds the document's own examples, so the routes it describes with them answer with them. */
    static final LiveState state = new LiveState();
    static final WatchState watches = new WatchState();
    static KafkaProducer<String, byte[]> producer;
    static JsonNode document;

    @BeforeAll
    static void serveTheApi() throws Exception {
        vertx = Vertx.vertx();
        // A producer of a broker that is not there: the routes are listed and answer (401, 404), nothing is written.
        producer = KafkaProducer.create(vertx, new KafkaSettings("127.0.0.1:1").producer());
        server = vertx.createHttpServer().requestHandler(api().router()).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        HttpResponse<String> response = get("/api/openapi.json");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        document = Json.MAPPER.readTree(response.body());
        JsonNode paths = document.get("paths");
        state.apply(Topics.DOCUMENTS, null, Json.bytes(example(paths, "/api/documents/{id}")), null);
        state.apply(Topics.FACTS, null, Json.bytes(example(paths, "/api/facts").get(0)), null);
        for (String[] view : new String[][]{{"/api/countries/{code}", Topics.VIEWS_COUNTRY},
                {"/api/topics/{id}", Topics.VIEWS_TOPIC}, {"/api/events/{id}", Topics.VIEWS_EVENT}}) {
            JsonNode example = example(paths, view[0]);
            state.apply(view[1], example.path("code").asText(example.path("id").asText()), Json.bytes(example), null);
        }
        watches.put(Json.read(Json.bytes(example(paths, "/api/watches/{id}")), Watch.class));
    }

    /** The API as the web verticle serves it: with the watch routes. */
    static Api api() {
        return new Api(vertx, state, () -> new Health("127.0.0.1:1", true, true, null), new LiveClients(1024 * 1024),
                ApiTest.options(0), () -> Future.failedFuture("no Kafka"))
                .with(new WatchRoutes(watches, producer, Instant::now));
    }

    static JsonNode example(JsonNode paths, String path) {
        return paths.get(path).get("get").get("responses").get("200").get("content").get("application/json").get("example");
    }

    @AfterAll
    static void stop() {
        vertx.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send(ApiTest.request(server, path));
    }

    static List<String> problemsAsOpenApi31(JsonNode candidate) {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(new String(Resources.bytes(OAS_31_SCHEMA), java.nio.charset.StandardCharsets.UTF_8));
        return schema.validate(candidate).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        assertThat(document.get("openapi").asText()).startsWith("3.1.");
        assertThat(problemsAsOpenApi31(document)).isEmpty();
        ObjectNode broken = document.deepCopy();
        broken.remove("info");
        ((ObjectNode) broken.get("paths").get("/api/facts").get("get")).put("responses", "none");
        assertThat(problemsAsOpenApi31(broken)).as("the same check on a broken copy").hasSizeGreaterThanOrEqualTo(2);
    }

    /** "GET /api/countries/{code}" for every route with a method and a whole path (not the guards and fallbacks). */
    static Set<String> served() {
        Api api = api();
        Set<String> served = new TreeSet<>();
        for (Route route : api.router().getRoutes()) {
            if (route.methods() == null || route.methods().isEmpty()) {
                assertThat(route.getPath() == null || !route.isExactPath())
                        .as("a route for every method is a guard or a fallback: " + route.getPath()).isTrue();
                continue;
            }
            for (HttpMethod method : route.methods()) {
                served.add(method.name() + " " + route.getPath().replaceAll(":([A-Za-z]+)", "{$1}"));
            }
        }
        return served;
    }

    static Set<String> documented() {
        Set<String> documented = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> documented.add(method.toUpperCase() + " " + path.getKey())));
        return documented;
    }

    @Test
    void everyRouteTheRouterServesIsDocumentedAndNoOther() {
        assertThat(served()).hasSizeGreaterThan(15).isEqualTo(documented());
    }

    @Test
    void everyDocumentedRouteAnswersWithoutA404Or405() throws Exception {
        for (String route : documented()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            JsonNode operation = document.get("paths").get(path).get(method.toLowerCase());
            StringBuilder query = new StringBuilder();
            for (JsonNode parameter : operation.path("parameters")) {
                JsonNode resolved = resolve(parameter);
                String name = resolved.get("name").asText();
                if (resolved.get("in").asText().equals("path")) {
                    path = path.replace("{" + name + "}", resolved.get("example").asText());
                } else if (resolved.path("required").asBoolean()) {
                    query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(resolved.get("example").asText());
                }
            }
            HttpRequest.Builder request = ApiTest.request(server, path + query).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> response = send(request);
            assertThat(response.statusCode()).as(route + " → " + response.body()).isNotIn(404, 405, 500);
            String status = String.valueOf(response.statusCode());
            assertThat(operation.get("responses").has(status)).as(route + " answered " + status + ", which it documents")
                    .isTrue();
        }
    }

    @Test
    void everyExampleOfATopicsValueValidatesAgainstTheTopicsSchema() {
        SchemaValidator validator = new SchemaValidator();
        Set<String> checked = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        walk(document, "", (where, schema, example) -> {
            String topic = topicOf(schema);
            JsonNode items = schema.path("items");
            if (topic == null && schema.path("type").asText().equals("array") && topicOf(items) != null) {
                topic = topicOf(items);
                for (JsonNode item : example) {
                    problems.addAll(validator.problems(topic, Json.bytes(item)).stream().map(p -> where + ": " + p).toList());
                    checked.add(topic);
                }
                return;
            }
            if (topic != null) {
                problems.addAll(validator.problems(topic, Json.bytes(example)).stream().map(p -> where + ": " + p).toList());
                checked.add(topic);
            }
        });
        JsonNode updates = document.at("/paths/~1api~1updates/get/responses/200/content/application~1json/example");
        for (JsonNode change : updates.get("changes")) {
            if (change.has("fact")) {
                problems.addAll(validator.problems("communique.facts.v1", Json.bytes(change.get("fact"))));
                checked.add(Topics.FACTS);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("topics whose values have examples").containsExactlyInAnyOrder(Topics.FACTS,
                Topics.DOCUMENTS, Topics.VIEWS_COUNTRY, Topics.VIEWS_TOPIC, Topics.VIEWS_EVENT, Topics.WATCHES,
                Topics.ALERTS);
    }

    /** The topic whose schema a {@code $ref} names, or null. */
    static String topicOf(JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        String topic = ref.startsWith("/api/schemas/") ? ref.substring("/api/schemas/".length()) : null;
        assertThat(topic == null || Schemas.of(topic) != null).as("a reference to a topic that has a schema: " + ref).isTrue();
        return topic;
    }

    interface ExampleVisitor {
        void visit(String where, JsonNode schema, JsonNode example);
    }

    /** Every media type or parameter with both a schema and an example. */
    static void walk(JsonNode node, String where, ExampleVisitor visitor) {
        if (node.isObject()) {
            if (node.has("schema") && node.has("example")) {
                visitor.visit(where, node.get("schema"), node.get("example"));
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), where + "/" + field.getKey(), visitor);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                walk(item, where, visitor);
            }
        }
    }

    static JsonNode resolve(JsonNode maybeReference) {
        String ref = maybeReference.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : maybeReference;
    }
}
