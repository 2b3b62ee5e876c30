package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.TopicView;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The current country and topic views, kept by folding facts one at a time. The facts are rows of one
 * {@link FactTable}, each written once however many views it is in; each view keeps its lists, events and counts as a
 * mutable {@link CountryFold.State} / {@link TopicFold.State}, so a fold costs O(log limit) per view; the immutable
 * view is materialised only when asked for, once per change. Not thread-safe: one thread owns it. The views handed
 * out are immutable.
 */
public final class ViewStore {
    private final Map<String, CountryFold.State> countries = new HashMap<>();
    private final Map<String, TopicFold.State> topics = new HashMap<>();
    private final FactTable table;
    /** By shape id: the views a fact of that shape is in, found once per shape. */
    private ViewState<?>[][] viewsByShape = new ViewState<?>[0][];
    private final Folds.ViewsOf views = this::viewsOf;
    private final int limit;
    private final FactSource source;
    /** The keys (country codes, topic ids) of the views this store holds; other stores may hold the rest. */
    private final Predicate<String> holds;
    /** Without a source of its own, the store keeps the facts it is given, and their index is their locator. */
    private final List<Fact> kept;
    /** Made once, not per fact: a lambda written inline at the call would be allocated for every new view. */
    private final Function<String, CountryFold.State> newCountry = this::newCountry;
    private final Function<String, TopicFold.State> newTopic = this::newTopic;
    /**
     * For a merged store, the parts whose facts are still to be copied into its table, with their shape ids mapped to
     * its own: done when it first folds or retracts a fact, as its views can be materialised without them.
     */
    private List<Part> uncopied = List.of();

    /** Views listing the {@link CountryView#RECENT} most recent entries; the store keeps every fact it is given. */
    public ViewStore() {
        this(CountryView.RECENT);
    }

    /** Views whose lists hold the {@code limit} most recent entries; the store keeps every fact it is given. */
    public ViewStore(int limit) {
        List<Fact> kept = new ArrayList<>();
        this.limit = limit;
        this.kept = kept;
        this.source = locator -> kept.get((int) locator);
        this.holds = key -> true;
        this.table = new FactTable(0);
    }

    /**
     * Views whose lists hold the {@code limit} most recent entries, reading facts back from a log: facts are applied
     * with their locator in it ({@link #apply(Fact, long)}), and only the first ones of each list stay in memory.
     */
    public ViewStore(int limit, FactSource source) {
        this(limit, source, 0);
    }

    /**
     * As {@link #ViewStore(int, FactSource)}, with room for {@code expectedFacts} facts before the store grows: a
     * rebuild knows how many records it is about to read.
     */
    public ViewStore(int limit, FactSource source, int expectedFacts) {
        this(limit, source, key -> true, expectedFacts);
    }

    /** Holding only the views whose key {@code holds} accepts. */
    private ViewStore(int limit, FactSource source, Predicate<String> holds, int expectedFacts) {
        this.limit = limit;
        this.kept = null;
        this.source = source;
        this.holds = holds;
        this.table = new FactTable(expectedFacts);
    }

    /** The keys of the views that one fact changed. */
    public record Changes(Set<String> countries, Set<String> topics) {
        public boolean isEmpty() {
            return countries.isEmpty() && topics.isEmpty();
        }
    }

    /** Applies a fact to a store that keeps its facts (made without a source). */
    public Changes apply(Fact fact) {
        if (kept == null) {
            throw new IllegalStateException("this store reads facts back from its source: apply them with their locator");
        }
        kept.add(fact);
        return apply(fact, kept.size() - 1);
    }

    /** Applies a fact found at {@code locator} in the store's source. */
    public Changes apply(Fact fact, long locator) {
        return apply(Folds.Folded.of(fact, locator));
    }

    /**
     * Applies a fact record's value found at {@code locator} in the store's source, reading only its outline (the
     * whole fact is read when a view listing it is materialised); throws {@link IllegalArgumentException} when the
     * outline is not a fact's.
     */
    public Changes apply(byte[] json, long locator) {
        return apply(Folds.Folded.read(json, locator));
    }

    /**
     * Applies a fact record's value as {@link #apply(byte[], long)} does, without saying which views it changed: for
     * a rebuild, which folds many into new views and materialises them all in the end.
     */
    public void fold(byte[] json, long locator) {
        copyParts();
        Folds.put(table, Folds.Folded.read(json, locator), views, Folds.NOT_REPORTED);
    }

    private Changes apply(Folds.Folded folded) {
        copyParts();
        Changes changes = new Changes(new TreeSet<>(), new TreeSet<>());
        Folds.put(table, folded, views, collect(changes.countries(), changes.topics()));
        return changes;
    }

    private static Consumer<ViewState<?>> collect(Set<String> changedCountries, Set<String> changedTopics) {
        return view -> (view instanceof CountryFold.State ? changedCountries : changedTopics).add(view.key());
    }

    /** Takes a retracted fact out of the views it was in. */
    public Changes retract(Fact fact) {
        copyParts();
        Changes changes = new Changes(new TreeSet<>(), new TreeSet<>());
        // Where it is no longer found, the views of the retraction's own shape are those a failed read-back left short.
        int shape = table.shapeId(new Folds.Shape(fact.type(), fact.initiator(), fact.participants(), fact.topics()));
        Folds.remove(table, FactKey.of(fact.id()), viewsOf(shape), views, collect(changes.countries(), changes.topics()));
        return changes;
    }

