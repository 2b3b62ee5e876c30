package io.communique.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.communique.kafka.KafkaSettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads one topic from a start position to its end as it stood at the start (or on and on with follow), printing
 * each record as a JSON line. Assigns all partitions itself and commits nothing: a replay is invisible to the
 * consumer groups of the topic.
 */
final class Replay {
    /** How long Kafka may take to answer before it counts as unreachable. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(200);
    /** A long replay (not follow) says how far it got this often, so that a silent stdout pipe does not look stuck. */
    private static final long PROGRESS_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    /**
     * @param to     records stamped after this end their partition; null = no time bound
     * @param follow keep reading new records until stopped, instead of ending at the current end
     */
    record Request(String topic, StartPosition from, Instant to, FactFilter filter, boolean follow) {
    }

    private volatile boolean stopped;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private final CountDownLatch finished = new CountDownLatch(1);

    /**
     * Runs a request; a {@link ReplayException} is printed as one line to err and its exit code returned. Ctrl-C
     * (a shutdown hook) stops the loop and waits for the summary to be printed.
     */
    int execute(String name, Map<String, String> env, ReplayOptions options, String from, boolean follow,
                PrintWriter out, PrintWriter err) {
        Thread onCtrlC = new Thread(this::stopAndAwait, name + "-stop");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            Request request = options.request(from, follow);
            long printed = run(options.settings(env), request, out, err, name);
            err.printf("%s: %d record%s printed from %s%n", name, printed, printed == 1 ? "" : "s", request.topic());
            return ExitCodes.OK;
        } catch (ReplayException e) {
            err.println(name + ": " + e.getMessage());
            return e.exitCode();
        } finally {
            out.flush();
            err.flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onCtrlC);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it only waits for us
            }
        }
    }

    /** Ends a running replay cleanly (from any thread); it prints its summary and returns 0. */
    void stop() {
        stopped = true;
        KafkaConsumer<String, byte[]> running = consumer;
        if (running != null) {
            running.wakeup();
        }
    }

    private void stopAndAwait() {
        stop();
        try {
            finished.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the number of records printed */
    private long run(KafkaSettings settings, Request request, PrintWriter out, PrintWriter err, String name) {
        Map<String, Object> config = new HashMap<>(settings.reader());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "communique-" + name);
        try {
            consumer = new KafkaConsumer<>(config);
        } catch (KafkaException e) {
            throw unreachable(settings, e);
        }
        long printed = 0;
        try (KafkaConsumer<String, byte[]> kafka = consumer) {
            if (stopped) {
                return 0;
            }
            List<TopicPartition> partitions = partitions(kafka, settings, request.topic());
            kafka.assign(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, TIMEOUT);
            Set<TopicPartition> reading = new HashSet<>();
            for (TopicPartition partition : partitions) {
                long start = request.from().offset(kafka, partition, ends.get(partition));
                kafka.seek(partition, start);
                String end = request.follow() ? "" : ", ends at " + ends.get(partition);
                err.printf("%s: %s partition %d starts at offset %d (%s)%s%n", name, request.topic(),
                        partition.partition(), start, request.from().describe(start, ends.get(partition)), end);
                if (request.follow() || start < ends.get(partition)) {
                    reading.add(partition);
                }
            }
            err.flush();
            pauseAllBut(kafka, partitions, reading);
            long progressAt = System.nanoTime() + PROGRESS_EVERY_NANOS;
            while (!reading.isEmpty() && !stopped) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!reading.contains(partition)) {
                        continue;
                    }
                    if ((!request.follow() && record.offset() >= ends.get(partition))
                            || (request.to() != null && record.timestamp() > request.to().toEpochMilli())) {
                        reading.remove(partition);
                        continue;
                    }
                    JsonNode value = RecordJson.value(record.value());
                    if (request.filter().test(value)) {
                        out.println(RecordJson.line(record, value));
                        printed++;
                    }
                }
                if (!request.follow()) {
                    reading.removeIf(partition -> kafka.position(partition, TIMEOUT) >= ends.get(partition));
                }
                pauseAllBut(kafka, partitions, reading);
                out.flush();
                if (!request.follow() && System.nanoTime() > progressAt) {
                    err.printf("%s: %d records printed so far%n", name, printed);
                    err.flush();
                    progressAt = System.nanoTime() + PROGRESS_EVERY_NANOS;
                }
            }
        } catch (WakeupException | InterruptException stoppedWhileWaiting) {
            // stop() or an interrupt: end cleanly with what was printed
        } catch (TimeoutException e) {
            throw unreachable(settings, e);
        }
        return printed;
    }

    static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka, KafkaSettings settings, String topic) {
        Map<String, List<PartitionInfo>> topics;
        try {
            topics = kafka.listTopics(TIMEOUT);
        } catch (TimeoutException e) {
            throw unreachable(settings, e);
        }
        List<PartitionInfo> partitions = topics.get(topic);
        if (partitions == null || partitions.isEmpty()) {
            throw new ReplayException(ExitCodes.NO_SUCH_TOPIC, "no topic '" + topic + "' on " + settings.bootstrapServers()
                    + " (topics: " + String.join(", ", new TreeSet<>(topics.keySet())) + ")");
        }
        return partitions.stream().map(info -> new TopicPartition(topic, info.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    /** Partitions that are done stop fetching, so their records are not downloaded for nothing. */
    private static void pauseAllBut(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> all, Set<TopicPartition> reading) {
        kafka.pause(all.stream().filter(partition -> !reading.contains(partition)).toList());
    }

    static ReplayException unreachable(KafkaSettings settings, KafkaException e) {
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        return new ReplayException(ExitCodes.KAFKA_UNREACHABLE, "Kafka at " + settings.bootstrapServers()
                + " is unreachable (" + reason + "); set --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS");
    }
}
