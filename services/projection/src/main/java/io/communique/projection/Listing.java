package io.communique.projection;

import io.communique.model.Fact;
import io.communique.model.FactReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a view's list keeps of a fact it shows: the record, read whole when the view is materialised. Not the
 * {@link FoldedFact}, whose outline, shape and keys the list does not need: a list's facts live long enough to be
 * copied by the garbage collector, so they should be few objects and bytes. Not thread-safe, as the view holding it.
 */
final class Listing {
    private static final Logger LOG = LoggerFactory.getLogger(Listing.class);

    private final long locator;
    private final byte[] json;
    private Fact fact;
    private boolean unreadable;

    /** A record's value ({@code json}), or a fact read already ({@code fact}), found at {@code locator}. */
    Listing(long locator, byte[] json, Fact fact) {
        this.locator = locator;
        this.json = json;
        this.fact = fact;
    }

    long locator() {
        return locator;
    }

    /** The whole fact, read on first use; throws {@link IllegalArgumentException} when the record holds no valid fact. */
    Fact fact() {
        if (fact == null) {
            fact = FactReader.read(json);
        }
        return fact;
    }

    /**
     * The whole fact, for a view's list; null, logged once, when the record holds no valid fact. The router has
     * read every routed record whole before, so this means a record nobody validated reached a routed topic: the
     * views count it by its outline but cannot show it.
     */
    Fact listed() {
        if (unreadable) {
            return null;
        }
        try {
            return fact();
        } catch (IllegalArgumentException e) {
            unreadable = true;
            LOG.error("A fact record (locator {}) is left out of its views' lists: {}", locator, e.getMessage());
            return null;
        }
    }
}
