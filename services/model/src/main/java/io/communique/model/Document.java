package io.communique.model;

/**
 * A report as received: the value of {@link Topics#DOCUMENTS}.
 *
 * @param id         SHA-256 of the normalised text, see {@link Ids#documentId}
 * @param source     where it came from: a file path, "http", a feed URL…
 * @param language   "zh", "zh-Hant", "en", or null when unknown
 * @param published  "YYYY-MM-DD" or null; relative dates in the text resolve against it
 * @param receivedAt ISO-8601 instant of the first ingest (informational only: never folded into views)
 */
public record Document(
        String id,
        String text,
        String source,
        String url,
        String language,
        String published,
        String receivedAt) {

    /** A new document whose id is derived from its text. */
    public static Document of(String text, String source, String url, String language, String published, String receivedAt) {
        return new Document(Ids.documentId(text), text, source, url, language, published, receivedAt);
    }
}
