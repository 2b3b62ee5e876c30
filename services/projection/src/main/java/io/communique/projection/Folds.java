package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Fact;
import io.communique.model.FactOutline;
import io.communique.model.FactReader;
import io.communique.model.FactType;
import io.communique.model.Interner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/** What the country and topic folds share: facts in view order, events counted once, and ranked counts. */
final class Folds {
    private static final Logger LOG = LoggerFactory.getLogger(Folds.class);
    private static final Comparator<Count> BY_COUNT = Comparator.comparingInt(Count::count).reversed()
            .thenComparing(Count::key);

    private Folds() {
    }

    /**
     * What a view counts and lists a fact by. Few distinct ones, so a view stores an index to a shared one; its hash
     * is computed once, as every view it enters looks it up.
     */
    static final class Shape {
        /** Shapes seen so far, one instance each, so views find theirs by identity; bounded against unusual input. */
        private static final Interner<Shape> SHARED = new Interner<>(100_000);

        private final FactType type;
        private final String initiator;
        private final List<String> participants;
        private final List<String> topics;
        private final int hash;

        /** The shared instance of this shape. */
        static Shape of(FactType type, String initiator, List<String> participants, List<String> topics) {
            return SHARED.intern(new Shape(type, initiator, participants, topics));
        }

        private Shape(FactType type, String initiator, List<String> participants, List<String> topics) {
            this.type = type;
            this.initiator = initiator;
            this.participants = participants;
            this.topics = topics;
            // Not Objects.hash: its calls of hashCode on mixed types reach an enum's native identity hash every time.
            int typeHash = type == null ? 0 : type.ordinal() + 1;
            this.hash = ((typeHash * 31 + Objects.hashCode(initiator)) * 31 + participants.hashCode()) * 31 + topics.hashCode();
        }

        FactType type() {
            return type;
        }

        String initiator() {
            return initiator;
        }

        List<String> participants() {
            return participants;
        }

        List<String> topics() {
            return topics;
        }

        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof Shape shape && hash == shape.hash && type == shape.type
                    && Objects.equals(initiator, shape.initiator) && participants.equals(shape.participants)
                    && topics.equals(shape.topics);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A fact as the views fold it, with what each of them needs computed once: its key, rank, content hash, shape
     * and event, and its locator in the log the views read facts back from. Read from a record, it starts as an
     * outline; the whole fact is read only when a view that lists it is materialised.
     */
    static final class Folded {
        private final FactOutline outline;
        private final FactKey key;
        private final Rank rank;
        private final long content;
        private final Shape shape;
        private final FactKey event;
        private final long locator;
        private final byte[] json;
        /** Volatile: one thread may read a record's outline and hand it to stores on other threads. */
        private volatile Fact fact;
        private volatile boolean unreadable;

        private Folded(FactOutline outline, long content, long locator, byte[] json, Fact fact) {
            this.outline = outline;
            this.key = FactKey.of(outline.id());
            this.rank = new Rank(Rank.order(outline.date()), key);
            this.content = content;
            this.shape = Shape.of(outline.type(), outline.initiator(), outline.participants(), outline.topics());
            this.event = outline.eventId() == null ? null : FactKey.of(outline.eventId());
            this.locator = locator;
            this.json = json;
            this.fact = fact;
        }

        /** A fact already read, found at {@code locator}. */
        static Folded of(Fact fact, long locator) {
            return new Folded(FactOutline.of(fact), contentHash(fact), locator, null, fact);
        }

        /** A fact record's value, found at {@code locator}: only its outline is read now. */
        static Folded read(byte[] json, long locator) {
            CRC32 crc = new CRC32();
            crc.update(json);
            CRC32C crcC = new CRC32C();
            crcC.update(json);
            return new Folded(FactReader.outline(json), crc.getValue() << 32 | crcC.getValue(), locator, json, null);
        }

