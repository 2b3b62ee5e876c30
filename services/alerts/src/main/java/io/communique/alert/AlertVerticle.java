package io.communique.alert;

import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.KafkaSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the alerting: the {@link Alerter} (facts matched against watches, alerts to Kafka) and the
 * {@link WebhookDelivery} (alerts to webhooks), each a consumer-group member on its own thread, so instances share
 * the work by partition. Start completes once both have caught up with their first assignment.
 */
public final class AlertVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AlertVerticle.class);
    private final KafkaSettings settings;
    private final WebhookOptions options;
    private KafkaProducer<String, byte[]> producer;
    private Webhooks webhooks;
    private Alerter alerter;
    private WebhookDelivery delivery;

    public AlertVerticle(KafkaSettings settings, WebhookOptions options) {
        this.settings = settings;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        // Kafka clients resolve and load classes while constructed: on a worker, not the event loop.
        return vertx.executeBlocking(() -> {
                    producer = new KafkaProducer<>(new HashMap<>(settings.producer()));
                    webhooks = new Webhooks(vertx, options);
                    alerter = new Alerter(settings, producer);
                    delivery = new WebhookDelivery(settings, producer, webhooks);
                    List.of(alerter, delivery).forEach(ConsumerLoop::start);
                    return null;
                })
                .compose(v -> Future.fromCompletionStage(CompletableFuture.allOf(alerter.caughtUp(), delivery.caughtUp()),
                        context))
                .onSuccess(v -> LOG.info("Alerting caught up"));
    }

    @Override
    public Future<?> stop() {
        return vertx.executeBlocking(() -> {
            List.of(alerter, delivery).forEach(ConsumerLoop::close);
            webhooks.close();
            producer.close();
            return null;
        });
    }

    /** Alerts written to the alert topic since start. */
    public long alertsRaised() {
        return alerter.raised();
    }

    /** Alerts delivered to webhooks since start. */
    public long webhooksDelivered() {
        return delivery.delivered();
    }
}
