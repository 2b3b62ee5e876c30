package io.communique.model.contracts;

import io.vertx.core.eventbus.ReplyException;

/** The failure codes of an ingest reply on {@link BusAddresses#INGEST}; HTTP status codes, so the web tier passes them on. */
public final class IngestFailures {
    /** Failure code of a reply when the request itself is wrong. */
    public static final int BAD_REQUEST = 400;
    /** Failure code of a reply when the extractor failed on the document: sending it again would fail again. */
    public static final int UNPROCESSABLE = 422;
    /** Failure code of a reply when Kafka did not acknowledge in time. */
    public static final int UNAVAILABLE = 503;

    private IngestFailures() {
    }

    /** The failure code of an event-bus reply, or {@link #UNAVAILABLE} when the bus itself failed (no handler, timeout). */
    public static int failureCode(Throwable error) {
        return error instanceof ReplyException reply && reply.failureCode() > 0 ? reply.failureCode() : UNAVAILABLE;
    }
}
