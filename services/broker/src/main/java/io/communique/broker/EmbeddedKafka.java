package io.communique.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running in this JVM.
 * Used when no external cluster is configured; data survives restarts on the same directory.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts (formatting dataDir on first start) a combined broker+controller listening on 127.0.0.1:port;
     * port 0 = pick a free port (also pick a free controller port). Blocks until the broker accepts client
     * connections (call it from a worker thread).
     */
    public static EmbeddedKafka start(Path dataDir, int port) {
        String address = HOST + ":" + port;
        try {
            Path dir = dataDir.toAbsolutePath().normalize();
            Files.createDirectories(dir);
            int brokerPort = port == 0 ? freePort() : requireFree(port);
            // The controller listener is internal; static voters are read per run, so a new port each start is fine.
            int controllerPort = freePort();
            address = HOST + ":" + brokerPort;

            KafkaConfig config = new KafkaConfig(config(dir, brokerPort, controllerPort), false);
            formatIfNew(dir);
            long started = System.nanoTime();
            KafkaRaftServer server = startServer(config);
            LOG.info("Embedded Kafka started on {} in {} ms (data in {})",
                    address, (System.nanoTime() - started) / 1_000_000, dir);
            return new EmbeddedKafka(server, address);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Embedded Kafka could not start on " + address + " (data dir " + dataDir + "): " + reason(e), e);
        }
    }

    /** "127.0.0.1:NNNNN". */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Orderly shutdown; returns once all broker and controller threads have stopped. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            stop(server);
            LOG.info("Embedded Kafka on {} stopped", bootstrapServers);
        }
    }

    private static Map<String, String> config(Path dir, int brokerPort, int controllerPort) {
        return Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", String.valueOf(NODE_ID)),
                Map.entry("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort),
                Map.entry("controller.listener.names", CONTROLLER_LISTENER),
                Map.entry("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort
                        + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                // Metadata log and topic data share one directory, so the whole broker state lives under dataDir.
                Map.entry("log.dirs", dir.toString()),
                // One node: every internal topic has to fit on it; one partition each is plenty for a local broker.
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.num.partitions", "1"),
                // No point waiting for more group members to show up on a local broker.
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // The cleaner's dedupe buffer is heap; the 128 MiB default is sized for a dedicated server.
                Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024)),
                // Kafka's default is to wait forever for startup; fail instead.
                Map.entry("server.max.startup.time.ms", "60000"));
    }

    /** Writes meta.properties (with a new cluster id) and the bootstrap metadata, once per data directory. */
    private static void formatIfNew(Path dir) throws Exception {
        if (Files.exists(dir.resolve("meta.properties"))) {
            return; // already formatted: KafkaRaftServer reads the cluster id back from meta.properties
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Formatter()
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dir.toString())
                .setDirectories(List.of(dir.toString()))
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setHasDynamicQuorum(false) // static controller.quorum.voters
                .run();
        LOG.info("Embedded Kafka: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    private static KafkaRaftServer startServer(KafkaConfig config) {
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        // A controller startup failure is "fatal" in Kafka and halts the JVM. In-process that would kill the
        // app, so while starting turn halt/exit into an exception (Kafka has already logged the cause).
        Exit.Procedure fail = (status, message) -> {
            throw new IllegalStateException("fatal error while starting, see the Kafka error logged just before");
        };
        Exit.setHaltProcedure(fail);
        Exit.setExitProcedure(fail);
        try {
            server.startup();
            return server;
        } catch (RuntimeException e) {
            stop(server); // startup leaves the already started controller running
            throw e;
        } finally {
            Exit.resetHaltProcedure();
            Exit.resetExitProcedure();
        }
    }

    private static void stop(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /** Fails fast with a plain message instead of starting the controller and then failing on the bind. */
    private static int requireFree(int port) throws IOException {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return port;
        } catch (BindException e) {
            throw new BindException("address in use");
        }
    }

    /** The innermost message, which is the one that says what went wrong. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
