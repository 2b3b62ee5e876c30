package io.communique.model;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The extractor's key of the real-world event a fact reports: a pure function of the fact's content, so reports that
 * agree on every field of the key get the same id in any process, in any order, without shared state. Reports that
 * differ in date, year or title language are one event only by the projection's event resolver, which groups the
 * event views (docs/events.md).
 *
 * <p>The key is the type family, the sorted participants and the date, plus the normalised title for signed
 * documents:
 * <ul>
 *   <li>TALKS and MEETING are one family, the encounter: outlets call the same talks "会谈", "held talks" or "met",
 *       and the same parties rarely hold both on one day (when they do, the two merge, with both types shown).</li>
 *   <li>The date is the start day: a visit reported on arrival ("arrived on the 3rd") and later with its range
 *       ("July 3-8") share it; a later end date refines the event, it does not split it.</li>
 *   <li>A date without year ("--07-03") keys apart from the full date of the same day: keying every event on month
 *       and day alone would merge the same parties' encounters of different years, which a busy pair has on the
 *       same day of some year every few years. Year-less reports of one day merge among themselves.</li>
 *   <li>A fact without date is an event of its own (keyed by its fact id): undated reports cannot be told apart.</li>
 *   <li>A report's second fact of the same type, parties and day (the extractor found two encounters, say the
 *       leaders' and the ministers') is a second event: the n-th such fact of one report merges with the n-th of
 *       another.</li>
 *   <li>The initiator is left out: a visit's direction is the same in every report of it, and reports that do not
 *       say who travelled still merge.</li>
 * </ul>
 */
public final class EventIds {
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private EventIds() {
    }

    /**
     * The fact linked to its event: with {@link Fact#eventId()} set from its content.
     *
     * @param ordinal which of the report's facts of the same type, participants and date this is (0 for the first)
     */
    public static Fact link(Fact fact, int ordinal) {
        String eventId = of(fact.id(), fact.type(), fact.participants(), fact.date(), fact.title(), ordinal);
        return new Fact(fact.id(), fact.documentId(), fact.source(), fact.type(), fact.participants(), fact.initiator(),
                fact.persons(), fact.date(), fact.endDate(), fact.location(), fact.title(), fact.topics(),
                fact.confidence(), fact.evidence(), fact.extractor(), eventId, fact.partOf(), fact.codes(),
                fact.provenance());
    }

    /**
     * The first 128 bits of SHA-256 over the event key, as lower-case hex.
     *
     * @param factId       only used when {@code date} is null: the fact is then an event of its own
     * @param participants sorted
     * @param ordinal      which of the report's facts of the same type, participants and date this is
     */
    public static String of(String factId, FactType type, List<String> participants, String date, String title,
                            int ordinal) {
        String key = date == null ? "fact|" + factId
                : String.join("|", family(type), String.join(",", participants), date,
                signed(type) ? normaliseTitle(title) : "", Integer.toString(ordinal));
        return Ids.sha256Hex("event|" + key).substring(0, 32);
    }

    /** The family a type is keyed by: TALKS and MEETING are one encounter, every other type its own. */
    private static String family(FactType type) {
        return type == FactType.TALKS || type == FactType.MEETING ? "ENCOUNTER" : type.name();
    }

    private static boolean signed(FactType type) {
        return type == FactType.AGREEMENT_SIGNED || type == FactType.STATEMENT_SIGNED;
    }

    /**
     * A title as compared across reports: NFKC, lower case, letters and digits only, so quotes, 《》 and spacing
     * differ freely; empty for an unnamed document or batch.
     */
    static String normaliseTitle(String title) {
        if (title == null) {
            return "";
        }
        return NOT_WORD.matcher(Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }
}
