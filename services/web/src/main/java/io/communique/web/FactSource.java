package io.communique.web;

import io.communique.model.Fact;
import io.communique.model.FactCursor;
import io.communique.model.FactQuery;
import io.vertx.core.Future;

import java.util.List;

/**
 * What the bulk export and the updates feed read from the web's fact store, and all they read: the store on disk
 * answers on a worker ({@link FactStore#source}), hence futures. Called on the web verticle's event loop; an
 * implementation must not block it.
 */
public interface FactSource {

    /**
     * Facts matching the query in listing order (most recent first, then by id: {@link FactStore#facts}), from just
     * after {@code after} (null: the first). At most {@code max}, and maybe fewer even before the end: a store may stop
     * after scanning a bounded number of facts, so one call never takes long.
     */
    Future<Page> facts(FactQuery query, Fact after, int max);

    /** Every fact that changed in the fact topic at or after the cursor, once each, as it is now; at most {@code max}. */
    Future<Updates> updates(FactCursor since, int max);

    /** Where the store stands in the fact topic: every record before it is reflected in the facts. */
    FactCursor cursor();

    /** @param resumeAfter where the next page starts (pass as {@code after}); null when the last fact was reached */
    record Page(List<Fact> facts, Fact resumeAfter) {
        public Page {
            facts = List.copyOf(facts);
        }
    }

    /** @param more whether more changes are to be had at once from {@code next} */
    record Updates(List<Update> changes, FactCursor next, boolean more) {
        public Updates {
            changes = List.copyOf(changes);
        }
    }

    /** @param fact the fact as it is now; null when retracted */
    record Update(Kind kind, String id, Fact fact) {
    }

    /** Relative to the client's cursor: a fact it cannot have, one it may have in an older version, one to delete. */
    enum Kind { ADDED, CHANGED, RETRACTED }
}
