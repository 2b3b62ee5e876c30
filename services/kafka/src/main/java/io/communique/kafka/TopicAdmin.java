package io.communique.kafka;

import io.communique.model.TopicSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Creates our topics when missing, with their declared partitions and configuration. */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    /** Replication is capped at 3: enough to survive a broker loss, and what a single-node broker lowers to 1. */
    private static final int MAX_REPLICATION = 3;

    private TopicAdmin() {
    }

    public static Future<Void> ensureTopics(Vertx vertx, KafkaSettings settings, List<TopicSpec> specs) {
        KafkaAdminClient admin = KafkaAdminClient.create(vertx, settings.admin());
        return admin.describeCluster()
                .compose(cluster -> admin.listTopics().compose(existing ->
                        create(admin, missing(specs, existing), (short) Math.min(MAX_REPLICATION, cluster.getNodes().size()))))
                .eventually(admin::close);
    }

    private static List<TopicSpec> missing(List<TopicSpec> specs, Set<String> existing) {
        return specs.stream().filter(spec -> !existing.contains(spec.name())).toList();
    }

    /**
     * The spec's configuration plus {@code min.insync.replicas}: with acks=all a write then counts only once two
     * replicas hold it (one on a single broker), whatever the cluster's default.
     */
    private static Map<String, String> durable(TopicSpec spec, short replication) {
        Map<String, String> config = new HashMap<>(spec.config());
        config.putIfAbsent("min.insync.replicas", Integer.toString(Math.min(2, replication)));
        return config;
    }

    private static Future<Void> create(KafkaAdminClient admin, List<TopicSpec> specs, short replication) {
        if (specs.isEmpty()) {
            return Future.succeededFuture();
        }
        List<NewTopic> topics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), replication).setConfig(durable(spec, replication)))
                .toList();
        return admin.createTopics(topics)
                .onSuccess(done -> LOG.info("Created topics {} (replication {})",
                        specs.stream().map(TopicSpec::name).toList(), replication))
                // Another instance may have created them at the same moment: that is success too.
                .recover(error -> error instanceof TopicExistsException || error.getCause() instanceof TopicExistsException
                        ? Future.succeededFuture() : Future.failedFuture(error));
    }
}
