package io.communique.web;

/**
 * What one client, or all of them, may hold of a web instance (see docs/operations.md, "Limits"). A cap of 0 is none.
 *
 * @param connectionsPerAddress HTTP connections open at once from one client address, WebSockets included; the
 *                              request on one more is answered 429 and its connection closed
 * @param webSocketsPerAddress  WebSockets ({@code /ws} and {@code /ws/replay}) open at once from one address; one
 *                              more is answered 429 instead of upgraded
 * @param concurrentReplays     time-lapses ({@code /ws/replay}) open at once on the instance, each holding its
 *                              period's facts; one more is answered 429
 * @param replayMaxFacts        facts one time-lapse may hold: a period with more is closed with 1008, saying so
 * @param idleTimeoutSeconds    an HTTP connection with nothing read or written for this long is closed
 * @param webSocketIdleSeconds  a {@code /ws} client that sent nothing, not even the pong to a ping, for this long is
 *                              closed with 1001; it is pinged every third of this
 */
public record ReadLimits(int connectionsPerAddress, int webSocketsPerAddress, int concurrentReplays,
                         int replayMaxFacts, int idleTimeoutSeconds, int webSocketIdleSeconds) {
    /**
     * A browser opens at most six connections to a host and one WebSocket per tab: 64 and 16 leave room for a few
     * people behind one address (an office's NAT) while one program cannot hold the instance's file descriptors.
     * Four time-lapses of at most 10,000 facts (a few KB each on the heap) hold about 100 MB at worst.
     */
    public static final ReadLimits DEFAULT = new ReadLimits(64, 16, 4, 10_000, 120, 90);
    /** No caps and no timeouts: for tests that crowd one server from one address. */
    static final ReadLimits NONE = new ReadLimits(0, 0, 0, 0, 0, 0);

    public ReadLimits {
        if (connectionsPerAddress < 0 || webSocketsPerAddress < 0 || concurrentReplays < 0 || replayMaxFacts < 0
                || idleTimeoutSeconds < 0 || webSocketIdleSeconds < 0) {
            throw new IllegalArgumentException("read limits must not be negative: " + this);
        }
    }

    /** How often {@code /ws} clients are pinged: often enough that a live one is never idle for long. */
    long pingIntervalMs() {
        return webSocketIdleSeconds == 0 ? 30_000 : Math.max(100, webSocketIdleSeconds * 1000L / 3);
    }
}
