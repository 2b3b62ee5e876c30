package io.communique.projection;

import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.Topics;

import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What differs between the country, topic and event projections: which topics they read and write, and how one view's
 * state is created, folded, retracted from and serialised.
 *
 * @param apply   folds a fact in; true when the view changed
 * @param retract takes a retracted fact out by id; true when the view changed
 */
record ViewKind<S>(
        String name,
        String inputTopic,
        String viewTopic,
        Function<String, S> empty,
        BiPredicate<S, Fact> apply,
        BiPredicate<S, String> retract,
        Function<S, Object> view) {

    /** Country views whose lists hold the {@code limit} most recent entries. */
    static ViewKind<CountryFold.State> countries(int limit) {
        return new ViewKind<>("country", Topics.FACTS_BY_COUNTRY, Topics.VIEWS_COUNTRY,
                code -> new CountryFold.State(code, limit), CountryFold.State::apply, CountryFold.State::retract,
                CountryFold.State::view);
    }

    /** Topic views whose fact lists hold the {@code limit} most recent facts. */
    static ViewKind<TopicFold.State> topics(int limit) {
        return new ViewKind<>("topic", Topics.FACTS_BY_TOPIC, Topics.VIEWS_TOPIC,
                id -> new TopicFold.State(id, limit), TopicFold.State::apply, TopicFold.State::retract,
                TopicFold.State::view);
    }

    /** Event views: every report of one event. */
    static final ViewKind<EventFold.State> EVENTS = new ViewKind<>("event", Topics.FACTS_BY_EVENT,
            Topics.VIEWS_EVENT, EventFold.State::new, EventFold.State::apply, EventFold.State::retract,
            EventFold.State::view);

    byte[] bytes(S state) {
        return Json.bytes(view.apply(state));
    }
}
