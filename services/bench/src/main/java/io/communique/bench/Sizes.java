package io.communique.bench;

/**
 * How big a bench run is.
 *
 * @param extractSeconds  how long extraction is measured (after as long a warm-up)
 * @param facts           facts in the fact topic that is read, drained by the live projection and rebuilt (the
 *                        router writes about 3.7 routed records per fact: ~0.6 GB of JSON at the full size)
 * @param rebuildSeconds  the live drain and each rebuild stop after this long, so a slow fold cannot make the run
 *                        endless
 * @param clients         connected WebSocket clients in the end-to-end test
 * @param factsPerSecond  the steady rate at which reports are posted, counted in facts
 * @param e2eSeconds      how long the end-to-end rate is held and measured (after a warm-up of a fifth of it)
 * @param soakFacts       facts in the log the soak's web catches up with (and a third as many documents); it may take
 *                        up to 30 times {@code rebuildSeconds}
 */
record Sizes(double extractSeconds, int facts, double rebuildSeconds, int clients, int factsPerSecond, int e2eSeconds,
             int soakFacts) {
    static final Sizes FULL = new Sizes(20, 200_000, 240, 1000, 1000, 60, 1_000_000);
    static final Sizes QUICK = new Sizes(5, 100_000, 120, 100, 200, 10, 100_000);
}
