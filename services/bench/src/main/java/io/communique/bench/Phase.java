package io.communique.bench;

/** The parts of a bench run, each with the figures it measures; lower case, as typed after {@code --only}. */
enum Phase {
    /** {@code extract.throughput} */
    extract,
    /**
     * {@code kafka.consume}, {@code live.throughput}, {@code rebuild.throughput}, {@code live.ratio},
     * {@code rebuild.ratio}: the app's projection, on embedded brokers of its own
     */
    rebuild,
    /**
     * {@code e2e.p50}, {@code e2e.p99}, {@code kafka.e2e.p99}, {@code fanout.msgs}, {@code dashboard.bytes},
     * {@code update.p99}, {@code rss.peak} (the app's process), {@code rss.clients} (the bench's)
     */
    live
}
