package io.communique.model.net;

/**
 * Why a page was not fetched, with the event-bus failure code to answer: {@link #FORBIDDEN_URL} when the URL itself
 * is wrong or points somewhere we must not go, {@link #UNREACHABLE} when the page could not be had.
 */
public final class FetchException extends RuntimeException {
    /** The URL is malformed, not http(s), or resolves to an address we refuse (SSRF guard). */
    public static final int FORBIDDEN_URL = 400;
    /** Timeout, DNS failure, HTTP error status, too large, not HTML, no text. */
    public static final int UNREACHABLE = 502;

    private final int code;

    public FetchException(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The failure code for any error of a fetch: ours carry one; anything else means the page was unreachable. */
    public static int codeOf(Throwable error) {
        return error instanceof FetchException fetch ? fetch.code() : UNREACHABLE;
    }
}
