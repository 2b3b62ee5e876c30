package io.communique.alert;

import io.communique.kafka.BadRecord;
import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.FactRecords;
import io.communique.kafka.KafkaSettings;
import io.communique.model.Alert;
import io.communique.model.CloudEvents;
import io.communique.model.Fact;
import io.communique.model.Ids;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.model.Watch;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Matches every fact of {@link Topics#FACTS} against every watch and writes an alert to {@link Topics#ALERTS} for each
 * match, once: a consumer-group member (group {@value #GROUP}), so instances share the fact partitions. An alert's id
 * is a hash of watch and fact ({@link Ids#alertId}); before any fact of a partition is read, the alerts already on its
 * alert partition are read back ({@link SentAlerts}), and an alert whose id is among them is not written again. So a
 * replay (the group's offsets reset, a crash before a commit, a document ingested again) writes nothing twice.
 *
 * <p>A watch alerts on facts accepted (written to the fact topic) at or after its creation, never on older ones: a
 * replay of old facts raises no alert that was not raised when they were new. Retractions raise nothing. Facts that
 * cannot be read are skipped: the router dead-letters them, once.
 */
public final class Alerter extends ConsumerLoop {
    public static final String GROUP = "communique-alerter";
    /** Longer than the producer's delivery timeout: a send is then either acknowledged or failed. */
    private static final long SEND_WAIT_S = 15;
    private static final Logger LOG = LoggerFactory.getLogger(Alerter.class);

    private final KafkaProducer<String, byte[]> producer;
    private final WatchBook watches;
    private final SentAlerts sent;
    private final List<Pending> pending = new ArrayList<>();
    private final AtomicLong raised = new AtomicLong();
    private boolean watchesRead;

    private record Pending(int factPartition, String alertId, Future<RecordMetadata> send) {
    }

    public Alerter(KafkaSettings settings, KafkaProducer<String, byte[]> producer) {
        super(GROUP, settings, GROUP, Topics.FACTS, producer::send);
        this.producer = producer;
        this.watches = new WatchBook(settings);
        this.sent = new SentAlerts(settings);
    }

    @Override
    protected void onAssigned(Collection<TopicPartition> partitions) {
        partitions.forEach(partition -> sent.restore(partition.partition()));
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record) {
        if (!watchesRead) {
            watches.catchUp(); // once per batch: every watch written before these facts were accepted
            watchesRead = true;
        }
        Fact fact;
        try {
            if (FactRecords.checkIsRetraction(record)) {
                return;
            }
            fact = FactRecords.read(record);
        } catch (BadRecord e) {
            return;
        }
        Instant accepted = Instant.ofEpochMilli(record.timestamp());
        for (Watch watch : watches.all()) {
            if (accepted.isBefore(Instant.parse(watch.createdAt())) || !WatchMatcher.matches(watch, fact)) {
                continue;
            }
            String id = Ids.alertId(watch.id(), fact.id());
            if (sent.add(record.partition(), id)) {
                Alert alert = new Alert(id, watch.id(), watch.name(), accepted.toString(), fact);
                ProducerRecord<String, byte[]> out = new ProducerRecord<>(Topics.ALERTS,
                        sent.partitionOf(record.partition()), id, Json.bytes(alert));
                CloudEvents.alertHeaders(alert).forEach((name, value) ->
                        out.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
                pending.add(new Pending(record.partition(), id, producer.send(out)));
            }
        }
    }

    @Override
    protected void completeBatch() throws Exception {
        watchesRead = false;
        for (Pending alert : pending) {
            alert.send().get(); // all acknowledged before the facts are committed
        }
        if (!pending.isEmpty()) {
            LOG.info("Raised {} alert(s)", pending.size());
        }
        raised.addAndGet(pending.size());
        pending.clear();
    }

    @Override
    protected void batchFailed() {
        watchesRead = false;
        // Alerts Kafka took stay remembered (the replay must not write them twice); the others are raised again.
        for (Pending alert : pending) {
            if (!acknowledged(alert.send())) {
                sent.remove(alert.factPartition(), alert.alertId());
            }
        }
        pending.clear();
    }

    /** Waits for a send still in flight (the producer gives up within its delivery timeout) and says if Kafka took it. */
    private static boolean acknowledged(Future<RecordMetadata> send) {
        try {
            return send.get(SEND_WAIT_S, TimeUnit.SECONDS) != null;
        } catch (Exception e) {
            return false;
        }
    }

    /** Alerts written since start. */
    public long raised() {
        return raised.get();
    }

    @Override
    public void close() {
        super.close();
        watches.close();
        sent.close();
    }
}
