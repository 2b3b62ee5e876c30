package io.communique.broker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SASL/SCRAM-SHA-512 authentication and ACLs for an {@link EmbeddedKafka}, as a secured cluster runs them (see
 * docs/operations.md, "Running against a secured Kafka cluster"): clients must log in, and the standard authorizer
 * refuses whatever no ACL allows. For tests of the app against such a cluster; the app's own embedded broker stays
 * open on loopback.
 *
 * @param superUser     the administrator: a super user (no ACL needed), also the broker's own login between its
 *                      listeners
 * @param superPassword its password
 * @param users         further SCRAM users by name, with their passwords; they start without any ACL
 */
public record ScramSecurity(String superUser, String superPassword, Map<String, String> users) {
    private static final String MECHANISM = "SCRAM-SHA-512";
    /** The broker's client listener; controller traffic stays on the controller listener. */
    static final String LISTENER = "SASL_PLAINTEXT";

    public ScramSecurity {
        users = Map.copyOf(users);
    }

    /** What a client sets to log in as {@code user}: SASL over plain TCP (loopback only), SCRAM-SHA-512. */
    public static Map<String, String> clientProperties(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", scramLogin(user, password));
    }

    /**
     * The broker's settings. SCRAM credentials live in the cluster metadata, which a controller has not read when
     * another one connects, so the controller listener authenticates with PLAIN, its one user the super user.
     */
    Map<String, String> brokerConfig(String controllerListener) {
        String controller = "listener.name." + controllerListener.toLowerCase(Locale.ROOT) + ".";
        String client = "listener.name." + LISTENER.toLowerCase(Locale.ROOT) + ".";
        Map<String, String> config = new HashMap<>();
        config.put("sasl.enabled.mechanisms", MECHANISM);
        config.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
        config.put(client + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config", scramLogin(superUser, superPassword));
        config.put(controller + "sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put(controller + "plain.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required"
                + " username=\"" + superUser + "\" password=\"" + superPassword + "\""
                + " user_" + superUser + "=\"" + superPassword + "\";");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + superUser);
        return config;
    }

    /** {@code kafka-storage format --add-scram} arguments: every user's credential, in the bootstrap metadata. */
    List<String> formatArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add(scramArgument(superUser, superPassword));
        users.forEach((user, password) -> arguments.add(scramArgument(user, password)));
        return arguments;
    }

    private static String scramArgument(String user, String password) {
        return MECHANISM + "=[name=" + user + ",password=" + password + "]";
    }

    private static String scramLogin(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }
}