    /** The held views that facts of this shape are in, creating those not made yet. */
    private ViewState<?>[] viewsOf(int shape) {
        if (shape >= viewsByShape.length) {
            viewsByShape = Arrays.copyOf(viewsByShape, Math.max(shape + 1, viewsByShape.length * 2));
        }
        ViewState<?>[] found = viewsByShape[shape];
        if (found == null) {
            Folds.Shape of = table.shapeOf(shape);
            List<ViewState<?>> in = new ArrayList<>();
            for (String code : of.participants()) {
                if (holds.test(code)) {
                    in.add(countries.computeIfAbsent(code, newCountry));
                }
            }
            for (String id : of.topics()) {
                if (holds.test(id)) {
                    in.add(topics.computeIfAbsent(id, newTopic));
                }
            }
            found = in.toArray(ViewState<?>[]::new);
            viewsByShape[shape] = found;
        }
        return found;
    }

    private CountryFold.State newCountry(String code) {
        return new CountryFold.State(code, limit, source, table);
    }

    private TopicFold.State newTopic(String id) {
        return new TopicFold.State(id, limit, source, table);
    }

    /**
     * The views of stores that folded different partitions of the same log, merged, holding those whose key
     * {@code holds} accepts: a rebuild's threads each fold a share of the partitions into a store of their own, then
     * each merges a share of the views. A view's facts come from many partitions, but each fact's records from one
     * (they all have its key), so the parts hold different facts of a view, and the merged view is the one a single
     * store folding every partition would hold. The parts' views are merged now; their facts are copied into the
     * merged store's table when it first folds or retracts one, so that a rebuild that only materialises its views
     * never copies them. The parts are not to be used afterwards; calls for disjoint {@code holds} may run at the
     * same time, and the merged stores may be used on different threads, as they only read the parts.
     *
     * @throws IllegalStateException    when a part keeps its facts itself (their locators would clash)
     * @throws IllegalArgumentException when two parts hold the same fact, from the merged store's first fold or
     *                                  retraction on
     */
    public static ViewStore merged(List<ViewStore> parts, Predicate<String> holds) {
        ViewStore first = parts.get(0);
        for (ViewStore part : parts) {
            if (part.kept != null) {
                throw new IllegalStateException("only stores that read facts back from a shared log can be merged");
            }
        }
        ViewStore merged = new ViewStore(first.limit, first.source, holds, 0);
        List<Part> uncopied = new ArrayList<>();
        for (ViewStore part : parts) {
            int[] ids = new int[part.table.shapes()];
            for (int shape = 0; shape < ids.length; shape++) {
                ids[shape] = merged.table.shapeId(part.table.shapeOf(shape));
            }
            mergeViews(part.countries, merged.countries, merged.newCountry, holds, ids);
            mergeViews(part.topics, merged.topics, merged.newTopic, holds, ids);
            uncopied.add(new Part(part.table, ids));
        }
        merged.uncopied = uncopied;
        return merged;
    }

    /** Merges a part's views whose key {@code holds} accepts into the merged store's, making those it lacks. */
    private static <S extends ViewState<?>> void mergeViews(Map<String, S> part, Map<String, S> merged,
                                                            Function<String, S> newView, Predicate<String> holds,
                                                            int[] shapeIds) {
        part.forEach((key, state) -> {
            if (holds.test(key)) {
                merged.computeIfAbsent(key, newView).merge(state, shapeIds);
            }
        });
    }

    /** A merged part's facts, and its shape ids mapped to the merged store's. */
    private record Part(FactTable table, int[] shapeIds) {
    }

    /** Copies the facts of the merged parts that are in views this store holds, if not done yet. */
    private void copyParts() {
        if (uncopied.isEmpty()) {
            return;
        }
        List<Part> parts = uncopied;
        uncopied = List.of();
        table.reserve(table.size() + parts.stream().mapToInt(part -> part.table.size()).sum());
        for (Part part : parts) {
            boolean[] held = new boolean[part.shapeIds.length];
            for (int shape = 0; shape < held.length; shape++) {
                held[shape] = viewsOf(part.shapeIds[shape]).length > 0;
            }
            FactTable from = part.table;
            for (int slot = 0; slot < from.capacity(); slot++) {
                if (from.used(slot) && held[from.shape(slot)]) {
                    FactKey key = from.key(slot);
                    if (table.find(key) >= 0) {
                        throw new IllegalArgumentException("fact " + key + " is in both parts of a view: fold each "
                                + "partition of the log into one part");
                    }
                    table.copy(from, slot, part.shapeIds[from.shape(slot)]);
                }
            }
        }
    }

    /** The codes of the country views the store holds. */
    public Set<String> countryCodes() {
        return Collections.unmodifiableSet(countries.keySet());
    }

    /** The ids of the topic views the store holds. */
    public Set<String> topicIds() {
        return Collections.unmodifiableSet(topics.keySet());
    }

    public CountryView country(String code) {
        CountryFold.State state = countries.get(code);
        return state == null ? null : state.view();
    }

    public TopicView topic(String id) {
        TopicFold.State state = topics.get(id);
        return state == null ? null : state.view();
    }
}
