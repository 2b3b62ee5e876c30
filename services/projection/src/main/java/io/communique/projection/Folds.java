package io.communique.projection;

import io.communique.model.Count;
import io.communique.model.Fact;
import io.communique.model.FactOutline;
import io.communique.model.FactReader;
import io.communique.model.FactType;
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
import java.util.function.Consumer;
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
     * What a view counts and lists a fact by. Few distinct ones: a {@link FactTable} numbers them, and its rows hold
     * the number; the hash is computed once, as the table looks every fact's shape up.
     */
    static final class Shape {
        private final FactType type;
        private final String initiator;
        private final List<String> participants;
        private final List<String> topics;
        private final int hash;

        Shape(FactType type, String initiator, List<String> participants, List<String> topics) {
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
        private final Listing listing;

        private Folded(FactOutline outline, long content, long locator, byte[] json, Fact fact) {
            this.outline = outline;
            this.key = FactKey.of(outline.id());
            this.rank = new Rank(Rank.order(outline.date()), key);
            this.content = content;
            this.shape = new Shape(outline.type(), outline.initiator(), outline.participants(), outline.topics());
            this.event = outline.eventId() == null ? null : FactKey.of(outline.eventId());
            this.listing = new Listing(locator, json, fact);
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
            return listing.locator;
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

    /**
     * What a view's list keeps of a fact it shows: the record, read whole when the view is materialised, once for all
     * the views that list it. Not the {@link Folded} fact, whose outline, shape and keys the list does not need: a
     * list's facts live long enough to be copied by the garbage collector, so they should be few objects and bytes.
     */
    static final class Listing {
        private final long locator;
        private final byte[] json;
        /** Volatile: one thread may read a record's outline and hand it to stores on other threads. */
        private volatile Fact fact;
        private volatile boolean unreadable;

        private Listing(long locator, byte[] json, Fact fact) {
            this.locator = locator;
            this.json = json;
            this.fact = fact;
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
     * The first facts of a list in view order, at most {@code limit}: what the view shows. They are kept as
     * {@link Listing}s, and read whole only when the view is materialised, so that a fact that enters and leaves
     * between two materialisations (most of them, in a rebuild) is never read whole.
     */
    private static final class FirstFacts {
        private static final int INITIAL_ROOM = 8;

        private final int limit;
        /** Ranks in view order, and their facts, in the first {@code size} places: a list this short is sorted fastest. */
        private Rank[] ranks = new Rank[0];
        private Listing[] facts = new Listing[0];
        private int size;

        FirstFacts(int limit) {
            this.limit = limit;
        }

        /** Whether a fact of this rank enters: it ranks before the last of them, or there is room and none waits. */
        boolean takes(Rank rank, boolean othersWait) {
            return size < limit && !othersWait || size > 0 && rank.compareTo(ranks[size - 1]) < 0;
        }

        /** Adds a fact (replacing one of the same rank), letting the last one go when there are too many. */
        void add(Rank rank, Listing fact) {
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
     * The views a fact of each shape (by its id in the {@link FactTable}) is in: all the held views that list one of
     * its participants or topics, or, for a view kept alone, that view if the shape is its.
     */
    interface ViewsOf {
        ViewState<?>[] of(int shape);
    }

    /** No views: for a fact none of the held views shows. */
    static final ViewState<?>[] NO_VIEWS = {};

    /** For a caller of {@link #put} or {@link #remove} that does not need to know which views changed. */
    static final Consumer<ViewState<?>> NOT_REPORTED = view -> {
    };

    /**
     * Puts a fact into the table and into the views it is in: a new fact joins its views, a re-delivery (the same id
     * and content hash) changes nothing, and a re-extraction (the same id, other content) leaves the views of its
     * old shape and joins those of its new one, staying in those of both. Calls {@code changed} once for each view
     * it changed; false when it changed none.
     */
    static boolean put(FactTable table, Folded folded, ViewsOf views, Consumer<ViewState<?>> changed) {
        int shape = table.shapeId(folded.shape());
        int slot = table.find(folded.key());
        if (slot < 0) { // the usual case: a fact not seen before
            slot = table.add(folded, shape);
            ViewState<?>[] joined = views.of(shape);
            for (ViewState<?> view : joined) {
                view.facts().join(slot, folded);
            }
            for (ViewState<?> view : joined) {
                view.facts().refill(folded); // only fills what a failed read-back left short
                changed(view, changed);
            }
            return joined.length > 0;
        }
        if (table.content(slot) == folded.content()) { // a re-delivery: normally nothing to do
            return refill(views.of(shape), changed);
        }
        ViewState<?>[] before = views.of(table.shape(slot));
        ViewState<?>[] after = views.of(shape);
        // The usual re-extraction keeps the fact's event: in a view of both shapes it only moves on its lists.
        boolean sameEvent = Objects.equals(folded.event(), table.event(slot));
        for (ViewState<?> view : before) {
            if (sameEvent && contains(after, view)) {
                view.facts().reshape(slot, shape);
            } else {
                view.facts().leave(slot);
            }
        }
        table.set(slot, folded, shape);
        for (ViewState<?> view : after) {
            if (sameEvent && contains(before, view)) {
                view.facts().relist(slot, folded);
            } else {
                view.facts().join(slot, folded);
            }
        }
        for (ViewState<?> view : before) {
            view.facts().refill(folded);
            changed(view, changed);
        }
        for (ViewState<?> view : after) {
            if (!contains(before, view)) {
                view.facts().refill(folded);
                changed(view, changed);
            }
        }
        return before.length + after.length > 0;
    }

    /**
     * Removes the fact with this key from the table and from its views; when it is not there (a retraction replayed
     * after a failed read-back), fills what that left short in {@code ifAbsent}, the views it would be in. Calls
     * {@code changed} once for each view it changed; false when it changed none.
     */
    static boolean remove(FactTable table, FactKey key, ViewState<?>[] ifAbsent, ViewsOf views,
                          Consumer<ViewState<?>> changed) {
        int slot = table.find(key);
        if (slot < 0) {
            return refill(ifAbsent, changed);
        }
        ViewState<?>[] left = views.of(table.shape(slot));
        for (ViewState<?> view : left) {
            view.facts().leave(slot);
        }
        table.remove(slot);
        for (ViewState<?> view : left) {
            view.facts().refill(null);
            changed(view, changed);
        }
        return left.length > 0;
    }

    private static boolean refill(ViewState<?>[] views, Consumer<ViewState<?>> changed) {
        boolean filled = false;
        for (ViewState<?> view : views) {
            if (view.facts().refill(null)) {
                changed(view, changed);
                filled = true;
            }
        }
        return filled;
    }

    private static void changed(ViewState<?> view, Consumer<ViewState<?>> changed) {
        view.changed();
        changed.accept(view);
    }

    private static boolean contains(ViewState<?>[] views, ViewState<?> view) {
        for (ViewState<?> other : views) {
            if (other == view) {
                return true;
            }
        }
        return false;
    }

    /**
     * What one view keeps of its facts, which are rows of a {@link FactTable} (its own, or its store's): as folded
     * only the first {@code limit} of each of the view's lists (list 0 holds every fact; a view may sort facts into
     * more lists by their shape), how many each list holds, and its events. A fact that leaves the first ones of a
     * list is replaced by the best of the others, found in the table and read back from the {@link FactSource} —
     * rare, and never on the path of new facts.
     *
     * <p>Reports of one real-world event share an event id (a fact without one is its own event); each event is
     * counted once, from its representative, the report with the smallest id, so the counts are the same whatever
     * order the reports arrive in. Events are counted per shape: a view's counts (counterparts, topics, lists) are
     * sums over its shapes, taken when it is materialised, not maps updated on every fact. Not thread-safe.
     */
    static final class FactSet {
        /** Columns of an event's row: its representative's id and shape, and how many reports it has in the view. */
        private static final int REPRESENTATIVE_HI = 0, REPRESENTATIVE_LO = 1, REPRESENTATIVE_SHAPE = 2, REPORTS = 3;
        /**
         * Places of a shape's facts in this view, beside the extra list's number or {@link ViewState#NO_EXTRA_LIST}:
         * not known yet, not in the view.
         */
        private static final int UNKNOWN = Integer.MIN_VALUE, NOT_IN_VIEW = -2;

        private final FactTable table;
        private final ViewState<?> view;
        private final KeyTable events = new KeyTable(4);
        private final FirstFacts[] lists;
        private final int[] listSizes;
        /** Events per shape id, counted through their representatives: the views' counts are sums over shapes. */
        private int[] eventsByShape = new int[0];
        /** Per shape id, the list other than 0 its facts are on, NO_EXTRA_LIST or NOT_IN_VIEW; asked of the view once. */
        private int[] placeByShape = new int[0];
        private final FactSource source;
        /** Facts without an event id: each is an event of its own. */
        private int ownEvents;
        private int size;

        /** @param lists how many lists the view has, list 0 (every fact) included */
        FactSet(FactTable table, ViewState<?> view, int limit, int lists, FactSource source) {
            this.table = table;
            this.view = view;
            this.lists = new FirstFacts[lists];
            this.listSizes = new int[lists];
            for (int list = 0; list < lists; list++) {
                this.lists[list] = new FirstFacts(limit);
            }
            this.source = source;
        }

        /** A fact enters the view: its row, in this slot, is written already. */
        void join(int slot, Folded folded) {
            int shape = table.shape(slot);
            joinEvent(folded.key(), shape, folded.event());
            relist(slot, folded);
            size++;
        }

        /** A fact leaves the view: its row, in this slot, still holds what the view took in. */
        void leave(int slot) {
            unlist(slot);
            leaveEvent(slot);
            size--;
        }

        /**
         * A fact stays in the view and in its event but takes another shape: off its lists (put back by
         * {@link #relist} once its row is rewritten), and its event counted by the new shape if it represents it.
         */
        void reshape(int slot, int newShape) {
            unlist(slot);
            FactKey event = table.event(slot);
            int row = event == null ? -1 : events.find(event);
            if (row < 0 || representedBy(row, table.key(slot)) == 0) {
                countEvent(table.shape(slot), -1);
                countEvent(newShape, 1);
                if (row >= 0) {
                    events.set(REPRESENTATIVE_SHAPE, row, newShape);
                }
            }
        }

        /** Counts a fact in the view on its lists, and puts it among their first ones where it ranks there. */
        void relist(int slot, Folded folded) {
            list(0, folded);
            int extra = place(table.shape(slot));
            if (extra > 0) {
                list(extra, folded);
            }
        }

        private void list(int list, Folded folded) {
            if (lists[list].takes(folded.rank(), othersWait(list))) {
                lists[list].add(folded.rank(), folded.listing());
            }
            listSizes[list]++;
        }

        /** Whether the list has facts that are not among its first ones. */
        private boolean othersWait(int list) {
            return listSizes[list] > lists[list].size();
        }

        /**
         * Adds another view's part of this view, folded from other partitions of the log into another table, as if
         * it had been folded into this one; the facts are in this set's table already, their shapes renumbered as
         * {@code shapeIds} maps the other table's ids to this one's. The parts hold different facts (a fact's records
         * are all on one partition); reports of one event may be in both, and the event is counted once. The other
         * set is not to be used afterwards.
         */
        void merge(FactSet other, int[] shapeIds) {
            for (int shape = 0; shape < other.eventsByShape.length; shape++) {
                if (other.eventsByShape[shape] != 0) {
                    countEvent(shapeIds[shape], other.eventsByShape[shape]);
                }
            }
            ownEvents += other.ownEvents;
            size += other.size;
            for (int row = 0; row < other.events.capacity(); row++) {
                if (other.events.used(row)) {
                    mergeEvent(other.events.key(row), representative(other.events, row),
                            shapeIds[(int) other.events.get(REPRESENTATIVE_SHAPE, row)], other.events.get(REPORTS, row));
                }
            }
            for (int list = 0; list < lists.length; list++) {
                lists[list].addAll(other.lists[list]);
                listSizes[list] += other.listSizes[list];
            }
        }

        /** Adds an event's reports from another part; counted in both parts, it keeps the count of one representative. */
        private void mergeEvent(FactKey event, FactKey theirs, int theirShape, long reports) {
            int row = events.find(event);
            if (row < 0) {
                row = events.add(event);
                setRepresentative(row, theirs, theirShape);
                events.set(REPORTS, row, reports);
                return;
            }
            events.set(REPORTS, row, events.get(REPORTS, row) + reports);
            if (representedBy(row, theirs) < 0) {
                countEvent((int) events.get(REPRESENTATIVE_SHAPE, row), -1);
                setRepresentative(row, theirs, theirShape);
            } else {
                countEvent(theirShape, -1);
            }
        }

        /** The first facts of a list in view order, at most {@code limit}. */
        List<Fact> first(int list) {
            return lists[list].facts();
        }

        /** Facts (reports) in the view. */
        int size() {
            return size;
        }

        /** Distinct events among them. */
        int events() {
            return ownEvents + events.size();
        }

        /** The events counted so far, by the shape of their representatives: shapes without events are left out. */
        void forEachShape(EventCounter counter) {
            for (int shape = 0; shape < eventsByShape.length; shape++) {
                if (eventsByShape[shape] != 0) {
                    counter.count(table.shapeOf(shape), eventsByShape[shape]);
                }
            }
        }

        /** Whether facts of this shape are in the view. */
        boolean holds(int shape) {
            return place(shape) != NOT_IN_VIEW;
        }

        /** Where facts of this shape go in the view: the extra list's number, NO_EXTRA_LIST or NOT_IN_VIEW. */
        private int place(int shape) {
            if (shape >= placeByShape.length) {
                int known = placeByShape.length;
                placeByShape = grown(placeByShape, shape);
                Arrays.fill(placeByShape, known, placeByShape.length, UNKNOWN);
            }
            int place = placeByShape[shape];
            if (place == UNKNOWN) {
                Shape of = table.shapeOf(shape);
                place = view.contains(of) ? view.extraList(of) : NOT_IN_VIEW;
                placeByShape[shape] = place;
            }
            return place;
        }

        private boolean inView(int slot) {
            return table.used(slot) && holds(table.shape(slot));
        }

        /** A copy of an array by shape id, long enough for {@code shape}: doubled at least, as shapes are numbered in turn. */
        private static int[] grown(int[] byShape, int shape) {
            return Arrays.copyOf(byShape, Math.max(shape + 1, Math.max(8, byShape.length * 2)));
        }

        private void countEvent(int shape, int delta) {
            if (shape >= eventsByShape.length) {
                eventsByShape = grown(eventsByShape, shape);
            }
            eventsByShape[shape] += delta;
        }

        /** Takes the fact in this slot off its lists (without refilling them yet). */
        private void unlist(int slot) {
            Rank rank = table.rank(slot);
            unlist(0, rank);
            int extra = place(table.shape(slot));
            if (extra > 0) {
                unlist(extra, rank);
            }
        }

        private void unlist(int list, Rank rank) {
            listSizes[list]--;
            lists[list].remove(rank);
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
                setRepresentative(row, key, shape);
                countEvent(shape, 1);
            } else {
                events.set(REPORTS, row, events.get(REPORTS, row) + 1);
                if (representedBy(row, key) < 0) {
                    countEvent((int) events.get(REPRESENTATIVE_SHAPE, row), -1);
                    countEvent(shape, 1);
                    setRepresentative(row, key, shape);
                }
                return;
            }
            events.set(REPORTS, row, 1);
        }

        /** Takes the fact in this slot (still in the table) out of its event, and out of the counts if it represented it. */
        private void leaveEvent(int slot) {
            int shape = table.shape(slot);
            FactKey event = table.event(slot);
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
            FactKey key = table.key(slot);
            if (representedBy(row, key) == 0) {
                int next = nextRepresentative(event, key);
                setRepresentative(row, table.key(next), table.shape(next));
                countEvent(shape, -1);
                countEvent(table.shape(next), 1);
            }
        }

        /** The slot of the smallest id among the event's other reports in the view: a scan, only when a representative leaves. */
        private int nextRepresentative(FactKey event, FactKey leaving) {
            int best = -1;
            for (int slot = 0; slot < table.capacity(); slot++) {
                if (inView(slot) && event.equals(table.event(slot)) && !leaving.equals(table.key(slot))
                        && (best < 0 || table.key(slot).compareTo(table.key(best)) < 0)) {
                    best = slot;
                }
            }
            return best;
        }

        /** How a key compares with the event's representative (below 0: it comes first), without making a key of it. */
        private int representedBy(int row, FactKey key) {
            return key.compareTo(events.get(REPRESENTATIVE_HI, row), events.get(REPRESENTATIVE_LO, row));
        }

        private static FactKey representative(KeyTable events, int row) {
            return new FactKey(events.get(REPRESENTATIVE_HI, row), events.get(REPRESENTATIVE_LO, row));
        }

        private void setRepresentative(int row, FactKey key, int shape) {
            events.set(REPRESENTATIVE_HI, row, key.hi());
            events.set(REPRESENTATIVE_LO, row, key.lo());
            events.set(REPRESENTATIVE_SHAPE, row, shape);
        }

        /**
         * Fills lists that have fewer first facts than they may show, from the view's facts not among them (all
         * ranked after them), read back from the source unless it is the fact at hand; true when it added any.
         */
        boolean refill(Folded atHand) {
            boolean filled = false;
            for (int list = 0; list < lists.length; list++) {
                FirstFacts first = lists[list];
                int missing = Math.min(first.limit, listSizes[list]) - first.size();
                if (missing <= 0) {
                    continue;
                }
                TreeMap<Rank, Long> best = new TreeMap<>();
                for (int slot = 0; slot < table.capacity(); slot++) {
                    if (!inView(slot) || !onList(slot, list)) {
                        continue;
                    }
                    Rank rank = table.rank(slot);
                    if (!first.contains(rank) && (best.size() < missing || rank.compareTo(best.lastKey()) < 0)) {
                        best.put(rank, table.locator(slot));
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
            return list == 0 || place(table.shape(slot)) == list;
        }

        private Listing readBack(FactKey key, long locator, Folded atHand) {
            if (atHand != null && atHand.key().equals(key)) {
                return atHand.listing();
            }
            Fact fact = source.read(locator);
            if (fact == null || !FactKey.of(fact.id()).equals(key)) {
                throw new IllegalStateException("the fact source returned another fact at locator " + locator);
            }
            return new Listing(locator, null, fact);
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
