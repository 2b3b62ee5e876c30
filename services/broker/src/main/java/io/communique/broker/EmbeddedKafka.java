package io.communique.broker;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker (KRaft, combined broker + controller) running in this JVM.
 * Used when no external cluster is configured; data survives restarts on the same directory.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

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
        return start(dataDir, port, null);
    }

    /**
     * The same broker with SCRAM authentication and ACLs ({@code security}; null: open), formatted with its users'
     * credentials on first start.
     */
    public static EmbeddedKafka start(Path dataDir, int port, ScramSecurity security) {
        String address = KraftNode.HOST + ":" + port;
        try {
            Path dir = dataDir.toAbsolutePath().normalize();
            int brokerPort = port == 0 ? KraftNode.freePort() : requireFree(port);
            // The controller listener is internal; static voters are read per run, so a new port each start is fine.
            int controllerPort = KraftNode.freePort();
            KraftNode node = new KraftNode(NODE_ID, dir, brokerPort, controllerPort,
                    KraftNode.voter(NODE_ID, controllerPort), 1, security);
            address = node.address();

            node.formatIfNew(Uuid.randomUuid().toString());
            long started = System.nanoTime();
            KafkaRaftServer server = node.start(Map.of());
            LOG.info("Embedded Kafka started on {} in {} ms (data in {})",
                    address, (System.nanoTime() - started) / 1_000_000, dir);
            return new EmbeddedKafka(server, address);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Embedded Kafka could not start on " + address + " (data dir " + dataDir + "): "
                            + KraftNode.reason(e), e);
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
            KraftNode.stop(server);
            LOG.info("Embedded Kafka on {} stopped", bootstrapServers);
        }
    }

    /** Fails fast with a plain message instead of starting the controller and then failing on the bind. */
    private static int requireFree(int port) throws IOException {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName(KraftNode.HOST))) {
            return port;
        } catch (BindException e) {
            throw new BindException("address in use");
        }
    }
}
