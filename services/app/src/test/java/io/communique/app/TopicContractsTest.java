package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.model.Json;
import io.communique.model.SchemaValidator;
import io.communique.model.Schemas;
import io.communique.model.TopicSpec;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The topic contracts as a subscriber sees them: every record the app produces, read with a plain Kafka consumer,
 * meets its topic's published JSON Schema, and fact records carry the documented CloudEvents headers.
 */
class TopicContractsTest {
    /** Written for this test: talks between China and Egypt. */
    static final String EGYPT_TALKS = "2019年4月25日，国家主席习近平在北京同埃及总统塞西举行会谈。";

    /** The public topics a posted report always reaches; others (inputs, internal routing) are checked when not empty. */
    static final Set<String> PRODUCED_FOR_EVERY_REPORT =
            Set.of(Topics.DOCUMENTS, Topics.FACTS, Topics.VIEWS_COUNTRY, Topics.VIEWS_TOPIC);

    @TempDir
    Path dataDir;

    @Test
    void everyRecordMeetsItsTopicsSchemaAndFactRecordsCarryTheCloudEventsHeaders() throws Exception {
        try (Communique app = TestApps.start(dataDir)) {
            JsonNode accepted = TestApps.post(app, EGYPT_TALKS);
            List<String> postedFacts = new ArrayList<>();
            accepted.get("facts").forEach(id -> postedFacts.add(id.asText()));
            assertThat(postedFacts).isNotEmpty();
            // Views follow the facts asynchronously: wait for Egypt's, so that every topic holds this report's records.
            EndToEndTest.awaitTrue(() -> Views.records(app.bootstrapServers(), Topics.VIEWS_COUNTRY).stream()
                    .anyMatch(record -> "EG".equals(record.key())));

            SchemaValidator validator = new SchemaValidator();
            for (TopicSpec spec : Topics.ALL) {
                if (spec.name().equals(Topics.DLQ)) {
                    continue; // holds whatever bytes could not be processed: no value schema to meet
                }
                List<ConsumerRecord<String, byte[]>> records = Views.records(app.bootstrapServers(), spec.name());
                if (PRODUCED_FOR_EVERY_REPORT.contains(spec.name())) {
                    assertThat(records).as(spec.name()).isNotEmpty();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.value() == null) {
                        continue; // a tombstone on a compacted topic has no value to check
                    }
                    assertThat(validator.problems(spec.name(), record.value()))
                            .as("%s partition %d offset %d", spec.name(), record.partition(), record.offset()).isEmpty();
                }
            }

            List<ConsumerRecord<String, byte[]>> facts = Views.records(app.bootstrapServers(), Topics.FACTS);
            for (ConsumerRecord<String, byte[]> record : facts) {
                JsonNode fact = Json.MAPPER.readTree(record.value());
                Map<String, String> headers = headers(record);
                assertThat(headers).as("offset %d", record.offset())
                        .containsEntry("ce_specversion", "1.0")
                        .containsEntry("ce_id", fact.get("id").asText())
                        .containsEntry("ce_source", "/communique/documents/" + fact.get("documentId").asText())
                        .containsEntry("ce_type", "io.communique.fact.v1")
                        .containsEntry("ce_subject", fact.get("type").asText())
                        .containsEntry("ce_dataschema", "/api/schemas/" + Topics.FACTS)
                        .containsEntry("content-type", "application/json")
                        .containsKey("ce_time");
                assertThatCode(() -> Instant.parse(headers.get("ce_time"))).doesNotThrowAnyException();
            }
            assertThat(facts).extracting(record -> headers(record).get("ce_id")).containsAll(postedFacts);

            // ce_dataschema resolves, on the app that produced the record, to the topic's schema.
            String schemaPath = headers(facts.get(0)).get("ce_dataschema");
            HttpResponse<String> schema = TestHttp.get(app.httpPort(), schemaPath);
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(schema.body())).isEqualTo(Json.MAPPER.readTree(Schemas.of(Topics.FACTS)));
        }
    }


    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
