package io.communique.ingest.feed;

import io.communique.model.net.FetchOptions;
import io.communique.ingest.web.Fetcher;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Polls every configured RSS/Atom feed (see {@link FeedSpec}) and ingests each new item's article. All feeds run on
 * this verticle's event loop, sharing one set of taken links so an article listed by two feeds is fetched and
 * ingested once; a failing feed backs off alone while the others carry on.
 */
public final class FeedVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(FeedVerticle.class);

    private final Path feedsFile;
    private final String feedsVariable;
    private final long defaultIntervalMs;
    private final Path stateDir;
    private final FetchOptions fetchOptions;
    private final List<FeedPoller> pollers = new ArrayList<>();

    /**
     * @param feedsFile     {@code $DATA_DIR/feeds.txt}, read when it exists
     * @param feedsVariable the {@code FEEDS} variable, or null
     * @param stateDir      where each feed's position is kept ({@code $DATA_DIR/sources})
     */
    public FeedVerticle(Path feedsFile, String feedsVariable, long defaultIntervalMs, Path stateDir, FetchOptions fetchOptions) {
        this.feedsFile = feedsFile;
        this.feedsVariable = feedsVariable;
        this.defaultIntervalMs = defaultIntervalMs;
        this.stateDir = stateDir;
        this.fetchOptions = fetchOptions;
    }

    private record Configured(FeedSpec spec, FeedState state) {
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(() -> {
            List<Configured> feeds = new ArrayList<>();
            for (FeedSpec spec : FeedSpec.configured(feedsFile, feedsVariable, defaultIntervalMs)) {
                feeds.add(new Configured(spec, FeedState.load(stateDir, spec.url())));
            }
            return feeds;
        }).onSuccess(feeds -> {
            Fetcher fetcher = new Fetcher(vertx, fetchOptions);
            Set<String> taken = new HashSet<>();
            feeds.forEach(feed -> taken.addAll(feed.state().seen()));
            for (Configured feed : feeds) {
                FeedPoller poller = new FeedPoller(vertx, feed.spec(), feed.state(), fetcher, stateDir, taken);
                pollers.add(poller);
                poller.start();
            }
            LOG.info("Polling {} feed(s)", feeds.size());
        });
    }

    @Override
    public Future<?> stop() {
        pollers.forEach(FeedPoller::stop);
        return Future.succeededFuture();
    }
}
