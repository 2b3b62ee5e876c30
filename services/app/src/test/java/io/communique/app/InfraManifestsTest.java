package io.communique.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.security.auth.login.ConfigFile;
import io.communique.model.TopicSpec;
import io.communique.model.Topics;
import kafka.server.KafkaConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.apache.kafka.common.security.plain.PlainLoginModule;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import javax.security.auth.login.AppConfigurationEntry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import static org.assertj.core.api.Assertions.assertThatCode;

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
    /** The Compose service that creates the app's Kafka user and its ACLs, and that user. */
    private static final String KAFKA_INIT = "kafka-init";
    private static final String COMPOSE_APP_USER = "communique";

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
        String cluster = kafka.path("metadata").path("name").asText();
        String bootstrap = cluster + "-kafka-bootstrap:" + single(stream(kafka.path("spec").path("kafka").path("listeners")).toList())
                .path("port").asInt();
        String kafkaUser = single(k8s("KafkaUser")).path("metadata").path("name").asText();
        Set<AppConfig.Role> covered = EnumSet.noneOf(AppConfig.Role.class);
        Map<String, Set<String>> secrets = new TreeMap<>();
        for (JsonNode deployment : k8s("Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode container = single(stream(pod.path("containers")).toList());
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode variable : container.path("env")) {
                JsonNode secret = variable.path("valueFrom").path("secretKeyRef");
                if (!secret.isMissingNode()) {
                    secrets.computeIfAbsent(variable.path("name").asText(), key -> new TreeSet<>())
                            .add(secret.path("name").asText() + "/" + secret.path("key").asText());
                }
                env.put(variable.path("name").asText(), secret.isMissingNode() ? variable.path("value").asText() : "from-a-secret");
            }
            // TLS against the cluster CA that Strimzi writes, a SCRAM login from the KafkaUser's Secret
            Map<String, String> client = AppConfig.fromEnv(env).kafkaClientProperties();
            assertThat(client).as("Kafka client of %s", name).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.type", "PEM")
                    .containsKey("sasl.jaas.config");
            Path caFile = Path.of(client.get("ssl.truststore.location"));
            JsonNode caMount = stream(container.path("volumeMounts"))
                    .filter(mount -> caFile.startsWith(mount.path("mountPath").asText())).findFirst().orElseThrow();
            JsonNode caVolume = stream(pod.path("volumes"))
                    .filter(volume -> volume.path("name").asText().equals(caMount.path("name").asText())).findFirst().orElseThrow();
            assertThat(caVolume.path("secret").path("secretName").asText()).isEqualTo(cluster + "-cluster-ca-cert");
            assertThat(caVolume.path("secret").path("items").findValuesAsText("path")).contains(caFile.getFileName().toString());
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
        assertThat(secrets).as("every Deployment takes its secrets from the same Secret keys").containsOnlyKeys("API_TOKEN", "KAFKA_SASL_JAAS_CONFIG")
                .allSatisfy((variable, keys) -> assertThat(keys).as(variable).hasSize(1));
        assertThat(secrets.get("KAFKA_SASL_JAAS_CONFIG")).containsExactly(kafkaUser + "/sasl.jaas.config");
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
        Map<String, JsonNode> brokers = composeBrokers();
        assertThat(brokers).hasSize(3);
        Set<String> voters = new TreeSet<>();
        Set<String> nodeIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> broker : brokers.entrySet()) {
            JsonNode service = broker.getValue();
            Map<String, String> env = strings(service.path("environment"));
            assertThat(service.path("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
            // The settings as the image hands them to the broker, which checks that they fit together (listeners,
            // mechanisms of the inter-broker and controller listeners, …)
            assertThatCode(() -> new KafkaConfig(brokerProperties(env), false)).as("settings of %s", broker.getKey())
                    .doesNotThrowAnyException();
            assertThat(nodeIds.add(env.get("KAFKA_NODE_ID"))).as("node id of %s is unique", broker.getKey()).isTrue();
            assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", String.valueOf(REPLICATION))
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", String.valueOf(MIN_INSYNC_REPLICAS))
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", String.valueOf(REPLICATION))
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", String.valueOf(REPLICATION))
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", String.valueOf(MIN_INSYNC_REPLICAS));
            voters.add(env.get("KAFKA_NODE_ID") + "@" + broker.getKey() + ":" + port(listeners(env.get("KAFKA_LISTENERS")).get("CONTROLLER")));
            // Every listener needs a login, and only an ACL allows anything; the host's listener takes the app's SCRAM
            // login only, the super user's PLAIN login stays inside the Compose network
            assertThat(Stream.of(env.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(",")).map(entry -> entry.split(":", 2)[1]))
                    .as("protocols of %s", broker.getKey())
                    .allMatch(protocol -> protocol.equals("SASL_PLAINTEXT") || protocol.equals("SASL_SSL"), "SASL");
            assertThat(env).containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                    .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                    .containsEntry("KAFKA_SUPER_USERS", "User:admin")
                    .containsEntry("KAFKA_LISTENER_NAME_EXTERNAL_SASL_ENABLED_MECHANISMS", "SCRAM-SHA-512");
            // What a client on the host is told must be published on the host, to that listener, and on the loopback
            // interface only: not even a login prompt for other hosts, as the listeners have no TLS
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
        Map<String, JsonNode> brokers = composeBrokers();
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
            assertThat(service.path("depends_on").path(KAFKA_INIT).path("condition").asText()).as("%s awaits its Kafka user", app.getKey())
                    .isEqualTo("service_completed_successfully");
            assertThat(config.kafkaClientProperties()).as("Kafka client of %s", app.getKey())
                    .containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .hasEntrySatisfying("sasl.jaas.config", login -> assertThat(login).contains("username=\"" + COMPOSE_APP_USER + "\""));
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
    void composeGrantsTheAppsKafkaUserExactlyTheAclsTheAppNeeds() throws IOException {
        JsonNode init = composeServices(service -> true).get(KAFKA_INIT);
        List<String> command = stream(init.path("command")).map(JsonNode::asText).toList();
        Path script = INFRA.resolve(command.get(1).replace("/opt/communique-kafka/", "kafka/"));
        assertThat(command).endsWith("users");
        assertThat(init.path("image").asText()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        Set<String> granted = new TreeSet<>();
        for (String line : Files.readAllLines(script)) {
            if (line.contains("kafka-acls.sh") && !line.trim().startsWith("#")) {
                List<String> words = List.of(line.trim().split("\\s+"));
                assertThat(words).as(line).containsSubsequence("--allow-principal", "User:" + COMPOSE_APP_USER)
                        .containsSubsequence("--resource-pattern-type", "prefixed");
                String type = words.contains("--topic") ? "topic" : "group";
                String prefix = words.get(words.indexOf("--" + type) + 1);
                for (int i = 0; i < words.size() - 1; i++) {
                    if (words.get(i).equals("--operation")) {
                        granted.add(acl(type, prefix, words.get(i + 1)));
                    }
                }
            }
        }
        assertThat(granted).isEqualTo(appAcls());
    }

    @Test
    void theBrokersLoginFilesAreWhereComposeLooksAndParseWithTheAdminsPassword() throws Exception {
        JsonNode broker = composeBrokers().values().iterator().next();
        Map<String, String> env = strings(broker.path("environment"));
        List<String> command = stream(broker.path("command")).map(JsonNode::asText).toList();
        Path script = INFRA.resolve(command.get(1).replace("/opt/communique-kafka/", "kafka/"));
        // The script as the container runs it, but its last step, the image's own entry point, is a no-op here
        ProcessBuilder run = new ProcessBuilder("bash", "-c", "exec() { :; }; . \"$0\" \"$1\"", script.toString(), command.get(2))
                .redirectErrorStream(true);
        run.environment().put("BROKER_ADMIN_SECRET", "0123abcd");
        Process process = run.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        Path jaas = Path.of(env.get("KAFKA_OPTS").replaceFirst(".*-Djava.security.auth.login.config=(\\S+).*", "$1"));
        Map<String, Map<String, Object>> modules = new TreeMap<>();
        for (AppConfigurationEntry entry : new ConfigFile(jaas.toUri()).getAppConfigurationEntry("KafkaServer")) {
            modules.put(entry.getLoginModuleName(), new TreeMap<>(entry.getOptions()));
        }
        assertThat(modules).containsOnlyKeys(PlainLoginModule.class.getName(), ScramLoginModule.class.getName());
        assertThat(modules.get(PlainLoginModule.class.getName())).containsEntry("username", "admin")
                .containsEntry("password", "0123abcd").containsEntry("user_admin", "0123abcd");

        Path adminLogin = Path.of(stream(broker.path("healthcheck").path("test")).map(JsonNode::asText)
                .dropWhile(word -> !word.equals("--command-config")).skip(1).findFirst().orElseThrow());
        Properties admin = new Properties();
        try (var in = Files.newBufferedReader(adminLogin)) {
            admin.load(in);
        }
        assertThat(admin).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "PLAIN");
        Map<String, Object> adminOptions = new TreeMap<>(single(JaasContext.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG,
                new Password(admin.getProperty(SaslConfigs.SASL_JAAS_CONFIG)))).configurationEntries()).getOptions());
        assertThat(adminOptions).containsEntry("username", "admin").containsEntry("password", "0123abcd");
        Files.delete(jaas);
        Files.delete(adminLogin);
        Files.delete(jaas.getParent());
    }

    @Test
    void strimziAuthenticatesEveryListenerWithScramOverTlsAuthorisesByAclAndGrantsTheAppExactlyWhatItNeeds() throws IOException {
        JsonNode kafka = single(k8s("Kafka")).path("spec").path("kafka");
        assertThat(kafka.path("authorization").path("type").asText()).isEqualTo("simple");
        Set<String> appPodLabels = new HashSet<>();
        k8s("Deployment").forEach(deployment -> appPodLabels.addAll(strings(deployment.path("spec").path("template")
                .path("metadata").path("labels")).entrySet().stream().map(Object::toString).toList()));
        for (JsonNode listener : kafka.path("listeners")) {
            assertThat(listener.path("tls").asBoolean()).as("TLS on listener %s", listener.path("name").asText()).isTrue();
            assertThat(listener.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
            // Strimzi's NetworkPolicy admits only the peers named: the app's pods
            JsonNode peers = single(stream(listener.path("networkPolicyPeers")).toList());
            assertThat(strings(peers.path("podSelector").path("matchLabels")).entrySet().stream().map(Object::toString))
                    .isNotEmpty().allMatch(appPodLabels::contains);
        }
        JsonNode user = single(k8s("KafkaUser")).path("spec");
        assertThat(user.path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(user.path("authorization").path("type").asText()).isEqualTo("simple");
        Set<String> granted = new TreeSet<>();
        for (JsonNode acl : user.path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            assertThat(resource.path("patternType").asText()).isEqualTo("prefix");
            acl.path("operations").forEach(operation -> granted.add(
                    acl(resource.path("type").asText(), resource.path("name").asText(), operation.asText())));
        }
        assertThat(granted).isEqualTo(appAcls());
        JsonNode policy = single(k8s("NetworkPolicy"));
        assertThat(strings(policy.path("spec").path("podSelector").path("matchLabels")).entrySet().stream().map(Object::toString))
                .isNotEmpty().allMatch(appPodLabels::contains);
        assertThat(policy.path("spec").path("ingress").findValuesAsText("port")).containsExactly("http");
    }

    /** The ACLs of {@link AppAcls}, as "topic communique. read". */
    private static Set<String> appAcls() {
        Set<String> acls = new TreeSet<>();
        AppAcls.ALL.forEach(acl -> acl.operations().forEach(operation ->
                acls.add(acl(acl.type().name(), acl.prefix(), operation.name()))));
        return acls;
    }

    private static String acl(String type, String prefix, String operation) {
        return (type + " " + prefix + " " + operation).toLowerCase();
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

    /**
     * The broker properties the apache/kafka image writes from a container's {@code KAFKA_*} variables (its
     * {@code utility render-properties}): {@code _} becomes {@code .}, {@code __} {@code _}, {@code ___} {@code -}; the
     * JVM's variables are not properties; a value containing {@code =} is dropped.
     */
    private static Map<String, String> brokerProperties(Map<String, String> env) {
        Set<String> jvmVariables = Set.of("KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_JMX_OPTS", "KAFKA_LOG4J_OPTS");
        Map<String, String> properties = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !jvmVariables.contains(name)) {
                assertThat(value).as("%s: the image drops values with '='", name).doesNotContain("=");
                properties.put(name.substring("KAFKA_".length()).replaceAll("(?<=[^_])_(?=[^_])", ".")
                        .replace("___", "-").replace("__", "_").toLowerCase(), value);
            }
        });
        return properties;
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

    /** The Kafka nodes of the Compose file (kafka-init runs the same image, as a client). */
    private static Map<String, JsonNode> composeBrokers() throws IOException {
        return composeServices(service -> service.path("image").asText().startsWith("apache/kafka:")
                && service.path("environment").has("KAFKA_NODE_ID"));
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

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
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
