package io.communique.projection;

import io.communique.model.Json;
import io.communique.model.Topics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * What differs between the country, topic and event projections: which topics they read and write, and how the state
 * of one key of the routed topic is created, folded, retracted from and published as views.
 *
 * @param empty   a key's empty state, reading facts back from the given source when it needs to
 * @param apply   folds a fact in; true when its views changed
 * @param retract takes a retracted fact out by id; true when its views changed
 * @param views   the views the state publishes now, by view key, each derived only when asked for: a country's or
 *                topic's one view under its own key, or the events of one set of parties under their ids
 */
record ViewKind<S>(
        String name,
        String inputTopic,
        String viewTopic,
        BiFunction<String, FactSource, S> empty,
        Apply<S> apply,
        BiPredicate<S, String> retract,
        BiFunction<String, S, Map<String, Supplier<?>>> views) {

    interface Apply<S> {
        boolean apply(S state, FoldedFact fact);
    }

    /** Country views whose lists hold the {@code limit} most recent entries. */
    static ViewKind<CountryFold.State> countries(int limit) {
        return new ViewKind<>("country", Topics.FACTS_BY_COUNTRY, Topics.VIEWS_COUNTRY,
                (code, source) -> new CountryFold.State(code, limit, source),
                CountryFold.State::apply,
                CountryFold.State::retract, (code, state) -> Map.of(code, state::view));
    }

    /** Topic views whose fact lists hold the {@code limit} most recent facts. */
    static ViewKind<TopicFold.State> topics(int limit) {
        return new ViewKind<>("topic", Topics.FACTS_BY_TOPIC, Topics.VIEWS_TOPIC,
                (id, source) -> new TopicFold.State(id, limit, source),
                TopicFold.State::apply,
                TopicFold.State::retract, (id, state) -> Map.of(id, state::view));
    }

    /**
     * Event views: the reports of one set of parties, all in memory (a pair of countries has hundreds of reports at
     * most), resolved into events, each published under its id.
     */
    static final ViewKind<EventFold.State> EVENTS = new ViewKind<>("event", Topics.FACTS_BY_PARTIES,
            Topics.VIEWS_EVENT, (parties, source) -> new EventFold.State(), (state, folded) -> state.apply(folded.fact()),
            EventFold.State::retract, (parties, state) -> {
                Map<String, Supplier<?>> views = new LinkedHashMap<>();
                state.views().forEach((id, view) -> views.put(id, () -> view));
                return views;
            });

    /** The keys of the state's views. */
    Set<String> viewKeys(String key, S state) {
        return Set.copyOf(views.apply(key, state).keySet());
    }

    /** The state's views as published, by view key. */
    Map<String, byte[]> bytes(String key, S state) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        views.apply(key, state).forEach((viewKey, view) -> bytes.put(viewKey, Json.bytes(view.get())));
        return bytes;
    }
}
