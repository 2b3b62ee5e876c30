package io.communique.extract;

import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tour of several countries as a summary tells it: "对俄罗斯进行正式访问，并对白俄罗斯、芬兰、瑞典进行正式访问…访问期间总共签署
 * 60份合作协议", "同四国领导人深入交换看法". What is summed up over the tour happened with each country visited: one event per
 * host, with the visitor.
 */
final class Trip {
    /** The sentence speaks of the whole tour: "访问期间", "此访", "during the visits", "on the tour". */
    static final Pattern OVER_THE_TOUR = Pattern.compile("(?i)访问期间|出访期间|此访|此次出访|往访国|during (?:the|his|her) (?:visits|tour|trip)|on the tour");

    private Trip() {
    }

    /** The visitor and the two or more hosts of the report's visits so far; null when they are not one visitor's tour. */
    static Tour of(List<Candidate> candidates) {
        String visitor = null;
        Set<String> hosts = new LinkedHashSet<>();
        for (Candidate c : candidates) {
            if (c.type != FactType.VISIT || c.initiator == null) {
                continue;
            }
            if (visitor != null && !visitor.equals(c.initiator)) {
                return null;
            }
            visitor = c.initiator;
            for (String p : c.participants) {
                if (!p.equals(visitor)) {
                    hosts.add(p);
                }
            }
        }
        return hosts.size() < 2 ? null : new Tour(visitor, new ArrayList<>(hosts));
    }

    record Tour(String visitor, List<String> hosts) {
        List<Set<String>> pairs() {
            return hosts.stream().map(h -> (Set<String>) new LinkedHashSet<>(List.of(visitor, h))).toList();
        }
    }
}
