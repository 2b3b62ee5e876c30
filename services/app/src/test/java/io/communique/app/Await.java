package io.communique.app;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

/** Awaits a condition with Awaitility; says how long that took, so tests can report recovery times. */
final class Await {
    private static final long POLL_MS = 100;

    interface Condition {
        boolean holds() throws Exception;
    }

    private Await() {
    }

    /** Milliseconds until {@code condition} held; fails with {@code what} when it did not within {@code timeout}. */
    static long until(String what, Duration timeout, Condition condition) {
        long started = System.nanoTime();
        // A condition that throws (a refused connection, an unreadable answer) does not hold yet.
        try {
            Awaitility.await(what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(POLL_MS))
                    .ignoreExceptions().until(condition::holds);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what, e);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }
}
