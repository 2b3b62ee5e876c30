package io.communique.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real multi-node Apache Kafka cluster in this JVM, for fault-injection tests: N combined broker + controller
 * nodes on loopback with static voters, every topic (internal ones too) replicated to min(3, N) nodes and
 * {@code min.insync.replicas=2}. Nodes can be stopped and started again on their own data, ports stay the same,
 * so {@link #bootstrapServers()} stays valid throughout.
 *
 * <p>Nodes are numbered 1..N, their Kafka node ids. Not for production: the app itself runs {@link EmbeddedKafka}
 * or an external cluster.
 */
public final class KafkaTestCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTestCluster.class);
    /**
     * A stopped node leaves without asking the controller (a controlled shutdown would wait minutes for a quorum that
     * is gone when the last nodes stop), so the cluster notices a lost node by its missed heartbeats: kept short here
     * so that leadership moves within seconds.
     */
    private static final Map<String, String> LOSS_DETECTION = Map.of(
            "controlled.shutdown.enable", "false",
            "broker.heartbeat.interval.ms", "500",
            "broker.session.timeout.ms", "3000");

    private final List<KraftNode> nodes;
    private final KafkaRaftServer[] running;
    private final String bootstrapServers;

    private KafkaTestCluster(List<KraftNode> nodes) {
        this.nodes = nodes;
        this.running = new KafkaRaftServer[nodes.size()];
        this.bootstrapServers = nodes.stream().map(KraftNode::address).collect(Collectors.joining(","));
    }

    /**
     * Formats {@code count} nodes under {@code dir} (node i in {@code dir/node-i}) and starts them all; returns once
     * every broker accepts clients.
     */
    public static KafkaTestCluster start(Path dir, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, not " + count);
        }
        try {
            List<int[]> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ports.add(new int[]{KraftNode.freePort(), KraftNode.freePort()});
            }
            String voters = IntStream.range(0, count)
                    .mapToObj(i -> KraftNode.voter(i + 1, ports.get(i)[1]))
                    .collect(Collectors.joining(","));
            String clusterId = Uuid.randomUuid().toString();
            List<KraftNode> nodes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                KraftNode node = new KraftNode(i + 1, dir.toAbsolutePath().normalize().resolve("node-" + (i + 1)),
                        ports.get(i)[0], ports.get(i)[1], voters, Math.min(3, count), null);
                node.formatIfNew(clusterId);
                nodes.add(node);
            }
            KafkaTestCluster cluster = new KafkaTestCluster(nodes);
            try {
                cluster.startAll();
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
            return cluster;
        } catch (Exception e) {
            throw new IllegalStateException("Kafka test cluster could not start in " + dir + ": " + KraftNode.reason(e), e);
        }
    }

    /** Every node's client address, comma-separated, whether it runs or not. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Stops node {@code id} (1..N); its data stays. No-op when it is stopped. */
    public void stopNode(int id) {
        KafkaRaftServer server;
        synchronized (this) {
            server = running[index(id)];
            running[index(id)] = null;
        }
        if (server != null) {
            long started = System.nanoTime();
            KraftNode.stop(server);
            LOG.info("Kafka node {} stopped in {} ms", id, (System.nanoTime() - started) / 1_000_000);
        }
    }

    /**
     * Starts node {@code id} again on its data and ports; returns once it accepts clients, which needs a quorum of
     * controllers running (to start several stopped nodes, use {@link #startAll()}). No-op when it runs.
     */
    public void startNode(int id) {
        int index = index(id);
        synchronized (this) {
            if (running[index] != null) {
                return;
            }
        }
        long started = System.nanoTime();
        KafkaRaftServer server = nodes.get(index).start(LOSS_DETECTION);
        synchronized (this) {
            running[index] = server;
        }
        LOG.info("Kafka node {} started on {} in {} ms", id, nodes.get(index).address(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /** Starts every stopped node, concurrently (each one waits for a quorum of the others). */
    public void startAll() {
        onEveryNode(this::startNode);
    }

    /** Stops every node, concurrently. */
    public void stopAll() {
        onEveryNode(this::stopNode);
    }

    /** Stops every running node. */
    @Override
    public void close() {
        stopAll();
    }

    private void onEveryNode(IntConsumer action) {
        List<CompletableFuture<Void>> all = IntStream.rangeClosed(1, nodes.size())
                .mapToObj(id -> CompletableFuture.runAsync(() -> action.accept(id),
                        task -> new Thread(task, "kafka-test-cluster-node-" + id).start()))
                .toList();
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private int index(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no node " + id + ": nodes are 1.." + nodes.size());
        }
        return id - 1;
    }
}
