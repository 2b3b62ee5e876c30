package io.communique.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * How many of something (connections, WebSockets) each client address holds, up to a cap. An address leaves the
 * table when it holds none, so the table is as large as the clients connected now.
 */
final class PerAddress {
    private final int cap;
    private final ConcurrentMap<String, Integer> held = new ConcurrentHashMap<>();

    /** @param cap most held at once per address; 0 = no cap (still counted) */
    PerAddress(int cap) {
        this.cap = cap;
    }

    /** Takes one for the address; false, taking nothing, when it holds the cap already. */
    boolean take(String address) {
        boolean[] taken = {false};
        held.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (cap > 0 && now >= cap) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    /** Gives back one that {@link #take} took. */
    void release(String address) {
        held.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    int cap() {
        return cap;
    }
}
