package io.communique.alert;

import io.communique.model.Fact;
import io.communique.model.Watch;

import java.util.Locale;

/**
 * Whether a fact is what a watch asks for: a pure function of the two. Every criterion the watch gives must hold
 * (countries, pair, types, topics, persons); within one criterion any item may. A watch without any criterion
 * matches nothing (the API refuses to create one).
 */
public final class WatchMatcher {
    private WatchMatcher() {
    }

    public static boolean matches(Watch watch, Fact fact) {
        if (watch.isEmpty()) {
            return false;
        }
        return (watch.countries().isEmpty() || watch.countries().stream().anyMatch(fact::involves))
                && (watch.pair().isEmpty() || watch.pair().stream().allMatch(fact::involves))
                && (watch.types().isEmpty() || watch.types().contains(fact.type()))
                && (watch.topics().isEmpty() || watch.topics().stream().anyMatch(fact.topics()::contains))
                && (watch.persons().isEmpty() || watch.persons().stream().anyMatch(wanted -> namesPerson(fact, wanted)));
    }

    /** A person of the fact whose name contains the wanted one, ignoring case: "Putin" finds "Vladimir Putin". */
    private static boolean namesPerson(Fact fact, String wanted) {
        String needle = wanted.strip().toLowerCase(Locale.ROOT);
        return !needle.isEmpty() && fact.persons().stream()
                .anyMatch(person -> person.toLowerCase(Locale.ROOT).contains(needle));
    }
}
