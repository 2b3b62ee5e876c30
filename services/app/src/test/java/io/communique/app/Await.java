package io.communique.app;

import java.time.Duration;

/** Polls a condition until it holds; says how long that took, so tests can report recovery times. */
final class Await {
    private static final long POLL_MS = 100;

    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Milliseconds until {@code condition} held; fails with {@code what} when it did not within {@code timeout}. */
    static long until(String what, Duration timeout, Condition condition) throws Exception {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            Thread.sleep(POLL_MS);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** A condition that throws (a refused connection, an unreadable answer) does not hold yet. */
    private static boolean holds(Condition condition) throws InterruptedException {
        try {
            return condition.holds();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return false;
        }
    }
}
