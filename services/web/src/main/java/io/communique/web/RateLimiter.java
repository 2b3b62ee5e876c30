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
        long wait = secondsUntilFree(client);
        if (wait == 0) {
            charge(client);
        }
        return wait;
    }

    /** 0 when the client has a request left (nothing is charged), else the seconds until it has. */
    long secondsUntilFree(String client) {
        if (perMinute <= 0) {
            return 0;
        }
        double tokens = refilled(client)[0];
        if (tokens >= 1) {
            return 0;
        }
        double nanosToNextToken = (1 - tokens) * NANOS_PER_MINUTE / perMinute;
        return Math.max(1, (long) Math.ceil(nanosToNextToken / 1e9));
    }

    /** Charges the client one request. */
    void charge(String client) {
        if (perMinute > 0) {
            refilled(client)[0] -= 1;
        }
    }

    /** The client's bucket, {tokens, last refill time in nanos}, refilled up to now. */
    private double[] refilled(String client) {
        long now = nanoClock.getAsLong();
        double[] bucket = buckets.computeIfAbsent(client, key -> new double[]{perMinute, now});
        bucket[0] = Math.min(perMinute, bucket[0] + (now - bucket[1]) * perMinute / (double) NANOS_PER_MINUTE);
        bucket[1] = now;
        return bucket;
    }
}
