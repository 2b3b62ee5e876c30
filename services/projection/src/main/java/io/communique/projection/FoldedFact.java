package io.communique.projection;

import io.communique.model.Fact;
import io.communique.model.FactOutline;
import io.communique.model.FactReader;

import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * A fact as a view folds it, with what the view needs computed once: its key, rank, content hash, shape and event,
 * and its locator in the log the view reads facts back from. Read from a record, it starts as an outline; the whole
 * fact is read only when a view that lists it is materialised.
 */
final class FoldedFact {
    private final FactOutline outline;
    private final FactKey key;
    private final Rank rank;
    private final long content;
    private final Shape shape;
    private final FactKey event;
    private final Listing listing;

    private FoldedFact(FactOutline outline, long content, long locator, byte[] json, Fact fact) {
        this.outline = outline;
        this.key = FactKey.of(outline.id());
        this.rank = new Rank(Rank.order(outline.date()), key);
        this.content = content;
        this.shape = new Shape(outline.type(), outline.initiator(), outline.participants(), outline.topics());
        this.event = outline.eventId() == null ? null : FactKey.of(outline.eventId());
        this.listing = new Listing(locator, json, fact);
    }

    /** A fact already read, found at {@code locator}. */
    static FoldedFact of(Fact fact, long locator) {
        return new FoldedFact(FactOutline.of(fact), contentHash(fact), locator, null, fact);
    }

    /** A fact record's value, found at {@code locator}: only its outline is read now. */
    static FoldedFact read(byte[] json, long locator) {
        CRC32 crc = new CRC32();
        crc.update(json);
        CRC32C crcC = new CRC32C();
        crcC.update(json);
        return new FoldedFact(FactReader.outline(json), crc.getValue() << 32 | crcC.getValue(), locator, json, null);
    }

    FactOutline outline() {
        return outline;
    }

    /** The whole fact, read on first use; throws {@link IllegalArgumentException} when the record holds no valid fact. */
    Fact fact() {
        return listing.fact();
    }

    /** What a view's list keeps of the fact. */
    Listing listing() {
        return listing;
    }

    FactKey key() {
        return key;
    }

    Rank rank() {
        return rank;
    }

    /** Equal for the same fact again: 64 bits of CRCs over the record, or of field hashes for a fact read already. */
    long content() {
        return content;
    }

    Shape shape() {
        return shape;
    }

    FactKey event() {
        return event;
    }

    long locator() {
        return listing.locator();
    }

    /**
     * 64 bits over the hashes of every field: a re-delivery matches; a changed fact does not, unless the changed
     * field's own 32-bit hash collides (about one in four billion changes would then go unseen).
     */
    private static long contentHash(Fact fact) {
        long hash = 1;
        for (Object field : new Object[]{fact.id(), fact.documentId(), fact.source(), fact.type(), fact.participants(),
                fact.initiator(), fact.persons(), fact.date(), fact.endDate(), fact.location(), fact.title(),
                fact.topics(), fact.confidence(), fact.evidence(), fact.extractor(), fact.eventId(), fact.partOf(),
                fact.codes(), fact.provenance()}) {
            hash = hash * 0x9E3779B97F4A7C15L + Objects.hashCode(field);
        }
        return hash;
    }
}
