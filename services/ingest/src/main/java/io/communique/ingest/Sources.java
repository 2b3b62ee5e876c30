package io.communique.ingest;

import io.communique.ingest.feed.FeedVerticle;
import io.communique.ingest.inbox.InboxVerticle;
import io.communique.ingest.raw.RawDocumentsVerticle;
import io.communique.ingest.web.ArticleFetcher;
import io.communique.model.net.FetchOptions;
import io.communique.kafka.KafkaSettings;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import java.nio.file.Path;

/**
 * The live sources, each its own verticle feeding {@link IngestVerticle} over the event bus: web articles by URL
 * ({@link ArticleFetcher}), RSS/Atom feeds, the inbox folder and the raw-documents topic. Answers
 * {@link SourceStatus#ADDRESS} with every source's status. Deploy it after the ingest verticle.
 */
public final class Sources extends VerticleBase {

    /**
     * @param dataDir        holds {@code feeds.txt}, {@code sources/} (feed positions) and {@code inbox/}
     * @param feeds          the {@code FEEDS} variable (comma-separated {@code URL [interval]}), or null
     * @param feedIntervalMs how often a feed without its own interval is polled
     * @param maxDocumentBytes the largest inbox file taken: the API's document limit
     */
    public record Options(Path dataDir, String feeds, long feedIntervalMs, FetchOptions fetch, long maxDocumentBytes) {
    }

    private final KafkaSettings settings;
    private final Options options;

    public Sources(KafkaSettings settings, Options options) {
        this.settings = settings;
        this.options = options;
    }

    @Override
    public Future<?> start() {
        Path dataDir = options.dataDir();
        return SourceStatus.serve(vertx)
                .compose(v -> vertx.deployVerticle(new ArticleFetcher(options.fetch())))
                .compose(v -> vertx.deployVerticle(new FeedVerticle(dataDir.resolve("feeds.txt"), options.feeds(),
                        options.feedIntervalMs(), dataDir.resolve("sources"), options.fetch())))
                .compose(v -> vertx.deployVerticle(new InboxVerticle(dataDir.resolve("inbox"), options.maxDocumentBytes())))
                .compose(v -> vertx.deployVerticle(new RawDocumentsVerticle(settings, Math.toIntExact(options.maxDocumentBytes()))));
    }
}
