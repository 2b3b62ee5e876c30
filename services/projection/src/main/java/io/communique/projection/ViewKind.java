package io.communique.projection;

import io.communique.model.CountryView;
import io.communique.model.Fact;
import io.communique.model.Json;
import io.communique.model.TopicView;
import io.communique.model.Topics;

/**
 * What differs between the country and the topic projection: which topics they read and write, and how one view's
 * state is created, restored from its published bytes, folded and serialised.
 */
interface ViewKind<S> {
    String name();

    String inputTopic();

    String viewTopic();

    S empty(String key);

    /** The state that published {@code view}: folding its facts again gives the same view. */
    S restore(String key, byte[] view);

    /** Folds the fact in; true when the view changed. */
    boolean apply(S state, Fact fact);

    /** Takes a retracted fact out; true when the view changed. */
    boolean retract(S state, String factId);

    byte[] bytes(S state);

    ViewKind<CountryFold.State> COUNTRIES = new ViewKind<>() {
        public String name() {
            return "country";
        }

        public String inputTopic() {
            return Topics.FACTS_BY_COUNTRY;
        }

        public String viewTopic() {
            return Topics.VIEWS_COUNTRY;
        }

        public CountryFold.State empty(String key) {
            return new CountryFold.State(key);
        }

        public CountryFold.State restore(String key, byte[] view) {
            CountryFold.State state = new CountryFold.State(key);
            Json.read(view, CountryView.class).facts().forEach(state::apply);
            return state;
        }

        public boolean apply(CountryFold.State state, Fact fact) {
            return state.apply(fact);
        }

        public boolean retract(CountryFold.State state, String factId) {
            return state.retract(factId);
        }

        public byte[] bytes(CountryFold.State state) {
            return Json.bytes(state.view());
        }
    };

    ViewKind<TopicFold.State> TOPICS = new ViewKind<>() {
        public String name() {
            return "topic";
        }

        public String inputTopic() {
            return Topics.FACTS_BY_TOPIC;
        }

        public String viewTopic() {
            return Topics.VIEWS_TOPIC;
        }

        public TopicFold.State empty(String key) {
            return new TopicFold.State(key);
        }

        public TopicFold.State restore(String key, byte[] view) {
            TopicFold.State state = new TopicFold.State(key);
            Json.read(view, TopicView.class).facts().forEach(state::apply);
            return state;
        }

        public boolean apply(TopicFold.State state, Fact fact) {
            return state.apply(fact);
        }

        public boolean retract(TopicFold.State state, String factId) {
            return state.retract(factId);
        }

        public byte[] bytes(TopicFold.State state) {
            return Json.bytes(state.view());
        }
    };
}
