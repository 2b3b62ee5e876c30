package io.communique.projection;

import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;

import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What differs between the country, topic and event projections: which topics they read and write, and how one view's
 * state is created, folded, retracted from and serialised.
 *
 * @param empty   a view's empty state, by key, reading facts back from the given source when it needs to
 * @param apply   folds a fact in; true when the view changed
 * @param retract takes a retracted fact out by id; true when the view changed
 */
record ViewKind<S>(
        String name,
        String inputTopic,
        String viewTopic,
        BiFunction<String, FactSource, S> empty,
        Apply<S> apply,
        BiPredicate<S, String> retract,
        Function<S, Object> view) {

    interface Apply<S> {
        boolean apply(S state, Folds.Folded fact);
    }

    /** Country views whose lists hold the {@code limit} most recent entries. */
    static ViewKind<CountryFold.State> countries(int limit) {
        return new ViewKind<>("country", Topics.FACTS_BY_COUNTRY, Topics.VIEWS_COUNTRY,
                (code, source) -> new CountryFold.State(code, limit, source),
                CountryFold.State::apply,
                CountryFold.State::retract, CountryFold.State::view);
    }

    /** Topic views whose fact lists hold the {@code limit} most recent facts. */
    static ViewKind<TopicFold.State> topics(int limit) {
        return new ViewKind<>("topic", Topics.FACTS_BY_TOPIC, Topics.VIEWS_TOPIC,
                (id, source) -> new TopicFold.State(id, limit, source),
                TopicFold.State::apply,
                TopicFold.State::retract, TopicFold.State::view);
    }

    /** Event views: every report of one event, all in memory (an event has a handful of reports). */
    static final ViewKind<EventFold.State> EVENTS = new ViewKind<>("event", Topics.FACTS_BY_EVENT,
            Topics.VIEWS_EVENT, (id, source) -> new EventFold.State(id), (state, folded) -> state.apply(folded.fact()),
            EventFold.State::retract, EventFold.State::view);

    byte[] bytes(S state) {
        return Json.bytes(view.apply(state));
    }
}
