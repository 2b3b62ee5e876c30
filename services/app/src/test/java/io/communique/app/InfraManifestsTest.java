package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.communique.model.TopicSpec;
import io.communique.model.Topics;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.communique.app.AppConfig.Role.INGEST;
import static io.communique.app.AppConfig.Role.PROJECTION;
import static io.communique.app.AppConfig.Role.WEB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * infra/ cannot run here (no Docker engine, no Kubernetes), so this keeps it consistent with the code instead: the
 * Compose file, the Dockerfile and the Kubernetes manifests are parsed and checked against {@link Topics#ALL}, the
 * variables {@link AppConfig#fromEnv} reads, the Kafka client release and the health endpoint.
 */
class InfraManifestsTest {
    private static final Path INFRA = Path.of("../../infra");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String HEALTH_PATH = "/api/health";
    /** Replication 3 with min.insync.replicas 2: acks=all writes survive one broker down and keep going meanwhile. */
    private static final int REPLICATION = 3;
    private static final int MIN_INSYNC_REPLICAS = 2;

    @Test
    void everyTopicOfTheCodeHasAKafkaTopicWithTheSamePartitionsAndConfigAndThereIsNoOther() throws IOException {
        Map<String, JsonNode> kafkaTopics = new TreeMap<>();
        for (JsonNode topic : k8s("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            assertThat(kafkaTopics.put(name, topic)).as("KafkaTopic %s declared twice", name).isNull();
        }
        assertThat(kafkaTopics.keySet()).as("KafkaTopics vs Topics.ALL")
                .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(TopicSpec::name).toList());
        String cluster = single(k8s("Kafka")).path("metadata").path("name").asText();
        for (TopicSpec spec : Topics.ALL) {
            JsonNode topic = kafkaTopics.get(spec.name());
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(spec.name()).isEqualTo(cluster);
            assertThat(topic.path("spec").path("partitions").asInt()).as("partitions of %s", spec.name()).isEqualTo(spec.partitions());
            assertThat(topic.path("spec").path("replicas").asInt()).as("replicas of %s", spec.name()).isEqualTo(REPLICATION);
            assertThat(strings(topic.path("spec").path("config"))).as("config of %s", spec.name()).isEqualTo(spec.config());
        }
    }

    @Test
    void strimziRunsTheClientsKafkaReleaseInKraftWithNodePoolsReplicationThreeAndMinInsyncTwo() throws IOException {
        JsonNode kafka = single(k8s("Kafka"));
        String cluster = kafka.path("metadata").path("name").asText();
        assertThat(kafka.path("spec").path("kafka").path("version").asText()).isEqualTo(AppInfoParser.getVersion());
        assertThat(kafka.path("spec").has("zookeeper")).isFalse();
        Map<String, String> config = strings(kafka.path("spec").path("kafka").path("config"));
        assertThat(config).containsEntry("default.replication.factor", String.valueOf(REPLICATION))
                .containsEntry("min.insync.replicas", String.valueOf(MIN_INSYNC_REPLICAS))
                .containsEntry("offsets.topic.replication.factor", String.valueOf(REPLICATION))
                .containsEntry("transaction.state.log.replication.factor", String.valueOf(REPLICATION))
                .containsEntry("transaction.state.log.min.isr", String.valueOf(MIN_INSYNC_REPLICAS));
        int brokers = 0;
        int controllers = 0;
        for (JsonNode pool : k8s("KafkaNodePool")) {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(cluster);
            Set<String> roles = texts(pool.path("spec").path("roles"));
            int replicas = pool.path("spec").path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        assertThat(brokers).as("brokers").isGreaterThanOrEqualTo(REPLICATION);
        assertThat(controllers).as("KRaft voters: an odd number, at least 3").isGreaterThanOrEqualTo(3).isOdd();
    }

    @Test
    void kubernetesDeploymentsCoverEveryRoleReadOnlyKnownVariablesAndProbeTheHealthEndpoint() throws IOException {
        JsonNode kafka = single(k8s("Kafka"));
        String bootstrap = kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:"
                + stream(kafka.path("spec").path("kafka").path("listeners"))
                .filter(listener -> !listener.path("tls").asBoolean()).findFirst().orElseThrow().path("port").asInt();
        Set<AppConfig.Role> covered = EnumSet.noneOf(AppConfig.Role.class);
        Set<String> tokenSecrets = new HashSet<>();
        for (JsonNode deployment : k8s("Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode container = single(stream(deployment.path("spec").path("template").path("spec").path("containers")).toList());
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode variable : container.path("env")) {
                JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
                if (!secret.isMissingNode()) {
                    tokenSecrets.add(secret.path("name").asText() + "/" + secret.path("key").asText());
                }
                env.put(variable.path("name").asText(), secret.isMissingNode() ? variable.path("value").asText() : "from-a-secret");
            }
            assertThat(env.keySet()).as("variables of %s", name).allMatch(InfraManifestsTest::readByTheApp, "read by AppConfig")
                    .contains("API_TOKEN");
            AppConfig config = AppConfig.fromEnv(env);
            assertThat(config.kafkaBootstrapServers()).as("bootstrap of %s", name).isEqualTo(bootstrap);
            assertThat(config.httpHost()).as("%s must listen beyond loopback", name).isEqualTo("0.0.0.0");
            assertThat(config.roles()).as("%s: the probes need the web role", name).contains(WEB);
            assertThat(name).as("a Deployment is named for the role it adds to web").isIn(config.roles().stream()
                    .map(role -> "communique-" + role.name().toLowerCase()).toList());
            covered.addAll(config.roles());
            int port = containerPort(container, container.path("readinessProbe").path("httpGet").path("port"));
            assertThat(port).as("%s listens where it is probed", name).isEqualTo(config.httpPort());
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                JsonNode get = container.path(probe).path("httpGet");
                assertThat(get.path("path").asText()).as("%s of %s", probe, name).isEqualTo(HEALTH_PATH);
                assertThat(containerPort(container, get.path("port"))).as("%s port of %s", probe, name).isEqualTo(port);
                assertThat(probeHost(get)).as("Host of the %s of %s (the pod's IP when none is named)", probe, name)
                        .isIn(config.allowedHosts());
            }
        }
        assertThat(covered).containsExactlyInAnyOrder(AppConfig.Role.values());
        assertThat(tokenSecrets).as("every Deployment takes API_TOKEN from the same Secret key").hasSize(1);
    }

    @Test
    void everyServiceSelectsPodsThatServeHttpOnTheTargetPort() throws IOException {
        List<JsonNode> deployments = k8s("Deployment");
        List<JsonNode> services = k8s("Service");
        assertThat(services).extracting(service -> service.path("metadata").path("name").asText()).contains("communique-web");
        for (JsonNode service : services) {
            Map<String, String> selector = strings(service.path("spec").path("selector"));
            List<JsonNode> selected = deployments.stream().filter(deployment -> strings(deployment.path("spec")
                    .path("template").path("metadata").path("labels")).entrySet().containsAll(selector.entrySet())).toList();
            assertThat(selected).as("pods of Service %s", service.path("metadata").path("name").asText()).isNotEmpty();
            for (JsonNode deployment : selected) {
                JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
                for (JsonNode port : service.path("spec").path("ports")) {
                    assertThat(containerPort(container, port.path("targetPort")))
                            .isEqualTo(containerPort(container, container.path("readinessProbe").path("httpGet").path("port")));
                }
            }
        }
    }

    @Test
    void composeRunsThreeAgreeingKraftBrokersOfTheClientsReleaseWithReplicationThreeAndMinInsyncTwo() throws IOException {
        Map<String, JsonNode> brokers = composeServices(service -> service.path("image").asText().startsWith("apache/kafka:"));
        assertThat(brokers).hasSize(3);
        Set<String> voters = new TreeSet<>();
        Set<String> nodeIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> broker : brokers.entrySet()) {
            JsonNode service = broker.getValue();
            Map<String, String> env = strings(service.path("environment"));
            assertThat(service.path("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
            assertThat(nodeIds.add(env.get("KAFKA_NODE_ID"))).as("node id of %s is unique", broker.getKey()).isTrue();
            assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", String.valueOf(REPLICATION))
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", String.valueOf(MIN_INSYNC_REPLICAS))
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", String.valueOf(REPLICATION))
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", String.valueOf(REPLICATION))
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", String.valueOf(MIN_INSYNC_REPLICAS));
            voters.add(env.get("KAFKA_NODE_ID") + "@" + broker.getKey() + ":" + port(listeners(env.get("KAFKA_LISTENERS")).get("CONTROLLER")));
            // What a client on the host is told must be published on the host, to that listener, and on the loopback
            // interface only: the brokers have no authentication
            Map<String, String> advertised = listeners(env.get("KAFKA_ADVERTISED_LISTENERS"));
            assertThat(advertised.get("INTERNAL")).isEqualTo(broker.getKey() + ":" + port(listeners(env.get("KAFKA_LISTENERS")).get("INTERNAL")));
            assertThat(texts(service.path("ports"))).contains("127.0.0.1:" + port(advertised.get("EXTERNAL")) + ":"
                    + port(listeners(env.get("KAFKA_LISTENERS")).get("EXTERNAL")));
        }
        for (JsonNode broker : brokers.values()) {
            Map<String, String> env = strings(broker.path("environment"));
            assertThat(new TreeSet<>(List.of(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").split(",")))).isEqualTo(voters);
            assertThat(env.get("CLUSTER_ID")).isEqualTo(strings(brokers.values().iterator().next().path("environment")).get("CLUSTER_ID"));
        }
    }

    @Test
    void composeRunsTwoInstancesThatShareTheClusterReadOnlyKnownVariablesAndProbeTheHealthEndpoint() throws IOException {
        Map<String, JsonNode> brokers = composeServices(service -> service.path("image").asText().startsWith("apache/kafka:"));
        Set<String> internalListeners = brokers.values().stream()
                .map(broker -> listeners(strings(broker.path("environment")).get("KAFKA_ADVERTISED_LISTENERS")).get("INTERNAL"))
                .collect(Collectors.toSet());
        Map<String, String> imageEnv = dockerfileEnv();
        Map<String, JsonNode> apps = composeServices(service -> service.path("build").path("dockerfile").asText().equals("infra/Dockerfile"));
        List<Set<AppConfig.Role>> roles = new ArrayList<>();
        for (Map.Entry<String, JsonNode> app : apps.entrySet()) {
            JsonNode service = app.getValue();
            Map<String, String> env = new LinkedHashMap<>(imageEnv);
            env.putAll(strings(service.path("environment")));
            assertThat(env.keySet()).as("variables of %s", app.getKey()).allMatch(InfraManifestsTest::readByTheApp, "read by AppConfig")
                    .contains("API_TOKEN");
            AppConfig config = AppConfig.fromEnv(env);
            roles.add(config.roles());
            assertThat(Set.of(config.kafkaBootstrapServers().split(","))).as("bootstrap of %s", app.getKey()).isEqualTo(internalListeners);
            assertThat(brokers.keySet()).allMatch(broker -> service.path("depends_on").path(broker).path("condition").asText()
                    .equals("service_healthy"), "awaited healthy");
            assertThat(config.httpHost()).isEqualTo("0.0.0.0");
            assertThat(texts(service.path("ports"))).anyMatch(mapping -> mapping.endsWith(":" + config.httpPort()))
                    .allMatch(mapping -> mapping.startsWith("127.0.0.1:"), "published on the loopback interface only");
            URI health = URI.create(texts(service.path("healthcheck").path("test")).stream()
                    .filter(word -> word.startsWith("http")).findFirst().orElseThrow());
            assertThat(health.getPath()).isEqualTo(HEALTH_PATH);
            assertThat(health.getPort()).isEqualTo(config.httpPort());
        }
        assertThat(roles).containsExactlyInAnyOrder(EnumSet.of(INGEST, PROJECTION, WEB), EnumSet.of(PROJECTION, WEB));
    }

    @Test
    void theKustomizationAppliesEveryManifest() throws IOException {
        JsonNode kustomization = single(documents(INFRA.resolve("k8s/kustomization.yaml")));
        assertThat(texts(kustomization.path("resources"))).containsExactlyInAnyOrderElementsOf(
                manifestFiles().map(file -> file.getFileName().toString()).toList());
    }

    @Test
    void theVariableCheckRejectsWhatTheAppDoesNotRead() {
        assertThat(readByTheApp("ROLES")).isTrue();
        assertThat(readByTheApp("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(readByTheApp("KAFKA_SECURITY_PROTOCOL")).as("a Kafka client property").isTrue();
        assertThat(readByTheApp("ROLE")).isFalse();
        assertThat(readByTheApp("HTTP_ADDRESS")).isFalse();
    }

    /** The variables AppConfig.fromEnv looks up (recorded, not listed here), or a KAFKA_* client property. */
    private static boolean readByTheApp(String name) {
        return VARIABLES_READ.contains(name) || !AppConfig.fromEnv(Map.of(name, "x")).kafkaClientProperties().isEmpty();
    }

    private static final Set<String> VARIABLES_READ = variablesRead();

    private static Set<String> variablesRead() {
        Set<String> read = new TreeSet<>();
        AppConfig.fromEnv(new AbstractMap<>() {
            @Override
            public String get(Object key) {
                read.add((String) key);
                return null;
            }

            @Override
            public boolean containsKey(Object key) {
                read.add((String) key);
                return false;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return Set.of();
            }
        });
        return read;
    }

    /** {@code ENV A=1 B=2} lines of infra/Dockerfile: the defaults every app container starts with. */
    private static Map<String, String> dockerfileEnv() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(INFRA.resolve("Dockerfile"))) {
            if (line.startsWith("ENV ")) {
                for (String assignment : line.substring(4).trim().split("\\s+")) {
                    String[] parts = assignment.split("=", 2);
                    env.put(parts[0], parts[1]);
                }
            }
        }
        assertThat(env).isNotEmpty();
        return env;
    }

    /** {@code INTERNAL://kafka-1:9092,CONTROLLER://:9093} by listener name: {@code kafka-1:9092}, {@code :9093}. */
    private static Map<String, String> listeners(String value) {
        return Stream.of(value.split(",")).map(listener -> listener.split("://", 2))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
    }

    private static String port(String hostAndPort) {
        return hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1);
    }

    /** The Host header a probe sends; the kubelet sends the pod's IP when it names none. */
    private static String probeHost(JsonNode httpGet) {
        for (JsonNode header : httpGet.path("httpHeaders")) {
            if (header.path("name").asText().equalsIgnoreCase("Host")) {
                return header.path("value").asText();
            }
        }
        return "the pod's IP";
    }

    /** A probe's or Service's port: a number, or the name of one of the container's ports. */
    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return stream(container.path("ports")).filter(declared -> declared.path("name").asText().equals(port.asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + port)).path("containerPort").asInt();
    }

    private static Map<String, JsonNode> composeServices(Predicate<JsonNode> filter) throws IOException {
        Map<String, JsonNode> services = new TreeMap<>();
        single(documents(INFRA.resolve("docker-compose.yml"))).path("services").fields().forEachRemaining(service -> {
            if (filter.test(service.getValue())) {
                services.put(service.getKey(), service.getValue());
            }
        });
        return services;
    }

    private static Stream<Path> manifestFiles() throws IOException {
        return Files.list(INFRA.resolve("k8s")).filter(file -> file.toString().endsWith(".yaml"))
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml")).sorted().toList().stream();
    }

    /** Every Kubernetes object of this kind in infra/k8s, whichever file holds it. */
    private static List<JsonNode> k8s(String kind) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (Path file : manifestFiles().toList()) {
            documents(file).stream().filter(doc -> doc.path("kind").asText().equals(kind)).forEach(objects::add);
        }
        assertThat(objects).as("%s objects in infra/k8s", kind).isNotEmpty();
        return objects;
    }

    /** The documents of a (multi-document) YAML file. */
    private static List<JsonNode> documents(Path file) throws IOException {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            return documents.readAll().stream().filter(JsonNode::isObject).toList();
        }
    }

    private static JsonNode single(List<JsonNode> nodes) {
        assertThat(nodes).hasSize(1);
        return nodes.get(0);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static Set<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).collect(Collectors.toSet());
    }

    /** A YAML map as strings: {@code retention.ms: -1} and {@code retention.ms: "-1"} alike. */
    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> values = new TreeMap<>();
        map.fields().forEachRemaining(field -> values.put(field.getKey(), field.getValue().asText()));
        return values;
    }
}
