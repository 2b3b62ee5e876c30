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
    live,
    /**
     * {@code soak.*}: the web alone over a large log, in a JVM of its own (memory, latency, restart); only when asked
     * for, as it takes long
     */
    soak;

    /** What a run without {@code --only} measures: every phase but the soak. */
    static java.util.Set<Phase> byDefault() {
        return java.util.EnumSet.complementOf(java.util.EnumSet.of(soak));
    }
}
