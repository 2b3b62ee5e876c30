package io.communique.model.contracts;

/**
 * The Vert.x event-bus addresses on which the stages of one instance answer each other. The web tier sends to them
 * without knowing which module serves them; the serving verticle names the same constant.
 */
public final class BusAddresses {
    /** Served by ingest: body {@link IngestRequest#toJson()}, reply {@code {documentId, facts: [id…]}}; failures {@link IngestFailures}. */
    public static final String INGEST = "communique.ingest";
    /** Served by ingest: re-extract every document with the current extractor; replies with the diff report. */
    public static final String REEXTRACT = "communique.ingest.reextract";
    /**
     * Served by ingest's article fetcher: body {@code {url, published?, language?}}, reply as {@link #INGEST}; failure
     * codes 400 bad or forbidden URL, 502 page not to be had ({@link io.communique.model.net.FetchException}), 503.
     */
    public static final String ARTICLE = "communique.ingest.article";
    /** Served by ingest: any body; reply = JSON array of every live source's status. */
    public static final String SOURCES_STATUS = "communique.sources.status";
    /** Served by the projection: rebuild the views from the fact topic; replies with a summary. */
    public static final String PROJECTION_REBUILD = "communique.projection.rebuild";

    private BusAddresses() {
    }
}
