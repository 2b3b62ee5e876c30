package io.communique.ingest;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The documents this process has recorded lately, each with the outcome of publishing its facts (pending while
 * Kafka has not answered). {@link DocumentRepair} skips a document whose facts this process published, and waits
 * for one still in flight, instead of guessing from the record's age. Bounded: the oldest entries are forgotten,
 * and a forgotten document is merely repaired again (harmless, its fact ids are the same). Thread-safe: the ingest
 * verticle writes, the repair thread reads.
 */
final class RecentIngests {
    private final Map<String, Future<Void>> outcomes;

    RecentIngests(int capacity) {
        this.outcomes = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Future<Void>> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records that a document is being published, then publishes it: the entry exists before the document record
     * does, so the repair can never read the record of a document this process is still working on and miss it.
     */
    <T> Future<T> track(String documentId, Supplier<Future<T>> publishing) {
        Promise<Void> outcome = Promise.promise();
        synchronized (outcomes) {
            outcomes.remove(documentId); // re-inserted: newest again, last to be forgotten
            outcomes.put(documentId, outcome.future());
        }
        Future<T> published;
        try {
            published = publishing.get();
        } catch (RuntimeException e) {
            published = Future.failedFuture(e);
        }
        published.onComplete(result -> outcome.handle(result.mapEmpty()));
        return published;
    }

    /** The outcome of this process's latest publishing of the document, or null when it has none (or forgot it). */
    Future<Void> outcome(String documentId) {
        synchronized (outcomes) {
            return outcomes.get(documentId);
        }
    }
}
