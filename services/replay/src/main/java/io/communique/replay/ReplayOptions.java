package io.communique.replay;

import io.communique.kafka.KafkaClientProperties;
import io.communique.kafka.KafkaDefaults;
import io.communique.kafka.KafkaSettings;
import io.communique.model.FactType;
import io.communique.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The options {@code replay} and {@code tail} share, and the help text about connecting and exit codes. */
@Command(
        footer = {"%nKafka: --bootstrap-servers, else KAFKA_BOOTSTRAP_SERVERS, else the embedded broker of a running "
                + "'serve' at 127.0.0.1:EMBEDDED_KAFKA_PORT (9092); TLS and SASL as for 'serve': KAFKA_CLIENT_PROPERTIES (a "
                + "properties file) and KAFKA_* client properties."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done: the end of the topic (or --to) was reached, or stopped with Ctrl-C",
                "2:bad option value (--from, --to, --type, --country) or usage",
                "3:no such topic",
                "4:Kafka unreachable within 10 s, or refused the connection"})
final class ReplayOptions {

    @Option(names = "--topic", required = true, paramLabel = "TOPIC",
            description = "the topic to read, e.g. " + Topics.FACTS)
    String topic;

    @Option(names = "--to", paramLabel = "ISO-TIME",
            description = "stop each partition at its first record stamped after this time")
    String to;

    @Option(names = "--type", paramLabel = "TYPE",
            description = "only facts of this type (VISIT, TALKS, MEETING, PHONE_CALL, STATEMENT_SIGNED, "
                    + "AGREEMENT_SIGNED, SUMMIT); facts topic only")
    String type;

    @Option(names = "--country", paramLabel = "CODE",
            description = "only facts with this participant (country or organisation code, e.g. EG); facts topic only")
    String country;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "the Kafka cluster (see below)")
    String bootstrapServers;

    /** What to read, checked; a bad value throws a {@link ReplayException} saying which and why. */
    Replay.Request request(String from, boolean follow) {
        Instant end = null;
        if (to != null) {
            end = IsoTimes.parse(to);
            if (end == null) {
                throw new ReplayException(ExitCodes.BAD_ARGUMENT,
                        "--to must be an ISO-8601 time (" + IsoTimes.EXAMPLES + "), not '" + to + "'");
            }
        }
        FactFilter filter = new FactFilter(factType(), country == null ? null : country.trim().toUpperCase(Locale.ROOT));
        if (!filter.isNone() && !topic.equals(Topics.FACTS)) {
            throw new ReplayException(ExitCodes.BAD_ARGUMENT,
                    "--type and --country filter facts: use them with --topic " + Topics.FACTS);
        }
        return new Replay.Request(topic, StartPosition.parse(from), end, filter, follow);
    }

    /** The cluster, with the client properties (TLS, SASL) the server would use: the same variables. */
    KafkaSettings settings(Map<String, String> env) {
        return settings(bootstrapServers, env);
    }

    /** {@code --bootstrap-servers}, else the environment's; a client properties file that cannot be read is a bad argument. */
    static KafkaSettings settings(String bootstrapServers, Map<String, String> env) {
        String servers = bootstrapServers != null && !bootstrapServers.isBlank()
                ? bootstrapServers.trim() : KafkaDefaults.bootstrapServers(env);
        try {
            return new KafkaSettings(servers, KafkaClientProperties.fromEnv(env));
        } catch (IllegalArgumentException e) {
            throw new ReplayException(ExitCodes.BAD_ARGUMENT, e.getMessage());
        }
    }

    private FactType factType() {
        if (type == null) {
            return null;
        }
        try {
            return FactType.valueOf(type.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReplayException(ExitCodes.BAD_ARGUMENT,
                    "--type must be one of " + Arrays.toString(FactType.values()) + ", not '" + type + "'");
        }
    }
}
