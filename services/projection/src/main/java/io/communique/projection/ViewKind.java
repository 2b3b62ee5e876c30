package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.EventView;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.TopicView;
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
        Function<S, Object> view,
        Function<byte[], Iterable<Fact>> factsOfView) {

    static final ViewKind<CountryFold.State> COUNTRIES = new ViewKind<>("country", Topics.FACTS_BY_COUNTRY,
            Topics.VIEWS_COUNTRY, CountryFold.State::new, CountryFold.State::apply, CountryFold.State::retract,
            CountryFold.State::view, bytes -> Json.read(bytes, CountryView.class).facts());

    static final ViewKind<TopicFold.State> TOPICS = new ViewKind<>("topic", Topics.FACTS_BY_TOPIC,
            Topics.VIEWS_TOPIC, TopicFold.State::new, TopicFold.State::apply, TopicFold.State::retract,
            TopicFold.State::view, bytes -> Json.read(bytes, TopicView.class).facts());

    static final ViewKind<EventFold.State> EVENTS = new ViewKind<>("event", Topics.FACTS_BY_EVENT,
            Topics.VIEWS_EVENT, EventFold.State::new, EventFold.State::apply, EventFold.State::retract,
            EventFold.State::view, bytes -> Json.read(bytes, EventView.class).reports());

    /** The state that published {@code view}: folding its facts again gives the same view. */
    S restore(String key, byte[] view) {
        S state = empty.apply(key);
        factsOfView.apply(view).forEach(fact -> apply.test(state, fact));
        return state;
    }

    byte[] bytes(S state) {
        return Json.bytes(view.apply(state));
    }
}
