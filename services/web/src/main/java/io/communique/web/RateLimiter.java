package io.communique.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code perMinute} requests a minute, refilled continuously, bursts up to the same
 * number. The table of clients is bounded (least recently seen evicted), so a flood of addresses cannot exhaust
 * memory. Event-loop confined.
 */
final class RateLimiter {
    private static final int MAX_CLIENTS = 10_000;
    private static final long NANOS_PER_MINUTE = 60_000_000_000L;

    private final int perMinute;
    private final LongSupplier nanoClock;
    private final Map<String, double[]> buckets = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** @param perMinute 0 turns limiting off */
    RateLimiter(int perMinute, LongSupplier nanoClock) {
        this.perMinute = perMinute;
        this.nanoClock = nanoClock;
    }

    /** 0 when the client may go ahead (and is charged one request), else the seconds to wait. */
    long secondsToWait(String client) {
        if (perMinute <= 0) {
            return 0;
        }
        long now = nanoClock.getAsLong();
        // bucket = {tokens, last refill time in nanos}
        double[] bucket = buckets.computeIfAbsent(client, key -> new double[]{perMinute, now});
        bucket[0] = Math.min(perMinute, bucket[0] + (now - bucket[1]) * perMinute / (double) NANOS_PER_MINUTE);
        bucket[1] = now;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return 0;
        }
        double nanosToNextToken = (1 - bucket[0]) * NANOS_PER_MINUTE / perMinute;
        return Math.max(1, (long) Math.ceil(nanosToNextToken / 1e9));
    }
}
