package io.communique.projection;

import io.communique.kafka.BadRecord;
import io.communique.model.EventView;
import io.communique.model.Fact;
import io.communique.model.FactType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The events of one set of parties and each event's view. Which reports are one event is the
 * {@link EventResolver}'s decision; this merges each event's reports into its view, derived from the set of reports
 * alone, never from their order, so any order of arrival and a rebuild give the same bytes. Merge rules, field by
 * field:
 * <ul>
 *   <li>type, initiator, location, title: the value most reports give, ties to the first in natural order (for
 *       the type: TALKS before MEETING);</li>
 *   <li>date: a full date beats one without year, then as above;</li>
 *   <li>endDate: a range beats a single day (a later report with the range refines the event); among ranges, the
 *       end most reports give, ties to the latest;</li>
 *   <li>persons: every person any report names;</li>
 *   <li>conflicts: every field on which reports give two or more different values, listing them;</li>
 *   <li>joins: why each report after the first is in the event, as the resolver found.</li>
 * </ul>
 * {@link State} keeps the reports of one set of parties for the projection.
 */
public final class EventFold {
    private EventFold() {
    }

    /** The view of one event: its reports' fields merged. */
    static EventView view(String eventId, Collection<Fact> reports, List<EventView.Join> joins) {
        List<EventView.Conflict> conflicts = new ArrayList<>();
        String type = merged("type", reports, fact -> fact.type().name(), MOST_GIVEN.thenComparing(TYPE_ORDER), conflicts);
        String initiator = merged("initiator", reports, Fact::initiator, MOST_GIVEN, conflicts);
        String date = merged("date", reports, Fact::date, FULL_DATE_FIRST.thenComparing(MOST_GIVEN), conflicts);
        String endDate = merged("endDate", reports, Fact::endDate, MOST_GIVEN.thenComparing(LATEST), conflicts);
        String location = merged("location", reports, Fact::location, MOST_GIVEN, conflicts);
        String title = merged("title", reports, Fact::title, MOST_GIVEN, conflicts);
        List<Fact> byId = reports.stream().sorted(Comparator.comparing(Fact::id)).toList();
        return new EventView(eventId, type == null ? null : FactType.valueOf(type),
                byId.isEmpty() ? List.of() : byId.get(0).participants(), initiator,
                List.copyOf(reports.stream().flatMap(fact -> fact.persons().stream()).collect(Collectors.toCollection(TreeSet::new))),
                date, endDate, location, title,
                (int) reports.stream().map(Fact::documentId).distinct().count(), byId, conflicts, joins);
    }

    /**
     * Every report of one set of parties (the key of their routed facts), by fact id; their events are resolved and
     * their views derived only when asked for after a change. Not thread-safe.
     */
    static final class State {
        private final TreeMap<String, Fact> reports = new TreeMap<>();
        private Map<String, EventView> views;

        /**
         * Applies a report; false when it is in already as it is. A report the resolver cannot take even alone (a bug
         * meeting unusual input) throws and is not applied: the views are derived later, for the whole batch, where
         * the failure could no longer be told apart from the other reports'.
         */
        boolean apply(Fact fact) {
            if (fact.equals(reports.get(fact.id()))) {
                return false;
            }
            try {
                EventResolver.resolve(List.of(fact));
            } catch (RuntimeException e) {
                throw new BadRecord(BadRecord.Kind.PROCESSING_FAILED, "the event resolver failed on this report: " + e, e);
            }
            reports.put(fact.id(), fact);
            views = null;
            return true;
        }

        /** Removes a report a newer extraction no longer finds; false when it was not there. */
        boolean retract(String factId) {
            if (reports.remove(factId) == null) {
                return false;
            }
            views = null;
            return true;
        }

        /** The parties' events by id, in id order: a re-extraction may move reports, merge or split events. */
        Map<String, EventView> views() {
            if (views == null) {
                Map<String, EventView> derived = new LinkedHashMap<>();
                EventResolver.resolve(reports.values()).forEach(event ->
                        derived.put(event.id(), view(event.id(), event.reports(), event.joins())));
                views = Collections.unmodifiableMap(derived);
            }
            return views;
        }
    }

    /** A value given by some reports and how many. */
    private record Given(String value, long reports) {
    }

    private static final Comparator<Given> MOST_GIVEN = Comparator.comparingLong(Given::reports).reversed();
    private static final Comparator<Given> FULL_DATE_FIRST = Comparator.comparing(given -> given.value().startsWith("--"));
    /** TALKS before MEETING: when as many reports say each, the more formal word wins. */
    private static final Comparator<Given> TYPE_ORDER = Comparator.comparing(given -> FactType.valueOf(given.value()));
    private static final Comparator<Given> LATEST = Comparator.comparing(Given::value, Comparator.reverseOrder());

    /**
     * The value of one field: reports that give none are left out; the best by {@code preference}, ties to the first
     * value in natural order. Two or more values make a conflict.
     */
    private static String merged(String field, Collection<Fact> reports, Function<Fact, String> value,
                                 Comparator<Given> preference, List<EventView.Conflict> conflicts) {
        Map<String, Long> counts = reports.stream().map(value).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        if (counts.size() > 1) {
            conflicts.add(new EventView.Conflict(field, List.copyOf(counts.keySet())));
        }
        return counts.entrySet().stream().map(entry -> new Given(entry.getKey(), entry.getValue()))
                .min(preference.thenComparing(Given::value)).map(Given::value).orElse(null);
    }
}
