package io.communique.kafka;

import io.communique.model.TopicSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.kafka.admin.KafkaAdminClient;
import io.vertx.kafka.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
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

    private static Future<Void> create(KafkaAdminClient admin, List<TopicSpec> specs, short replication) {
        if (specs.isEmpty()) {
            return Future.succeededFuture();
        }
        List<NewTopic> topics = specs.stream()
                .map(spec -> new NewTopic(spec.name(), spec.partitions(), replication).setConfig(spec.config()))
                .toList();
        return admin.createTopics(topics)
                .onSuccess(done -> LOG.info("Created topics {} (replication {})",
                        specs.stream().map(TopicSpec::name).toList(), replication))
                // Another instance may have created them at the same moment: that is success too.
                .recover(error -> error instanceof TopicExistsException || error.getCause() instanceof TopicExistsException
                        ? Future.succeededFuture() : Future.failedFuture(error));
    }
}
