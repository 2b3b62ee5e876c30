package io.communique.model;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct value, for values that recur across many facts: what is kept on the heap then
 * costs once, and equal values are often the same object. Bounded, so that unusual input cannot grow it without end:
 * once full, new values are returned as they are. Thread-safe.
 */
public final class Interner<T> {
    private final Map<T, T> shared = new ConcurrentHashMap<>();
    private final int maxCount;

    public Interner(int maxCount) {
        this.maxCount = maxCount;
    }

    /** The shared instance equal to {@code value}, or {@code value} itself (null stays null). */
    public T intern(T value) {
        if (value == null) {
            return null;
        }
        T known = shared.get(value);
        if (known != null) {
            return known;
        }
        if (shared.size() < maxCount) {
            known = shared.putIfAbsent(value, value);
        }
        return known != null ? known : value;
    }
}
