package io.communique.projection;

import io.communique.model.Fact;

/**
 * Where a view reads back a fact it no longer holds. Views keep only their first facts in memory; when one of those
 * leaves (a retraction, or a re-extraction that moved it), the next one comes back from the log by its locator,
 * the position the view was given when the fact was folded in.
 */
@FunctionalInterface
interface FactSource {
    /** For views that are never asked to read back: each fact they saw is still among their first ones. */
    FactSource NONE = locator -> {
        throw new IllegalStateException("this view keeps no way to read a fact back (locator " + locator + ")");
    };

    /** The locator of a fact folded into a view that reads from {@link #NONE}: it is never read back. */
    long NO_LOCATOR = -1;

    Fact read(long locator);
}
