package io.communique.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One in-process KRaft node (combined broker + controller on loopback): its configuration, the one-time storage
 * format and a start that cannot halt the JVM. What {@link EmbeddedKafka} (one node) and {@link KafkaTestCluster}
 * (several) share.
 *
 * @param nodeId         Kafka's node.id
 * @param dir            metadata log and topic data, the node's whole state
 * @param brokerPort     client listener
 * @param controllerPort controller (Raft) listener
 * @param voters         static {@code controller.quorum.voters}, see {@link #voter}
 * @param replication    replication factor of new and internal topics; min.insync.replicas is 2 when it allows
 * @param security       SCRAM authentication and ACLs, or null for an open broker
 */
record KraftNode(int nodeId, Path dir, int brokerPort, int controllerPort, String voters, int replication,
                 ScramSecurity security) {
    static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Logger LOG = LoggerFactory.getLogger(KraftNode.class);

    /** Starts in progress; Kafka's Exit procedures are global, so the guard is on while any start runs. */
    private static int starting;

    /** "id@127.0.0.1:port", one entry of controller.quorum.voters. */
    static String voter(int nodeId, int controllerPort) {
        return nodeId + "@" + HOST + ":" + controllerPort;
    }

    /** "127.0.0.1:port". */
    String address() {
        return HOST + ":" + brokerPort;
    }

    Map<String, String> config() {
        String minInsync = String.valueOf(Math.min(2, replication));
        String factor = String.valueOf(replication);
        // The controller listener speaks the same protocol as the client one (with its own mechanism, see ScramSecurity).
        String listener = security == null ? "PLAINTEXT" : ScramSecurity.LISTENER;
        Map<String, String> config = new HashMap<>(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(nodeId)),
                Map.entry("controller.quorum.voters", voters),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("listeners", listener + "://" + HOST + ":" + brokerPort
                        + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", listener + "://" + HOST + ":" + brokerPort),
                Map.entry("listener.security.protocol.map",
                        listener + ":" + listener + "," + CONTROLLER_LISTENER + ":" + listener),
                Map.entry("inter.broker.listener.name", listener),
                // Metadata log and topic data share one directory, so the whole node state lives under dir.
                Map.entry("log.dirs", dir.toString()),
                // Every topic, internal ones included, is replicated to all nodes (at most what the caller asked for);
                // with replicas to spare, an acknowledged write is on two of them.
                Map.entry("default.replication.factor", factor),
                Map.entry("min.insync.replicas", minInsync),
                Map.entry("offsets.topic.replication.factor", factor),
                Map.entry("transaction.state.log.replication.factor", factor),
                Map.entry("transaction.state.log.min.isr", minInsync),
                Map.entry("share.coordinator.state.topic.replication.factor", factor),
                Map.entry("share.coordinator.state.topic.min.isr", minInsync),
                // A local broker serves a handful of clients: one partition per internal topic starts faster.
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                // No point waiting for more group members to show up on a local broker.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The cleaner's dedupe buffer is heap; the 128 MiB default is sized for a dedicated server.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
                // Kafka's default is to wait forever for startup; fail instead.
                Map.entry("server.max.startup.time.ms", "60000")));
        if (security != null) {
            config.putAll(security.brokerConfig(CONTROLLER_LISTENER));
        }
        return config;
    }

    /** Writes meta.properties and the bootstrap metadata, once per data directory. */
    void formatIfNew(String clusterId) throws Exception {
        Files.createDirectories(dir);
        if (Files.exists(dir.resolve("meta.properties"))) {
            return; // already formatted: KafkaRaftServer reads the cluster id back from meta.properties
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Formatter formatter = new Formatter();
        if (security != null) {
            formatter.setScramArguments(security.formatArguments());
        }
        formatter
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setNodeId(nodeId)
                .setClusterId(clusterId)
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dir.toString())
                .setDirectories(List.of(dir.toString()))
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setHasDynamicQuorum(false) // static controller.quorum.voters
                .run();
        LOG.info("Kafka node {}: {}", nodeId, out.toString(StandardCharsets.UTF_8).trim());
    }

    /**
     * Starts the node with {@link #config()} plus {@code overrides}. Blocks until the broker accepts clients, which
     * in a multi-node cluster needs a quorum of controllers: start those nodes concurrently.
     */
    KafkaRaftServer start(Map<String, String> overrides) {
        Map<String, String> config = config();
        config.putAll(overrides);
        KafkaRaftServer server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        guardExit();
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            stop(server); // startup leaves the already started controller running
            throw e;
        } finally {
            releaseExit();
        }
    }

    /** Orderly shutdown; returns once all broker and controller threads have stopped. */
    static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    /**
     * A controller startup failure is "fatal" in Kafka and halts the JVM. In-process that would kill the app (or the
     * test run), so while starting, halt and exit become an exception (Kafka has already logged the cause).
     */
    private static synchronized void guardExit() {
        if (starting++ == 0) {
            Exit.Procedure fail = (status, message) -> {
                throw new IllegalStateException("fatal error while starting, see the Kafka error logged just before");
            };
            Exit.setHaltProcedure(fail);
            Exit.setExitProcedure(fail);
        }
    }

    private static synchronized void releaseExit() {
        if (--starting == 0) {
            Exit.resetHaltProcedure();
            Exit.resetExitProcedure();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** The innermost message, which is the one that says what went wrong. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
