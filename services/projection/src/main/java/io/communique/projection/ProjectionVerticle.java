package io.communique.projection;

import io.communique.kafka.ConsumerLoop;
import io.communique.kafka.KafkaSettings;
import io.communique.model.Topics;
import io.communique.model.contracts.BusAddresses;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the projection: the fact router and the country, topic and event projections, each a consumer-group member on its
 * own thread, so any number of instances share the work by partition. Start completes once they have caught up
 * with their first assignment. Also answers rebuild requests on {@link #REBUILD_ADDRESS}.
 */
public final class ProjectionVerticle extends VerticleBase {
    /** Event-bus address: rebuild this instance's views from the fact log; replies with what changed. */
    public static final String REBUILD_ADDRESS = BusAddresses.PROJECTION_REBUILD;
    private static final Logger LOG = LoggerFactory.getLogger(ProjectionVerticle.class);
    /**
     * How long the router and the projections take in a backlog before they complete a batch (acknowledgements,
     * views published, offsets committed): a burst of facts then costs a few batches, not one per poll.
     */
    static final Duration BACKLOG_BATCH_TIME = Duration.ofSeconds(1);

    private final KafkaSettings settings;
    private final int viewRecent;
    private KafkaProducer<String, byte[]> producer;
    private FactRouter router;
    private PartitionedProjection<CountryFold.State> countries;
    private PartitionedProjection<TopicFold.State> topics;
    private PartitionedProjection<EventFold.State> events;

    /** @param viewRecent how many of the most recent facts each list of a view holds */
    public ProjectionVerticle(KafkaSettings settings, int viewRecent) {
        this.settings = settings;
        this.viewRecent = viewRecent;
    }

    @Override
    public Future<?> start() {
        vertx.eventBus().consumer(REBUILD_ADDRESS, message -> rebuild().onComplete(result -> {
            if (result.succeeded()) {
                message.reply(result.result());
            } else {
                message.fail(500, "rebuild failed: " + result.cause().getMessage());
            }
        }));
        // Kafka clients resolve and load classes while constructed: on a worker, not the event loop.
        return vertx.executeBlocking(() -> {
                    producer = new KafkaProducer<>(new HashMap<>(settings.batchingProducer()));
                    router = new FactRouter(settings, producer);
                    countries = new PartitionedProjection<>(ViewKind.countries(viewRecent), settings, producer);
                    topics = new PartitionedProjection<>(ViewKind.topics(viewRecent), settings, producer);
                    events = new PartitionedProjection<>(ViewKind.EVENTS, settings, producer);
                    List.of(router, countries, topics, events).forEach(ConsumerLoop::start);
                    return null;
                })
                .compose(v -> Future.fromCompletionStage(CompletableFuture.allOf(
                        router.caughtUp(), countries.caughtUp(), topics.caughtUp(), events.caughtUp()), context))
                .onSuccess(v -> LOG.info("Projection caught up"));
    }

    @Override
    public Future<?> stop() {
        // Closing blocks until each loop has left its group: not on the event loop.
        return vertx.executeBlocking(() -> {
            List.of(router, countries, topics, events).forEach(ConsumerLoop::close);
            producer.close();
            return null;
        });
    }

    /**
     * The consumer groups the projection's loops join, each with the topic it reads: when every group's lag is 0,
     * every fact of the fact topic is in the published views (a projection commits only what it published).
     */
    public static Map<String, String> groupInputs() {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put(FactRouter.GROUP, Topics.FACTS);
        List.of(ViewKind.countries(1), ViewKind.topics(1), ViewKind.EVENTS)
                .forEach(kind -> groups.put(PartitionedProjection.group(kind), kind.inputTopic()));
        return groups;
    }

    /** Facts folded into views since start, country, topic and event projections together. */
    public long factsFolded() {
        return countries.factsFolded() + topics.factsFolded() + events.factsFolded();
    }

    /** Rebuilds this instance's views from the routed fact log; the served views switch only when it is complete. */
    public Future<JsonObject> rebuild() {
        CompletableFuture<PartitionedProjection.RebuildResult> country = countries.rebuild();
        CompletableFuture<PartitionedProjection.RebuildResult> topic = topics.rebuild();
        CompletableFuture<PartitionedProjection.RebuildResult> event = events.rebuild();
        return Future.fromCompletionStage(CompletableFuture.allOf(country, topic, event), context)
                .map(v -> new JsonObject().put("rebuilt", new JsonArray(List.of(JsonObject.mapFrom(country.join()),
                        JsonObject.mapFrom(topic.join()), JsonObject.mapFrom(event.join())))));
    }
}
