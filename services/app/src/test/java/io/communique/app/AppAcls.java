package io.communique.app;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ACLs the app's Kafka user needs on a secured cluster, as docs/operations.md lists them: {@link SecuredKafkaTest}
 * runs the app with exactly these, and {@link InfraManifestsTest} holds infra/ to them. Read and Write imply Describe;
 * the producers are idempotent but not transactional, so no cluster or transactional-id ACL.
 */
final class AppAcls {
    /** Every topic of {@code Topics.ALL}; Create because the app creates its missing topics. */
    static final Acl TOPICS = new Acl(ResourceType.TOPIC, "communique.", Set.of(AclOperation.READ, AclOperation.WRITE, AclOperation.CREATE));
    /** Every consumer group of the app: communique-router, communique-projection-*, communique.ingest.repair, … */
    static final Acl GROUPS = new Acl(ResourceType.GROUP, "communique", Set.of(AclOperation.READ));
    static final List<Acl> ALL = List.of(TOPICS, GROUPS);

    private AppAcls() {
    }

    /** Allowed operations on every resource whose name starts with {@code prefix}. */
    record Acl(ResourceType type, String prefix, Set<AclOperation> operations) {
        Stream<AclBinding> bindings(String user) {
            return operations.stream().map(operation -> new AclBinding(
                    new ResourcePattern(type, prefix, PatternType.PREFIXED),
                    new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW)));
        }
    }

    static List<AclBinding> bindings(String user) {
        return ALL.stream().flatMap(acl -> acl.bindings(user)).toList();
    }
}
