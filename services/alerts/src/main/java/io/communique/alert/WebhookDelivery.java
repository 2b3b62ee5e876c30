package io.communique.alert;

import io.communique.kafka.BadRecord;
import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.RecordValues;
import io.communique.model.Alert;
import io.communique.model.Json;
import io.communique.model.Topics;
import io.communique.model.Watch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers each alert of {@link Topics#ALERTS} to the webhook of its watch, if it has one: a consumer-group member
 * (group {@value #GROUP}) that commits an alert's offset only once the webhook took it or, after the retries, the
 * alert went to the dead-letter topic ({@code dlq.kind} {@code delivery-failed}). Since an alert is written to its
 * topic only once (see {@link Alerter}), a replay of the fact log delivers nothing twice; a crash between a delivery
 * and its commit may deliver that alert again (at least once; receivers deduplicate by {@code ce-id}).
 */
public final class WebhookDelivery extends ConsumerLoop {
    public static final String GROUP = "communique-webhooks";
    /** Alerts hold one fact (at most {@link Topics#MAX_FACT_BYTES}) and a few ids. */
    private static final int MAX_ALERT_BYTES = Topics.MAX_FACT_BYTES + 4096;
    /**
     * Few alerts per poll: deliveries are sequential and a failing webhook takes all its retries, which must end well
     * within the consumer's poll interval (5 minutes).
     */
    private static final String MAX_POLL_RECORDS = "5";

    private final Webhooks webhooks;
    private final WatchBook watches;
    private final AtomicLong delivered = new AtomicLong();
    private boolean watchesRead;

    WebhookDelivery(KafkaSettings settings, KafkaProducer<String, byte[]> letters, Webhooks webhooks) {
        super(GROUP, fewRecordsPerPoll(settings), GROUP, Topics.ALERTS, letters::send);
        this.webhooks = webhooks;
        this.watches = new WatchBook(settings);
    }

    private static KafkaSettings fewRecordsPerPoll(KafkaSettings settings) {
        Map<String, String> properties = new HashMap<>();
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        properties.putAll(settings.clientProperties()); // an operator's setting still wins
        return new KafkaSettings(settings.bootstrapServers(), properties);
    }

    @Override
    protected void handle(ConsumerRecord<String, byte[]> record) {
        byte[] value = RecordValues.json(record.value(), MAX_ALERT_BYTES);
        Alert alert = BadRecord.shape(() -> Json.read(value, Alert.class));
        if (!watchesRead) {
            watches.catchUp();
            watchesRead = true;
        }
        Watch watch = watches.get(alert.watchId());
        if (watch == null || watch.webhook() == null) {
            return; // no webhook, or the watch was deleted since
        }
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(header -> headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        webhooks.deliver(watch.webhook(), value, headers);
        delivered.incrementAndGet();
    }

    @Override
    protected void completeBatch() {
        watchesRead = false;
    }

    @Override
    protected void batchFailed() {
        watchesRead = false;
    }

    /** Alerts delivered to webhooks since start. */
    public long delivered() {
        return delivered.get();
    }

    @Override
    public void close() {
        super.close();
        watches.close();
    }
}
