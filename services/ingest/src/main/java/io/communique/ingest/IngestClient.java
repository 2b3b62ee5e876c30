package io.communique.ingest;

import io.communique.model.contracts.IngestFailures;
import io.communique.model.contracts.IngestRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

/** How a source hands a document to {@link IngestVerticle}: over the event bus, answered once Kafka has it. */
public final class IngestClient {
    /** Extraction plus Kafka's acknowledgement; the producer itself gives up after 20 s. */
    private static final DeliveryOptions DELIVERY = new DeliveryOptions().setSendTimeout(60_000);

    private IngestClient() {
    }

    /** Completes with ingest's reply {documentId, facts}; fails with its failure code (see {@link IngestFailures#failureCode}). */
    public static Future<JsonObject> ingest(Vertx vertx, IngestRequest request) {
        return vertx.eventBus().<JsonObject>request(IngestVerticle.ADDRESS, request.toJson(), DELIVERY)
                .map(reply -> reply.body());
    }
}
