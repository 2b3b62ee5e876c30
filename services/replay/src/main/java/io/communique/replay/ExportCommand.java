package io.communique.replay;

import io.communique.kafka.KafkaSettings;
import io.communique.model.CloudEvents;
import io.communique.model.Fact;
import io.communique.model.FactCursor;
import io.communique.model.FactQuery;
import io.communique.model.FactReader;
import io.communique.model.FactRows;
import io.communique.model.FactType;
import io.communique.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code export [--format jsonl|csv] [--country …] [--type …] [--topic …] [--since …] [--until …] [--output FILE]}:
 * the facts as they stand now (the latest version of each, retracted ones left out), read from the fact topic, in the
 * same rows as {@code GET /api/export/facts}. Two passes over the topic up to its end as it stood at the start: the
 * first finds where each fact's latest record is, the second writes those records; memory grows with the number of
 * fact ids (some 100 bytes each), not with the facts.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the current facts, read from Kafka, as JSON lines or CSV (the rows of "
                + "GET /api/export/facts; CSV columns: docs/api.md).",
                "At the end, prints on stderr how many facts it wrote and the cursor where it read up to: "
                        + "GET /api/updates?since=CURSOR brings the copy up to date later."},
        footer = {"%nKafka: --bootstrap-servers, else KAFKA_BOOTSTRAP_SERVERS, else the embedded broker of a running "
                + "'serve' at 127.0.0.1:EMBEDDED_KAFKA_PORT (9092); TLS and SASL as for 'serve': KAFKA_CLIENT_PROPERTIES (a "
                + "properties file) and KAFKA_* client properties."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:bad option value or usage", "3:no fact topic", "4:Kafka unreachable within 10 s"})
public final class ExportCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofMillis(200);
    /** No record is at this place: the fact's latest record retracted it. */
    private static final long RETRACTED = -1;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv", description = "Default: ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--country", paramLabel = "CODE", description = "only facts with this participant, e.g. RU")
    String country;

    @Option(names = "--type", paramLabel = "TYPE", description = "only facts of this type, e.g. VISIT")
    String type;

    @Option(names = "--topic", paramLabel = "ID", description = "only facts that mention this topic, e.g. trade")
    String topic;

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "only facts dated on or after this day")
    String since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "only facts dated on or before this day")
    String until;

    @Option(names = "--output", paramLabel = "FILE", description = "write here instead of stdout")
    Path output;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT", description = "the Kafka cluster (see below)")
    String bootstrapServers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            KafkaSettings settings = ReplayOptions.settings(bootstrapServers, System.getenv());
            FactRows rows = FactRows.named(format);
            if (rows == null) {
                throw new ReplayException(ExitCodes.BAD_ARGUMENT, "--format must be jsonl or csv, not '" + format + "'");
            }
            FactQuery query = query();
            Result result;
            if (output == null) {
                result = export(settings, rows, query, spec.commandLine().getOut());
            } else {
                try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                    result = export(settings, rows, query, out);
                }
            }
            err.printf("export: %d fact%s written; cursor %s%n", result.written(), result.written() == 1 ? "" : "s",
                    result.cursor());
            return ExitCodes.OK;
        } catch (ReplayException e) {
            err.println("export: " + e.getMessage());
            return e.exitCode();
        } catch (IOException | UncheckedIOException e) {
            err.println("export: could not write: " + e.getMessage());
            return 1;
        } finally {
            err.flush();
        }
    }

    record Result(long written, FactCursor cursor) {
    }

    private FactQuery query() {
        FactType factType = null;
        if (type != null) {
            try {
                factType = FactType.valueOf(type.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ReplayException(ExitCodes.BAD_ARGUMENT,
                        "--type must be one of " + Arrays.toString(FactType.values()) + ", not '" + type + "'");
            }
        }
        for (String date : new String[]{since, until}) {
            if (date != null) {
                try {
                    LocalDate.parse(date);
                } catch (DateTimeParseException e) {
                    throw new ReplayException(ExitCodes.BAD_ARGUMENT, "--since and --until are dates as YYYY-MM-DD, not '"
                            + date + "'");
                }
            }
        }
        return new FactQuery(country == null ? null : country.trim().toUpperCase(Locale.ROOT), factType, topic, since,
                until, null);
    }

    private static Result export(KafkaSettings settings, FactRows rows, FactQuery query, Writer out) throws IOException {
        Map<String, Object> config = new HashMap<>(settings.reader());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "communique-export");
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = Replay.partitions(kafka, settings, Topics.FACTS);
            kafka.assign(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, Replay.TIMEOUT);
            Map<String, Long> latest = new HashMap<>();
            readAll(kafka, partitions, ends, record -> latest.put(FactReader.read(record.value()).id(),
                    isRetraction(record) ? RETRACTED : place(record)));
            out.write(rows.header());
            long[] written = {0};
            StringBuilder row = new StringBuilder(2048);
            readAll(kafka, partitions, ends, record -> {
                Fact fact = FactReader.read(record.value());
                if (latest.get(fact.id()) == place(record) && query.test(fact)) {
                    row.setLength(0);
                    rows.append(fact, row);
                    try {
                        out.append(row);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    written[0]++;
                }
            });
            out.flush();
            Map<Integer, Long> cursor = new HashMap<>();
            ends.forEach((partition, end) -> cursor.put(partition.partition(), end));
            return new Result(written[0], new FactCursor(cursor));
        } catch (TimeoutException e) {
            throw Replay.unreachable(settings, e);
        } catch (KafkaException e) {
            throw Replay.unreachable(settings, e);
        }
    }

    /** Every readable fact record from the beginning of each partition to its end as it stood at the start. */
    private static void readAll(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions,
                                Map<TopicPartition, Long> ends, Consumer<ConsumerRecord<String, byte[]>> action) {
        kafka.seekToBeginning(partitions);
        while (partitions.stream().anyMatch(partition -> kafka.position(partition, Replay.TIMEOUT) < ends.get(partition))) {
            for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))
                        || record.value() == null) {
                    continue;
                }
                try {
                    action.accept(record);
                } catch (IllegalArgumentException unreadable) {
                    // dead-lettered by the topic's own consumers, skipped by every reader: skipped here too
                }
            }
        }
    }

    /** A record's place in the topic as one number: partition and offset. */
    private static long place(ConsumerRecord<String, byte[]> record) {
        return ((long) record.partition() << 40) | record.offset();
    }

    private static boolean isRetraction(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEvents.TYPE_HEADER);
        return type != null && CloudEvents.isRetraction(new String(type.value(), StandardCharsets.UTF_8));
    }
}
