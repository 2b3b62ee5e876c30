package io.communique.model.net;

/**
 * How pages and feeds are fetched.
 *
 * @param timeoutMs    the whole exchange (connect, headers and body) must finish within this
 * @param maxBytes     a larger body is abandoned while streaming, never buffered whole
 * @param allowPrivate also allow loopback and private-network addresses (for intranet feeds and tests);
 *                     link-local, wildcard and multicast addresses stay forbidden regardless
 */
public record FetchOptions(long timeoutMs, long maxBytes, boolean allowPrivate) {
    /** Sent with every request, so that site operators can see who fetches and why. */
    public static final String USER_AGENT = "Communique/0.1 (diplomatic news reader; +https://github.com/communique)";
}
