package io.communique.bench;

import java.io.PrintStream;

/** Says "PHASE: N of SIZE records" each time a long read has done another {@link #EVERY} records. */
final class RecordProgress {
    static final int EVERY = 100_000;

    private final PrintStream out;
    private final String phase;
    private final long size;
    private long next = EVERY;

    RecordProgress(PrintStream out, String phase, long size) {
        this.out = out;
        this.phase = phase;
        this.size = size;
    }

    /** Reports {@code done} records if another step was passed since the last report. */
    void reached(long done) {
        if (done >= next) {
            out.printf("%s: %,d of %,d records%n", phase, done, size);
            next = (done / EVERY + 1) * EVERY;
        }
    }
}
