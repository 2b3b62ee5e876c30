package io.communique.web;

/**
 * How often, and how much, a dashboard's WebSocket is told: at most one {@code update} message every
 * {@code intervalMs}, with at most {@code maxFacts} new facts (and as many retracted ids), the rest counted as omitted.
 * So a client's messages and bytes per second stay bounded whatever the ingest rate.
 *
 * @param intervalMs least time between two updates to a client (configured by {@code LIVE_INTERVAL_MS})
 * @param maxFacts   most facts, and most retracted ids, one update lists (configured by {@code LIVE_MAX_FACTS})
 */
public record LivePace(long intervalMs, int maxFacts) {
    /** Four updates a second of up to 20 facts each: more than a person reads, little enough for 1,000 dashboards. */
    public static final LivePace DEFAULT = new LivePace(250, 20);

    public LivePace {
        if (intervalMs < 1 || maxFacts < 1) {
            throw new IllegalArgumentException("the live interval and the facts per update must be at least 1");
        }
    }
}