        FactOutline outline() {
            return outline;
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
            return locator;
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

    /** Takes the events of one shape: those whose representative report has this shape. */
    interface EventCounter {
        void count(Shape shape, int events);
    }

    /**
     * Where a fact sorts in a view: most recent first ({@link #order} from its recency key), undated last, ties by
     * id. Comparing two longs and a key, never strings: a view holding a million facts compares often.
     */
    record Rank(long order, FactKey key) implements Comparable<Rank> {
        @Override
        public int compareTo(Rank other) {
            int byOrder = Long.compare(other.order, order);
            return byOrder != 0 ? byOrder : key.compareTo(other.key);
        }

        /**
         * YYYYMMDD for "YYYY-MM-DD", MMDD for a year-less "--MM-DD" (before every dated year), -1 without a date
         * (last): the order of {@link Fact#recencyKey()}, without building it. Other forms break the fact schema.
         */
        static long order(String date) {
            if (date == null) {
                return -1;
            }
            if (date.length() == 10 && date.charAt(4) == '-' && date.charAt(7) == '-') {
                return digits(date, 0, 4) * 10_000 + digits(date, 5, 7) * 100 + digits(date, 8, 10);
            }
            if (date.length() == 7 && date.startsWith("--") && date.charAt(4) == '-') {
                return digits(date, 2, 4) * 100 + digits(date, 5, 7);
            }
            throw new IllegalArgumentException("not a date of the fact schema (YYYY-MM-DD or --MM-DD): " + date);
        }

        private static long digits(String date, int from, int to) {
            long value = 0;
            for (int i = from; i < to; i++) {
                char c = date.charAt(i);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("not a date of the fact schema (YYYY-MM-DD or --MM-DD): " + date);
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }

    /**
     * The first facts of a list in view order, at most {@code limit}: what the view shows. They are kept as folded,
     * and read whole only when the view is materialised, so that a fact that enters and leaves between two
     * materialisations (most of them, in a rebuild) is never read whole.
     */
    private static final class FirstFacts {
        private static final int INITIAL_ROOM = 8;

        private final int limit;
        /** Ranks in view order, and their facts, in the first {@code size} places: a list this short is sorted fastest. */
        private Rank[] ranks = new Rank[0];
        private Folded[] facts = new Folded[0];
        private int size;

        FirstFacts(int limit) {
            this.limit = limit;
        }

        /** Whether a fact of this rank enters: it ranks before the last of them, or there is room and none waits. */
        boolean takes(Rank rank, boolean othersWait) {
            return size < limit && !othersWait || size > 0 && rank.compareTo(ranks[size - 1]) < 0;
        }

        /** Adds a fact (replacing one of the same rank), letting the last one go when there are too many. */
        void add(Rank rank, Folded fact) {
            int at = Arrays.binarySearch(ranks, 0, size, rank);
            if (at >= 0) {
                facts[at] = fact;
                return;
            }
            at = -at - 1;
            if (at == limit) {
                return; // ranks after all of them, which are as many as the list shows
            }
            if (size == limit) {
                size--; // the last one goes
            } else if (size == ranks.length) {
                int room = Math.min(limit, Math.max(INITIAL_ROOM, size * 2));
                ranks = Arrays.copyOf(ranks, room);
                facts = Arrays.copyOf(facts, room);
            }
            System.arraycopy(ranks, at, ranks, at + 1, size - at);
            System.arraycopy(facts, at, facts, at + 1, size - at);
            ranks[at] = rank;
            facts[at] = fact;
            size++;
        }

        void remove(Rank rank) {
            int at = Arrays.binarySearch(ranks, 0, size, rank);
            if (at >= 0) {
                size--;
                System.arraycopy(ranks, at + 1, ranks, at, size - at);
                System.arraycopy(facts, at + 1, facts, at, size - at);
                ranks[size] = null;
                facts[size] = null;
            }
        }

        boolean contains(Rank rank) {
            return Arrays.binarySearch(ranks, 0, size, rank) >= 0;
        }

        /** Adds the first facts of another list of the same view, keeping the first of both. */
        void addAll(FirstFacts other) {
            for (int i = 0; i < other.size; i++) {
                add(other.ranks[i], other.facts[i]);
            }
        }

        int size() {
            return size;
        }

        List<Fact> facts() {
            List<Fact> listed = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                Fact fact = facts[i].listed();
                if (fact != null) {
                    listed.add(fact);
                }
            }
            return listed;
        }
    }

    /**
     * The facts of one view, in primitive {@link KeyTable}s: per fact its rank, a hash of its content, its locator
     * in the log, its event and its {@link Shape}; as folded only the first {@code limit} of each of the view's lists
     * (list 0 holds every fact; a view may sort facts into more lists by their shape). A fact that leaves the first
     * ones of a list is replaced by the best of the others, read back from the {@link FactSource} — rare, and never
     * on the path of new facts.
     *
     * <p>Reports of one real-world event share an event id (a fact without one is its own event); each event is
     * counted once, from its representative, the report with the smallest id, so the counts are the same whatever
     * order the reports arrive in. Events are counted per shape: a view's counts (counterparts, topics, lists) are
     * sums over its shapes, taken when it is materialised, not maps updated on every fact. Not thread-safe.
     */
    static final class FactSet {
        /**
         * Columns of a fact's row. PACKED holds its rank's order + 1 (27 bits: YYYYMMDD at most), whether it has an
         * event (1 bit) and its shape id (32 bits), so that a row is 8 longs (64 bytes) rather than 10.
         */
        private static final int PACKED = 0, CONTENT = 1, LOCATOR = 2, EVENT_HI = 3, EVENT_LO = 4;
        private static final int ORDER_SHIFT = 33, HAS_EVENT_BIT = 32;
        /** The shape id's bits of PACKED: the low 32, read with a cast to int. */
        private static final long SHAPE_ID_BITS = 0xFFFF_FFFFL;
        private static final int REPRESENTATIVE_HI = 0, REPRESENTATIVE_LO = 1, REPORTS = 2;

        private final KeyTable facts = new KeyTable(5);
        private final KeyTable events = new KeyTable(3);
        private final List<Shape> shapes = new ArrayList<>();
        private final Map<Shape, Integer> shapeIds = new HashMap<>();
        private final ToIntFunction<Shape> extraList;
        private final FirstFacts[] lists;
        private final int[] listSizes;
        /** Events per shape id, counted through their representatives: the views' counts are sums over shapes. */
        private int[] eventsByShape = new int[8];
        /** The list other than 0 that facts of each shape id are on, or -1: asked of {@code extraList} once per shape. */
        private int[] extraListByShape = new int[8];
        private final FactSource source;
        /** Facts without an event id: each is an event of its own. */
        private int ownEvents;

        /**
         * @param lists     how many lists the view has, list 0 (every fact) included
         * @param extraList the list other than 0 a fact of this shape is on, or -1
         */
        FactSet(int limit, int lists, ToIntFunction<Shape> extraList, FactSource source) {
            this.extraList = extraList;
            this.lists = new FirstFacts[lists];
            this.listSizes = new int[lists];
            for (int list = 0; list < lists; list++) {
                this.lists[list] = new FirstFacts(limit);
            }
            this.source = source;
        }

        /**
         * Adds the fact, replacing the one with the same id; false when that one is the same (by its content hash: a
         * re-delivery) and nothing else changed.
         */
        boolean put(Folded folded) {
            FactKey key = folded.key();
            Rank rank = folded.rank();
            long content = folded.content();
            int shape = shapeId(folded.shape());
            FactKey event = folded.event();
            int slot = facts.find(key);
            if (slot >= 0 && facts.get(CONTENT, slot) == content) {
                return refill(null); // normally false; true when it fills what a failed read-back left short
            }
            boolean joins = true;
            if (slot >= 0) {
                unlist(slot);
                if (Objects.equals(event, event(slot))) { // the usual re-extraction: same event, maybe another shape
                    joins = false;
                    if (representative(slot)) {
                        countEvent(shape(slot), -1);
                        countEvent(shape, 1);
                    }
                } else {
                    leaveEvent(slot);
                }
                slot = facts.find(key);
            } else {
                slot = facts.add(key);
            }
            facts.set(PACKED, slot, (rank.order() + 1) << ORDER_SHIFT | (event == null ? 0 : 1L << HAS_EVENT_BIT) | shape);
            facts.set(CONTENT, slot, content);
            facts.set(LOCATOR, slot, folded.locator());
            facts.set(EVENT_HI, slot, event == null ? 0 : event.hi());
            facts.set(EVENT_LO, slot, event == null ? 0 : event.lo());
            if (joins) {
                joinEvent(key, shape, event);
            }
            list(0, rank, folded);
            int extra = extraListByShape[shape];
            if (extra > 0) {
                list(extra, rank, folded);
            }
            refill(folded);
            return true;
        }

        /** Counts a fact on a list, and puts it among the list's first ones if it ranks there. */
        private void list(int list, Rank rank, Folded folded) {
            if (lists[list].takes(rank, othersWait(list))) {
                lists[list].add(rank, folded);
            }
            listSizes[list]++;
        }

        /** Whether the list has facts that are not among its first ones. */
        private boolean othersWait(int list) {
            return listSizes[list] > lists[list].size();
        }

        /** Removes the fact with this id; false when there was none (and nothing else changed). */
        boolean remove(String id) {
            int slot = facts.find(FactKey.of(id));
            if (slot < 0) {
                // A batch replayed after a failed read-back finds the fact gone: fill what that left short.
                return refill(null);
            }
            unlist(slot);
            leaveEvent(slot);
            facts.remove(slot);
            refill(null);
            return true;
        }

        /**
         * Adds the facts of another set of the same view, folded from other partitions of the log, as if they had
         * been folded into this one: a rebuild's threads fold their partitions in parallel, each into sets of its
         * own, and merge them when all are read. The sets must hold different facts, as partitions do (a fact's
         * records all have its key); reports of one event may be in both, and the event is counted once. The other
         * set is not to be used afterwards.
         *
         * @throws IllegalArgumentException when a fact is in both sets
         */
        void merge(FactSet other) {
            int[] shapeIds = new int[other.shapes.size()];
            for (int shape = 0; shape < shapeIds.length; shape++) {
                shapeIds[shape] = shapeId(other.shapes.get(shape));
                countEvent(shapeIds[shape], other.eventsByShape[shape]);
            }
            ownEvents += other.ownEvents;
            for (int slot = 0; slot < other.facts.capacity(); slot++) {
                if (other.facts.used(slot)) {
                    FactKey key = other.facts.key(slot);
                    if (facts.find(key) >= 0) {
                        throw new IllegalArgumentException("fact " + key + " is in both parts of a view: fold each "
                                + "partition of the log into one part");
                    }
                    int mine = facts.add(key);
                    long packed = other.facts.get(PACKED, slot);
                    facts.set(PACKED, mine, packed & ~SHAPE_ID_BITS | shapeIds[(int) packed]);
                    for (int column = CONTENT; column <= EVENT_LO; column++) {
                        facts.set(column, mine, other.facts.get(column, slot));
                    }
                }
            }
            for (int row = 0; row < other.events.capacity(); row++) {
                if (other.events.used(row)) {
                    mergeEvent(other.events.key(row), representative(other.events, row), other.events.get(REPORTS, row));
                }
            }
            for (int list = 0; list < lists.length; list++) {
                lists[list].addAll(other.lists[list]);
                listSizes[list] += other.listSizes[list];
            }
        }

        /** Adds an event's reports from another part; counted in both parts, it keeps the count of one representative. */
        private void mergeEvent(FactKey event, FactKey theirs, long reports) {
            int row = events.find(event);
            if (row < 0) {
                row = events.add(event);
                setRepresentative(row, theirs);
                events.set(REPORTS, row, reports);
                return;
            }
            events.set(REPORTS, row, events.get(REPORTS, row) + reports);
            FactKey ours = representative(events, row);
            boolean theirsFirst = theirs.compareTo(ours) < 0;
            countEvent(shape(facts.find(theirsFirst ? ours : theirs)), -1);
            if (theirsFirst) {
                setRepresentative(row, theirs);
            }
        }

        /** The first facts of a list in view order, at most {@code limit}. */
        List<Fact> first(int list) {
            return lists[list].facts();
        }

        /** Facts (reports) held. */
        int size() {
            return facts.size();
        }

        /** Distinct events among them. */
        int events() {
            return ownEvents + events.size();
        }

        /** The events counted so far, by the shape of their representatives: shapes without events are left out. */
        void forEachShape(EventCounter counter) {
            for (int shape = 0; shape < shapes.size(); shape++) {
                if (eventsByShape[shape] != 0) {
                    counter.count(shapes.get(shape), eventsByShape[shape]);
                }
            }
        }

        private int shapeId(Shape shape) {
            Integer known = shapeIds.get(shape); // not computeIfAbsent: its lambda would be allocated on every fact
            if (known != null) {
                return known;
            }
            int id = shapes.size();
            shapes.add(shape);
            if (id == eventsByShape.length) {
                eventsByShape = Arrays.copyOf(eventsByShape, id * 2);
                extraListByShape = Arrays.copyOf(extraListByShape, id * 2);
            }
            extraListByShape[id] = extraList.applyAsInt(shape);
            shapeIds.put(shape, id);
            return id;
        }

        private void countEvent(int shape, int delta) {
            eventsByShape[shape] += delta;
        }

        private int shape(int slot) {
            return (int) facts.get(PACKED, slot);
        }

        private Rank rank(int slot) {
            return new Rank((facts.get(PACKED, slot) >>> ORDER_SHIFT) - 1, facts.key(slot));
        }

        private FactKey event(int slot) {
            return (facts.get(PACKED, slot) & 1L << HAS_EVENT_BIT) == 0 ? null
                    : new FactKey(facts.get(EVENT_HI, slot), facts.get(EVENT_LO, slot));
        }

        /** Takes the fact in this slot off its lists (without refilling them yet). */
        private void unlist(int slot) {
            Rank rank = rank(slot);
            unlist(0, rank);
            int extra = extraListByShape[shape(slot)];
            if (extra > 0) {
                unlist(extra, rank);
            }
        }

        private void unlist(int list, Rank rank) {
            listSizes[list]--;
            lists[list].remove(rank);
        }

        private boolean representative(int slot) {
            FactKey event = event(slot);
            if (event == null) {
                return true;
            }
            int row = events.find(event);
            return facts.key(slot).equals(representative(events, row));
        }

        private void joinEvent(FactKey key, int shape, FactKey event) {
            if (event == null) {
                ownEvents++;
                countEvent(shape, 1);
                return;
            }
            int row = events.find(event);
            if (row < 0) {
                row = events.add(event);
                setRepresentative(row, key);
                countEvent(shape, 1);
            } else {
                FactKey representative = representative(events, row);
                events.set(REPORTS, row, events.get(REPORTS, row) + 1);
                if (key.compareTo(representative) < 0) {
                    countEvent(shape(facts.find(representative)), -1);
                    countEvent(shape, 1);
                    setRepresentative(row, key);
                }
                return;
            }
            events.set(REPORTS, row, 1);
        }

        /** Takes the fact in this slot (still in the table) out of its event, and out of the counts if it represented it. */
        private void leaveEvent(int slot) {
            int shape = shape(slot);
            FactKey event = event(slot);
            if (event == null) {
                ownEvents--;
                countEvent(shape, -1);
                return;
            }
            int row = events.find(event);
            long reports = events.get(REPORTS, row) - 1;
            if (reports == 0) {
                events.remove(row);
                countEvent(shape, -1);
                return;
            }
            events.set(REPORTS, row, reports);
            FactKey key = facts.key(slot);
            if (key.equals(representative(events, row))) {
                int next = nextRepresentative(event, key);
                setRepresentative(row, facts.key(next));
                countEvent(shape, -1);
                countEvent(shape(next), 1);
            }
        }

        /** The slot of the smallest id among the event's other reports: a scan, only when a representative leaves. */
        private int nextRepresentative(FactKey event, FactKey leaving) {
            int best = -1;
            for (int slot = 0; slot < facts.capacity(); slot++) {
                if (facts.used(slot) && event.equals(event(slot)) && !leaving.equals(facts.key(slot))
                        && (best < 0 || facts.key(slot).compareTo(facts.key(best)) < 0)) {
                    best = slot;
                }
            }
            return best;
        }

        private static FactKey representative(KeyTable events, int row) {
            return new FactKey(events.get(REPRESENTATIVE_HI, row), events.get(REPRESENTATIVE_LO, row));
        }

        private void setRepresentative(int row, FactKey key) {
            events.set(REPRESENTATIVE_HI, row, key.hi());
            events.set(REPRESENTATIVE_LO, row, key.lo());
        }

        /**
         * Fills lists that have fewer first facts than they may show, from the facts not among them (all ranked after
         * them), read back from the source unless it is the fact at hand; true when it added any.
         */
        private boolean refill(Folded atHand) {
            boolean filled = false;
            for (int list = 0; list < lists.length; list++) {
                FirstFacts first = lists[list];
                int missing = Math.min(first.limit, listSizes[list]) - first.size();
                if (missing <= 0) {
                    continue;
                }
                TreeMap<Rank, Long> best = new TreeMap<>();
                for (int slot = 0; slot < facts.capacity(); slot++) {
                    if (!facts.used(slot) || !onList(slot, list)) {
                        continue;
                    }
                    Rank rank = rank(slot);
                    if (!first.contains(rank) && (best.size() < missing || rank.compareTo(best.lastKey()) < 0)) {
                        best.put(rank, facts.get(LOCATOR, slot));
                        if (best.size() > missing) {
                            best.pollLastEntry();
                        }
                    }
                }
                best.forEach((rank, locator) -> first.add(rank, readBack(rank.key(), locator, atHand)));
                filled |= !best.isEmpty();
            }
            return filled;
        }

        private boolean onList(int slot, int list) {
            return list == 0 || extraListByShape[shape(slot)] == list;
        }

        private Folded readBack(FactKey key, long locator, Folded atHand) {
            if (atHand != null && atHand.key().equals(key)) {
                return atHand;
            }
            Fact fact = source.read(locator);
            if (fact == null || !FactKey.of(fact.id()).equals(key)) {
                throw new IllegalStateException("the fact source returned another fact at locator " + locator);
            }
            return Folded.of(fact, locator);
        }

    }

    /** Adds {@code delta} to a key's count; a count that drops to zero disappears, as if never counted. */
    static void count(Map<String, Integer> counts, String key, int delta) {
        counts.merge(key, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    /** Counts ranked by count (descending), then key. */
    static List<Count> rank(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(BY_COUNT)
                .toList();
    }
}
