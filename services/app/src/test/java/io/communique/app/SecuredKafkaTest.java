package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.broker.EmbeddedKafka;
import io.communique.broker.ScramSecurity;
import io.communique.model.Topics;
import io.communique.testing.TestHttp;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The app against a Kafka broker that authenticates (SASL/SCRAM-SHA-512) and authorises (the standard authorizer,
 * nothing allowed without an ACL), as a deployment runs it: with its user's credentials in a client properties file
 * and only the ACLs of {@link AppAcls}, a posted report reaches the views and the live feed; a client without
 * credentials, with a wrong password or without ACLs gets nothing.
 */
class SecuredKafkaTest {
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-secret";
    private static final String APP = "communique";
    private static final String APP_PASSWORD = "communique-secret";
    private static final String OUTSIDER = "outsider";
    private static final String OUTSIDER_PASSWORD = "outsider-secret";

    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startTheSecuredBrokerAndGrantTheAppItsAcls() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), 0, new ScramSecurity(ADMIN, ADMIN_PASSWORD,
                Map.of(APP, APP_PASSWORD, OUTSIDER, OUTSIDER_PASSWORD)));
        try (Admin admin = Admin.create(client(ScramSecurity.clientProperties(ADMIN, ADMIN_PASSWORD)))) {
            admin.createAcls(AppAcls.bindings(APP)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void theAppLogsInWithItsPropertiesFileAndAPostedReportReachesTheViewsAndTheLiveFeed() throws Exception {
        Path properties = dir.resolve("communique-kafka.properties");
        Properties login = new Properties();
        login.putAll(ScramSecurity.clientProperties(APP, APP_PASSWORD));
        try (Writer out = Files.newBufferedWriter(properties, StandardCharsets.UTF_8)) {
            login.store(out, "the app's Kafka login");
        }
        Vertx client = Vertx.vertx();
        try (Communique app = TestApps.start(Files.createDirectories(dir.resolve("app")), kafka.bootstrapServers(),
                Map.of("KAFKA_CLIENT_PROPERTIES", properties.toString()))) {
            List<JsonNode> messages = new CopyOnWriteArrayList<>();
            EndToEndTest.connectWebSocket(client, app.httpPort(), text -> messages.add(EndToEndTest.readTree(text)));

            String document = TestApps.post(app, ScaleOutTest.KENYA_TALKS).get("documentId").asText();

            EndToEndTest.awaitTrue(() -> EndToEndTest.liveFacts(messages)
                    .anyMatch(fact -> fact.get("documentId").asText().equals(document)));
            EndToEndTest.awaitTrue(() -> {
                HttpResponse<String> kenya = get(app, "/api/countries/KE");
                return kenya.statusCode() == 200 && EndToEndTest.readTree(kenya.body()).get("factCount").asInt() > 0;
            });
            // The Admin API answers too: the consumer groups, which the app may describe because it may read them.
            HttpResponse<String> streams = get(app, "/api/streams");
            assertThat(streams.statusCode()).as(streams.body()).isEqualTo(200);
            assertThat(streams.body()).contains("communique-router", "communique-projection-country");
        } finally {
            client.close();
        }
    }

    @Test
    void withAWrongPasswordInItsVariablesTheAppDoesNotStartAndSaysWhy() throws IOException {
        Map<String, String> env = new HashMap<>();
        ScramSecurity.clientProperties(APP, "guessed").forEach((name, value) ->
                env.put("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        Path data = Files.createDirectories(dir.resolve("refused"));
        assertThatThrownBy(() -> TestApps.start(data, kafka.bootstrapServers(), env).close())
                .hasMessageContaining("Authentication failed").hasMessageContaining("SCRAM-SHA-512");
    }

    @Test
    void aClientWithoutCredentialsGetsNoAnswerAndOneWithAWrongPasswordIsRefused() {
        try (Admin anonymous = Admin.create(client(Map.of()))) {
            // The broker closes a connection that skips the SASL handshake: the client never learns anything.
            assertThatThrownBy(() -> anonymous.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TimeoutException.class);
        }
        try (Admin guessing = Admin.create(client(ScramSecurity.clientProperties(APP, "guessed")))) {
            assertThatThrownBy(() -> guessing.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void aUserWithoutAclsCanNeitherWriteNorReadTheTopicsAndTheAppsUserNothingButItsOwn() {
        try (KafkaProducer<String, String> outsider = producer(ScramSecurity.clientProperties(OUTSIDER, OUTSIDER_PASSWORD))) {
            assertThatThrownBy(() -> outsider.send(new ProducerRecord<>(Topics.FACTS, "forged", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> outsider = consumer(ScramSecurity.clientProperties(OUTSIDER, OUTSIDER_PASSWORD),
                "communique-router")) {
            outsider.subscribe(List.of(Topics.FACTS));
            assertThatThrownBy(() -> outsider.poll(Duration.ofSeconds(30))).isInstanceOf(AuthorizationException.class);
        }
        try (KafkaProducer<String, String> app = producer(ScramSecurity.clientProperties(APP, APP_PASSWORD))) {
            assertThatThrownBy(() -> app.send(new ProducerRecord<>("payments.v1", "k", "{}")).get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
    }

    private static HttpResponse<String> get(Communique app, String path) throws IOException, InterruptedException {
        return TestHttp.get(app.httpPort(), path);
    }

    /** A client of the broker with {@code login} (none: plain TCP), failing within seconds rather than a minute. */
    private static Map<String, Object> client(Map<String, String> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return config;
    }

    private static KafkaProducer<String, String> producer(Map<String, String> login) {
        Map<String, Object> config = client(login);
        config.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, String> login, String group) {
        Map<String, Object> config = client(login);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }
}
