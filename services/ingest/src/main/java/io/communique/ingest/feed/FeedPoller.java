package io.communique.ingest.feed;

import io.communique.ingest.IngestClient;
import io.communique.model.contracts.IngestRequest;
import io.communique.ingest.IngestVerticle;
import io.communique.ingest.SourceStatus;
import io.communique.ingest.web.Fetcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Polls one feed on its verticle's event loop: a conditional GET, then for each item not seen before its article
 * page (main text, else the item's own summary) is ingested, oldest first. The position is saved only after ingest
 * acknowledged, and the validators (ETag, Last-Modified) only when every item made it, so a failed item is retried.
 */
final class FeedPoller {
    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final Vertx vertx;
    private final FeedSpec spec;
    private final Fetcher fetcher;
    private final Path stateDir;
    /** Item keys any feed of this verticle has taken (or is taking): the same article from two feeds is one document. */
    private final Set<String> taken;
    private FeedState state;
    private SourceStatus status;
    private int consecutiveFailures;
    private long timer = -1;
    private boolean stopped;

    FeedPoller(Vertx vertx, FeedSpec spec, FeedState state, Fetcher fetcher, Path stateDir, Set<String> taken) {
        this.vertx = vertx;
        this.spec = spec;
        this.state = state;
        this.fetcher = fetcher;
        this.stateDir = stateDir;
        this.taken = taken;
        this.status = SourceStatus.starting(spec.url(), "feed").publish(vertx);
    }

    void start() {
        poll();
    }

    void stop() {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** The outcome of one poll: items ingested, what went wrong, and whether the feed itself is failing. */
    private record Outcome(int ingested, List<String> failures, boolean failed) {
    }

    private void poll() {
        Map<String, String> conditions = new HashMap<>();
        if (state.etag() != null) {
            conditions.put("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            conditions.put("If-Modified-Since", state.lastModified());
        }
        fetcher.get(spec.url(), conditions)
                .compose(page -> page.notModified()
                        ? Future.succeededFuture(new Outcome(0, List.of(), false))
                        : vertx.executeBlocking(() -> FeedItems.parse(page.body().getBytes()), false)
                                .recover(error -> Future.failedFuture("not a readable RSS or Atom feed: " + SourceStatus.describe(error)))
                                .compose(items -> takeNew(items, page.etag(), page.lastModified())))
                .recover(error -> Future.succeededFuture(new Outcome(0, List.of(SourceStatus.describe(error)), true)))
                .onSuccess(this::finish);
    }

    private void finish(Outcome outcome) {
        status = status.polled(outcome.ingested(), outcome.failures()).publish(vertx);
        consecutiveFailures = outcome.failed() ? consecutiveFailures + 1 : 0;
        outcome.failures().forEach(failure -> LOG.warn("Feed {}: {}", spec.url(), failure));
        if (!stopped) {
            timer = vertx.setTimer(spec.nextDelayMs(consecutiveFailures), id -> poll());
        }
    }

    private Future<Outcome> takeNew(List<FeedItems.Item> items, String etag, String lastModified) {
        Set<String> seen = new LinkedHashSet<>(state.seen());
        List<String> failures = new ArrayList<>();
        int[] ingested = {0};
        boolean[] allTaken = {true};
        Future<Void> chain = Future.succeededFuture();
        for (FeedItems.Item item : items) {
            if (seen.contains(item.key())) {
                continue;
            }
            chain = chain.compose(v -> take(item, failures).transform(result -> {
                if (result.succeeded()) {
                    seen.add(item.key());
                    ingested[0] += result.result() ? 1 : 0;
                } else {
                    allTaken[0] = false;
                    failures.add(SourceStatus.describe(result.cause()));
                }
                return Future.succeededFuture();
            }));
        }
        return chain.compose(v -> {
            // Remember only what the feed still lists: the state stays as small as the feed.
            List<String> kept = items.stream().map(FeedItems.Item::key).filter(seen::contains).toList();
            FeedState next = allTaken[0] ? new FeedState(spec.url(), etag, lastModified, kept)
                    : new FeedState(spec.url(), state.etag(), state.lastModified(), kept);
            return save(next).map(saved -> new Outcome(ingested[0], failures, !allTaken[0]));
        });
    }

    /** Ingests one item; true when it was ingested, false when another feed already had the article or ingest refused it. */
    private Future<Boolean> take(FeedItems.Item item, List<String> failures) {
        if (!taken.add(item.key())) {
            return Future.succeededFuture(false);
        }
        Future<String> text = item.link() == null
                ? Future.succeededFuture(item.fallbackText())
                : fetcher.article(item.link()).map(article -> article.text()).recover(error -> {
                    failures.add("article " + item.link() + ": " + SourceStatus.describe(error) + " (used the feed's summary)");
                    return Future.succeededFuture(item.fallbackText());
                });
        return text.compose(body -> {
                    if (body.isBlank()) {
                        return Future.failedFuture("item " + item.key() + " has neither a readable page nor a summary");
                    }
                    return IngestClient.ingest(vertx, new IngestRequest(body, spec.url(), item.link(), item.language(),
                            item.published())).map(reply -> true).recover(error -> {
                        if (!IngestVerticle.isPermanent(error)) {
                            return Future.failedFuture(error);
                        }
                        // Ingest refuses this item for good: remember it as taken rather than retry it forever.
                        failures.add("item " + item.key() + " refused: " + SourceStatus.describe(error));
                        return Future.succeededFuture(false);
                    });
                })
                .onFailure(error -> taken.remove(item.key()));
    }

    private Future<Void> save(FeedState next) {
        if (next.equals(state)) {
            return Future.succeededFuture();
        }
        state = next;
        return vertx.executeBlocking(() -> {
            next.save(stateDir);
            return null;
        }, false).<Void>mapEmpty().recover(error -> {
            LOG.error("Feed {}: position not saved: {}", spec.url(), error.getMessage());
            return Future.succeededFuture();
        });
    }
}
