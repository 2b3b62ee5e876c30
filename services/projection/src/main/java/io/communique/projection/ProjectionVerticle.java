package io.communique.projection;

import io.communique.kafka.DeadLetters;
import io.communique.kafka.KafkaSettings;
import io.communique.kafka.TopicFollower;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.SchemaValidator;
import io.communique.model.Topics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.producer.KafkaProducer;
import io.vertx.kafka.client.producer.KafkaProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Folds {@link Topics#FACTS} into country and topic views and publishes every changed view to its compacted topic.
 *
 * <p>On start it first reads what the view topics already hold, then replays the facts from the beginning without
 * publishing; once caught up it publishes only the views whose bytes differ from what is already there. So a
 * restart, a replay or a re-delivered fact never writes a view twice, and the view topics always equal a fold of the
 * whole fact log.
 */
public final class ProjectionVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionVerticle.class);

    private final KafkaSettings settings;
    private final ViewStore store = new ViewStore();
    private final SchemaValidator validator = new SchemaValidator();
    /** Last bytes published (or found) per view topic and key. */
    private final Map<String, Map<String, byte[]>> published = Map.of(
            Topics.VIEWS_COUNTRY, new HashMap<>(), Topics.VIEWS_TOPIC, new HashMap<>());
    private final ViewStore.Changes dirty = new ViewStore.Changes(new TreeSet<>(), new TreeSet<>());
    private boolean caughtUp;
    private KafkaProducer<String, byte[]> producer;
    private DeadLetters deadLetters;
    private TopicFollower facts;

    public ProjectionVerticle(KafkaSettings settings) {
        this.settings = settings;
    }

    /** Completes once the fact log as it stood at start is folded and every differing view is in Kafka. */
    @Override
    public Future<?> start() {
        producer = KafkaProducer.createShared(vertx, "communique-projection", settings.producer());
        deadLetters = new DeadLetters(producer);
        return loadPublishedViews()
                .compose(v -> TopicFollower.start(vertx, settings, List.of(Topics.FACTS), this::onFacts))
                .compose(follower -> {
                    facts = follower;
                    return follower.caughtUp();
                })
                .compose(v -> {
                    caughtUp = true;
                    return publishDirty();
                })
                .onSuccess(published -> LOG.info("Projection caught up with the fact log; {} views changed", published));
    }

    @Override
    public Future<?> stop() {
        return facts == null ? producer.close() : facts.close().eventually(producer::close);
    }

    private Future<Void> loadPublishedViews() {
        return TopicFollower.start(vertx, settings, published.keySet(), records -> {
            records.forEach(record -> published.get(record.topic()).put(record.key(), record.value()));
            return Future.succeededFuture();
        }).compose(reader -> reader.caughtUp().eventually(reader::close));
    }

    private Future<Void> onFacts(List<KafkaConsumerRecord<String, byte[]>> records) {
        List<Future<Void>> letters = new ArrayList<>();
        for (KafkaConsumerRecord<String, byte[]> record : records) {
            List<String> problems = validator.problems(Topics.FACTS, record.value());
            if (!problems.isEmpty()) {
                letters.add(deadLetters.send(record, "invalid fact: " + String.join("; ", problems)));
                continue;
            }
            Fact fact;
            try {
                fact = Json.read(record.value(), Fact.class);
            } catch (IllegalArgumentException e) {
                letters.add(deadLetters.send(record, e.getMessage()));
                continue;
            }
            ViewStore.Changes changes = store.apply(fact);
            dirty.countries().addAll(changes.countries());
            dirty.topics().addAll(changes.topics());
        }
        Future<Void> lettersSent = Future.all(letters).mapEmpty();
        return caughtUp ? lettersSent.compose(v -> publishDirty()).mapEmpty() : lettersSent;
    }

    /** Publishes the dirty views whose bytes differ from the last published ones; completes when Kafka has them. */
    private Future<Integer> publishDirty() {
        List<Future<?>> sends = new ArrayList<>();
        dirty.countries().forEach(code -> sends.add(publish(Topics.VIEWS_COUNTRY, code, Json.bytes(store.country(code)))));
        dirty.topics().forEach(id -> sends.add(publish(Topics.VIEWS_TOPIC, id, Json.bytes(store.topic(id)))));
        dirty.countries().clear();
        dirty.topics().clear();
        sends.removeIf(send -> send == null);
        return Future.all(sends).map(all -> sends.size());
    }

    private Future<?> publish(String topic, String key, byte[] view) {
        Map<String, byte[]> last = published.get(topic);
        if (Arrays.equals(last.get(key), view)) {
            return null;
        }
        return producer.send(KafkaProducerRecord.create(topic, key, view))
                .onSuccess(metadata -> last.put(key, view))
                // Not in Kafka: stays dirty, so the next batch publishes it again.
                .onFailure(error -> (topic.equals(Topics.VIEWS_COUNTRY) ? dirty.countries() : dirty.topics()).add(key));
    }
}
