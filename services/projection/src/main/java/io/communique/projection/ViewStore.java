package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.FactOutline;
import io.communique.model.TopicView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The current country and topic views, kept by folding facts one at a time. Each view is kept as a mutable
 * {@link CountryFold.State} / {@link TopicFold.State}, so a fold costs O(log limit); the immutable view is
 * materialised only when asked for, once per change (the projection asks once per batch). Not thread-safe: one
 * projection owns it. The views handed out are immutable.
 */
public final class ViewStore {
    private final Map<String, CountryFold.State> countries = new HashMap<>();
    private final Map<String, TopicFold.State> topics = new HashMap<>();
    private final int limit;
    private final FactSource source;
    /** The keys (country codes, topic ids) of the views this store holds; other stores may hold the rest. */
    private final Predicate<String> holds;
    /** Without a source of its own, the store keeps the facts it is given, and their index is their locator. */
    private final List<Fact> kept;
    /** Made once, not per fact: a lambda written inline at the call would be allocated for every fact folded. */
    private final Function<String, CountryFold.State> newCountry = this::newCountry;
    private final Function<String, TopicFold.State> newTopic = this::newTopic;

    /** Views listing the {@link CountryView#RECENT} most recent entries; the store keeps every fact it is given. */
    public ViewStore() {
        this(CountryView.RECENT);
    }

    /** Views whose lists hold the {@code limit} most recent entries; the store keeps every fact it is given. */
    public ViewStore(int limit) {
        this.limit = limit;
        this.kept = new ArrayList<>();
        this.source = locator -> kept.get((int) locator);
        this.holds = key -> true;
    }

    /**
     * Views whose lists hold the {@code limit} most recent entries, reading facts back from a log: facts are applied
     * with their locator in it ({@link #apply(Fact, long)}), and only the first ones of each list stay in memory.
     */
    public ViewStore(int limit, FactSource source) {
        this(limit, source, key -> true);
    }

    /**
     * As {@link #ViewStore(int, FactSource)}, holding only the views whose key {@code holds} accepts: several stores,
     * each on its own thread, share the views between them, as projection instances share partitions.
     */
    public ViewStore(int limit, FactSource source, Predicate<String> holds) {
        this.limit = limit;
        this.kept = null;
        this.source = source;
        this.holds = holds;
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
     * Applies a fact record's value as {@link #apply(byte[], long)} does, adding the keys of the views it changed to
     * the given sets: no set per record, for a caller that folds many and only needs to know which views to
     * materialise in the end.
     */
    public void apply(byte[] json, long locator, Set<String> changedCountries, Set<String> changedTopics) {
        apply(Folds.Folded.read(json, locator), changedCountries, changedTopics);
    }

    private Changes apply(Folds.Folded folded) {
        Changes changes = new Changes(new TreeSet<>(), new TreeSet<>());
        apply(folded, changes.countries(), changes.topics());
        return changes;
    }

    private void apply(Folds.Folded folded, Set<String> changedCountries, Set<String> changedTopics) {
        FactOutline fact = folded.outline();
        for (String code : fact.participants()) {
            if (holds.test(code) && countries.computeIfAbsent(code, newCountry).apply(folded)) {
                changedCountries.add(code);
            }
        }
        for (String id : fact.topics()) {
            if (holds.test(id) && topics.computeIfAbsent(id, newTopic).apply(folded)) {
                changedTopics.add(id);
            }
        }
    }

    private CountryFold.State newCountry(String code) {
        return new CountryFold.State(code, limit, source);
    }

    private TopicFold.State newTopic(String id) {
        return new TopicFold.State(id, limit, source);
    }

    /**
     * The views of stores that folded different partitions of the same log, merged, holding those whose key
     * {@code holds} accepts: a rebuild's threads each fold a share of the partitions into a store of their own, then
     * each merges a share of the views. A view's facts come from many partitions, but each fact's records from one
     * (they all have its key), so the parts hold different facts of a view, and the merged view is the one a single
     * store folding every partition would hold. Each view's smaller parts are merged into its largest one. The
     * parts' views are taken over: the parts are not to be used afterwards. Calls for disjoint {@code holds} may run
     * at the same time.
     *
     * @throws IllegalStateException    when a part keeps its facts itself (their locators would clash)
     * @throws IllegalArgumentException when two parts hold the same fact
     */
    public static ViewStore merged(List<ViewStore> parts, Predicate<String> holds) {
        ViewStore first = parts.get(0);
        ViewStore merged = new ViewStore(first.limit, first.source, holds);
        for (ViewStore part : parts) {
            if (part.kept != null) {
                throw new IllegalStateException("only stores that read facts back from a shared log can be merged");
            }
            part.countries.forEach((code, state) -> {
                if (holds.test(code)) {
                    merged.countries.merge(code, state,
                            (mine, theirs) -> mine.size() >= theirs.size() ? mine.merge(theirs) : theirs.merge(mine));
                }
            });
            part.topics.forEach((id, state) -> {
                if (holds.test(id)) {
                    merged.topics.merge(id, state,
                            (mine, theirs) -> mine.size() >= theirs.size() ? mine.merge(theirs) : theirs.merge(mine));
                }
            });
        }
        return merged;
    }

    /** Takes a retracted fact out of the views it was in. */
    public Changes retract(Fact fact) {
        Set<String> changedCountries = new TreeSet<>();
        for (String code : fact.participants()) {
            CountryFold.State state = countries.get(code);
            if (state != null && state.retract(fact.id())) {
                changedCountries.add(code);
            }
        }
        Set<String> changedTopics = new TreeSet<>();
        for (String id : fact.topics()) {
            TopicFold.State state = topics.get(id);
            if (state != null && state.retract(fact.id())) {
                changedTopics.add(id);
            }
        }
        return new Changes(changedCountries, changedTopics);
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
