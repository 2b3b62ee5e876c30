package io.communique.ingest.web;

import io.communique.ingest.IngestClient;
import io.communique.model.contracts.BusAddresses;
import io.communique.model.contracts.IngestFailures;
import io.communique.model.contracts.IngestRequest;
import io.communique.ingest.SourceStatus;
import io.communique.model.net.FetchException;
import io.communique.model.net.FetchOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Web articles by URL: fetches the page (guarded, see {@link Fetcher}), extracts its main text and hands it to
 * ingest, answering as ingest does. Failure codes: 400 bad or forbidden URL or metadata, 502 the page could not be
 * had (timeout, size limit, not HTML, no text), 503 Kafka did not acknowledge.
 */
public final class ArticleFetcher extends VerticleBase {
    /** Event-bus address: body {@code {url, published?, language?}}, reply {@code {documentId, facts: [id…]}}. */
    public static final String ADDRESS = BusAddresses.ARTICLE;
    /** The document source recorded for articles fetched by URL (the URL itself is the document's url). */
    public static final String SOURCE = "web";

    private final FetchOptions options;
    private Fetcher fetcher;
    private SourceStatus status = SourceStatus.starting("articles by URL", "web");

    public ArticleFetcher(FetchOptions options) {
        this.options = options;
    }

    @Override
    public Future<?> start() {
        fetcher = new Fetcher(vertx, options);
        status.publish(vertx);
        return vertx.eventBus().<JsonObject>consumer(ADDRESS, this::onRequest).completion();
    }

    private void onRequest(Message<JsonObject> message) {
        IngestRequest metadata;
        try {
            metadata = IngestRequest.fromJson(message.body() == null ? new JsonObject() : message.body());
        } catch (IllegalArgumentException e) {
            message.fail(FetchException.FORBIDDEN_URL, e.getMessage());
            return;
        }
        // Check url, published and language before spending a fetch on them (the text is not there yet).
        String problem = new IngestRequest("(page)", SOURCE, metadata.url(), metadata.language(), metadata.published()).problem();
        if (problem != null) {
            message.fail(FetchException.FORBIDDEN_URL, problem);
            return;
        }
        fetcher.article(metadata.url())
                .recover(error -> Future.failedFuture(new Failure(FetchException.codeOf(error), SourceStatus.describe(error))))
                .compose(article -> IngestClient.ingest(vertx, new IngestRequest(article.text(), SOURCE, metadata.url(),
                                orElse(metadata.language(), article.language()), orElse(metadata.published(), article.published())))
                        .recover(error -> Future.failedFuture(new Failure(IngestFailures.failureCode(error), SourceStatus.describe(error)))))
                .onSuccess(reply -> {
                    status = status.polled(1, List.of()).publish(vertx);
                    message.reply(reply);
                })
                .onFailure(error -> {
                    Failure failure = (Failure) error;
                    status = status.polled(0, List.of(failure.getMessage())).publish(vertx);
                    message.fail(failure.code, failure.getMessage());
                });
    }

    private static String orElse(String given, String fromPage) {
        return given != null ? given : fromPage;
    }

    /** A failure already mapped to its reply code. */
    private static final class Failure extends RuntimeException {
        final int code;

        Failure(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
