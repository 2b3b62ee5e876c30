package io.communique.alert;

import io.communique.model.Evidence;
import io.communique.model.ExtractorInfo;
import io.communique.model.Fact;
import io.communique.model.FactType;
import io.communique.model.Watch;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchMatcherTest {
    private static final Fact TALKS = new Fact("f".repeat(32), "d".repeat(64), "test", FactType.TALKS, List.of("CN", "RU"),
            null, List.of("习近平", "Vladimir Putin"), "2017-07-04", null, "莫斯科", null, List.of("belt-and-road"), 0.9,
            new Evidence("…", 0, 1), new ExtractorInfo("rules", "1"));

    private static Watch watch(List<String> countries, List<String> pair, List<FactType> types, List<String> topics,
                               List<String> persons) {
        return new Watch("a".repeat(32), "w", countries, pair, types, topics, persons, null, "2026-01-01T00:00:00Z");
    }

    @Test
    void aCountryMatchesAnyFactItTakesPartIn() {
        assertThat(WatchMatcher.matches(watch(List.of("RU"), null, null, null, null), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(List.of("US", "CN"), null, null, null, null), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(List.of("US"), null, null, null, null), TALKS)).isFalse();
    }

    @Test
    void aPairNeedsBothCountries() {
        assertThat(WatchMatcher.matches(watch(null, List.of("RU", "CN"), null, null, null), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(null, List.of("CN", "US"), null, null, null), TALKS)).isFalse();
    }

    @Test
    void typesTopicsAndPersonsEachNeedOneOfTheirItems() {
        assertThat(WatchMatcher.matches(watch(null, null, List.of(FactType.VISIT, FactType.TALKS), null, null), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(null, null, List.of(FactType.VISIT), null, null), TALKS)).isFalse();
        assertThat(WatchMatcher.matches(watch(null, null, null, List.of("belt-and-road"), null), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(null, null, null, List.of("climate"), null), TALKS)).isFalse();
        assertThat(WatchMatcher.matches(watch(null, null, null, null, List.of("putin")), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(null, null, null, null, List.of("习近平")), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(null, null, null, null, List.of("Merkel")), TALKS)).isFalse();
    }

    @Test
    void everyCriterionGivenMustHold() {
        assertThat(WatchMatcher.matches(watch(List.of("CN"), null, List.of(FactType.TALKS), List.of("belt-and-road"),
                List.of("Putin")), TALKS)).isTrue();
        assertThat(WatchMatcher.matches(watch(List.of("CN"), null, List.of(FactType.VISIT), List.of("belt-and-road"),
                List.of("Putin")), TALKS)).isFalse();
    }

    @Test
    void aWatchWithoutCriteriaMatchesNothing() {
        assertThat(WatchMatcher.matches(watch(null, null, null, null, List.of()), TALKS)).isFalse();
        assertThat(WatchMatcher.matches(watch(null, null, null, null, List.of(" ")), TALKS)).isFalse();
    }
}
